package models

import (
	"math/bits"
	"strconv"
)

// Totals are what a unit's rollup is computed from: for the communes below
// it, the number of reports; per measure, the sum and the number of
// communes that reported it; per ratio or weighted mean, the sums of
// numerator (or value × weight) and denominator (or weight) over the
// communes that reported both, and their number. Every slot is an exact
// integer, so that totals can be kept up to date by adding each change.
type Totals [NumTotals]int64

const (
	numPairs  = 4
	NumTotals = 1 + 2*int(NumMeasures) + 3*numPairs
)

// Slot names: the columns of the totals table.
var TotalNames = func() []string {
	names := make([]string, NumTotals)
	names[0] = "reports"
	for m, info := range Measures {
		names[sumSlot(Measure(m))] = "s_" + info.Code
		names[countSlot(Measure(m))] = "n_" + info.Code
	}
	for _, ind := range Indicators {
		if ind.pair >= 0 {
			names[pairSlot(ind.pair)] = "pn_" + ind.Code
			names[pairSlot(ind.pair)+1] = "pd_" + ind.Code
			names[pairSlot(ind.pair)+2] = "pc_" + ind.Code
		}
	}
	return names
}()

func sumSlot(m Measure) int   { return 1 + 2*int(m) }
func countSlot(m Measure) int { return 2 + 2*int(m) }
func pairSlot(p int) int      { return 1 + 2*int(NumMeasures) + 3*p }

// Reports is the number of reports counted.
func (t *Totals) Reports() int64 { return t[0] }

// Contribution is what one counted report adds to the totals of every unit
// above it (and of its own commune).
func Contribution(f *Figures) Totals {
	var t Totals
	t[0] = 1
	for m := Measure(0); m < NumMeasures; m++ {
		if v, ok := f.Get(m); ok {
			t[sumSlot(m)] = v
			t[countSlot(m)] = 1
		}
	}
	for _, ind := range Indicators {
		if ind.pair < 0 {
			continue
		}
		v, okV := f.Get(ind.Value)
		w, okW := f.Get(ind.Weight)
		if !okV || !okW {
			continue
		}
		s := pairSlot(ind.pair)
		if ind.Aggregation == AggWeighted {
			hi, lo := bits.Mul64(uint64(v), uint64(w))
			if hi != 0 || lo > 1<<62 || v < 0 || w < 0 {
				continue // impossible within the report limits; never wrap
			}
			v = int64(lo)
		}
		t[s], t[s+1], t[s+2] = v, w, 1
	}
	return t
}

// Add adds o to t; Sub subtracts it.
func (t *Totals) Add(o *Totals) {
	for i := range t {
		t[i] += o[i]
	}
}

func (t *Totals) Sub(o *Totals) {
	for i := range t {
		t[i] -= o[i]
	}
}

// IsZero tells whether every slot is zero (a change that changes nothing).
func (t *Totals) IsZero() bool {
	for _, v := range t {
		if v != 0 {
			return false
		}
	}
	return true
}

// Amount is an indicator's value, exact: a whole number (counts, đồng) or a
// decimal (percentages, hectares). It is written as a JSON number digit for
// digit, never through float64, so a total above 2^53 đồng comes back to
// the last digit.
type Amount struct {
	v       int64
	decimal bool // v is in Decimal units
}

// IntAmount and DecimalAmount make amounts.
func IntAmount(v int64) *Amount       { return &Amount{v: v} }
func DecimalAmount(d Decimal) *Amount { return &Amount{v: d.Units(), decimal: true} }

func (a Amount) String() string {
	if a.decimal {
		return DecimalFromUnits(a.v).String()
	}
	return strconv.FormatInt(a.v, 10)
}

func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalJSON reads an amount back exactly: digits without a point as an
// integer, others as a decimal.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*a = Amount{v: n}
		return nil
	}
	d, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*a = Amount{v: d.Units(), decimal: true}
	return nil
}

// Int returns the amount as an integer and whether it is one.
func (a Amount) Int() (int64, bool) { return a.v, !a.decimal }

// Float is the amount as a float64, for spreadsheets (exact up to 2^53).
func (a Amount) Float() float64 {
	if a.decimal {
		return float64(a.v) / DecimalScale
	}
	return float64(a.v)
}

// Compute returns the indicator's value from totals and the number of
// communes it rests on; the value is nil where none reported it.
func (ind Indicator) Compute(t *Totals) (*Amount, int) {
	if ind.pair < 0 {
		n := t[countSlot(ind.Value)]
		if n == 0 {
			return nil, 0
		}
		v := t[sumSlot(ind.Value)]
		if Measures[ind.Value].Decimal {
			return &Amount{v: v, decimal: true}, int(n)
		}
		return &Amount{v: v}, int(n)
	}
	s := pairSlot(ind.pair)
	num, den, n := t[s], t[s+1], t[s+2]
	if n == 0 || den <= 0 || num < 0 {
		return nil, int(n)
	}
	switch {
	case ind.Aggregation == AggRatio: // a percentage with Places decimals
		if q, ok := ratio(num, 100*DecimalScale, den, ind.Places); ok {
			return DecimalAmount(q), int(n)
		}
	case Measures[ind.Value].Decimal: // a mean of decimals, e.g. a share in percent
		if q, ok := ratio(num, 1, den, ind.Places); ok {
			return DecimalAmount(q), int(n)
		}
	default: // a mean of whole numbers, e.g. đồng: rounded to a whole number
		if q, ok := ratio(num, DecimalScale, den, 0); ok {
			return &Amount{v: q.Units() / DecimalScale}, int(n)
		}
	}
	return nil, int(n) // beyond what an int64 holds: cannot happen within the report limits
}

// ratio returns num × mul / den (num, mul ≥ 0, den > 0), in Decimal
// units, rounded half up to places decimals; exact, the product being
// 128-bit. It fails only if the quotient does not fit in an int64.
func ratio(num, mul, den int64, places int) (Decimal, bool) {
	hi, lo := bits.Mul64(uint64(num), uint64(mul))
	if hi >= uint64(den) {
		return Decimal{}, false
	}
	q, r := bits.Div64(hi, lo, uint64(den))
	step := uint64(1)
	for i := places; i < 4; i++ {
		step *= 10
	}
	base := q - q%step
	// The part beyond base, times den, to compare with half a step exactly.
	restHi, restLo := bits.Mul64(q%step, uint64(den))
	restLo, carry := bits.Add64(restLo, r, 0)
	restHi += carry
	halfHi, halfLo := bits.Mul64(step, uint64(den))
	// round up when 2 × rest ≥ step × den
	twoHi := restHi<<1 | restLo>>63
	twoLo := restLo << 1
	if twoHi > halfHi || (twoHi == halfHi && twoLo >= halfLo) {
		base += step
	}
	if base > 1<<63-1 {
		return Decimal{}, false
	}
	return DecimalFromUnits(int64(base)), true
}

// UnitRef names a unit in answers.
type UnitRef struct {
	Code string `json:"code" example:"167" validate:"required"`
	Name string `json:"name" example:"Huyện Định Hóa" validate:"required"`
}

// IndicatorValue is an indicator's value for a unit and period, and how
// many communes it rests on.
type IndicatorValue struct {
	Code        string      `json:"code" example:"poverty_rate_pct" validate:"required"`
	NameVI      string      `json:"name_vi" example:"Tỷ lệ hộ nghèo" validate:"required"`
	NameEN      string      `json:"name_en" example:"Poverty rate" validate:"required"`
	Unit        string      `json:"unit" example:"%" validate:"required"`
	Aggregation Aggregation `json:"aggregation" enums:"sum,ratio,weighted_mean" example:"ratio" validate:"required"`
	// Exact: whole numbers to the last digit, decimals as computed
	// (percentages and means rounded half up to 2 places, money means to
	// the đồng). Null where no commune reported it.
	Value     *Amount `json:"value" swaggertype:"number" format:"double" example:"5.13" extensions:"x-nullable" validate:"required"`
	Reporting int     `json:"reporting" example:"17" validate:"required"` // communes that reported it (both parts, for a ratio or mean)
	// With compare=previous: the indicator's value in the period before
	// and the change since.
	Compared *Comparison `json:"compared,omitempty"`
}

// Comparison is an indicator's value in the period before a rollup's
// (2023 for 2024, 2024S1 for 2024S2, 2023S2 for 2024S1) and the change
// from it: value − previous, exact, as the overview's column "Thay đổi".
type Comparison struct {
	Period string `json:"period" example:"2023" validate:"required"`
	// Null where no commune reported it in that period.
	Previous *Amount `json:"previous" swaggertype:"number" format:"double" example:"6.02" extensions:"x-nullable" validate:"required"`
	// value − previous; null where either is null.
	Change *Amount `json:"change" swaggertype:"number" format:"double" example:"-0.89" extensions:"x-nullable" validate:"required"`
}

// AmountChange is cur − prev, exact (a decimal if either is one), or nil
// where either is nil.
func AmountChange(cur, prev *Amount) *Amount {
	if cur == nil || prev == nil {
		return nil
	}
	if !cur.decimal && !prev.decimal {
		return &Amount{v: cur.v - prev.v}
	}
	c, okC := cur.units()
	p, okP := prev.units()
	if !okC || !okP {
		return nil
	}
	return &Amount{v: c - p, decimal: true}
}

// units is the amount in Decimal units; false if it does not fit.
func (a Amount) units() (int64, bool) {
	if a.decimal {
		return a.v, true
	}
	hi, lo := bits.Mul64(uint64(max(a.v, -a.v)), DecimalScale)
	if hi != 0 || lo > 1<<62 {
		return 0, false
	}
	return a.v * DecimalScale, true
}

// Rollup is the totals of every indicator over the communes below a unit.
type Rollup struct {
	Unit             UnitRef          `json:"unit" validate:"required"`
	Period           string           `json:"period" example:"2024" validate:"required"`
	Counted          []string         `json:"counted" example:"submitted,accepted" validate:"required"` // the report statuses counted
	CommunesExpected int              `json:"communes_expected" example:"23" validate:"required"`
	CommunesReported int              `json:"communes_reported" example:"18" validate:"required"`
	Indicators       []IndicatorValue `json:"indicators" validate:"required"`
	Breakdown        []BreakdownRow   `json:"breakdown,omitempty"` // by=child
	Series           []SeriesPoint    `json:"series,omitempty"`    // periods=
	// tree=: the day whose tree the figures are regrouped in, and the
	// communes of the periods that were divided and so count in no
	// commune-level figure of that tree.
	Tree          string          `json:"tree,omitempty" example:"2025-07-01"`
	NotComparable []NotComparable `json:"not_comparable,omitzero"`
}

// NotComparable is a commune divided by a reorganisation (or retired with
// no known successor): its reports are never split by a guess, so they
// count only at counts_in, the first unit where all its successors meet.
type NotComparable struct {
	Code       string    `json:"code" example:"18796" validate:"required"`
	Name       string    `json:"name" example:"Xã Kỳ Lợi" validate:"required"`
	Successors []UnitRef `json:"successors" validate:"required"`
	CountsIn   *UnitRef  `json:"counts_in,omitempty"`
}

// BreakdownRow is one child unit of a rollup by=child.
type BreakdownRow struct {
	UnitCode string   `json:"unit_code" example:"05596" validate:"required"`
	Name     string   `json:"name" example:"Xã Bộc Nhiêu" validate:"required"`
	Kind     UnitKind `json:"kind" enums:"country,province,district,commune,ward,town,special_zone" example:"commune" validate:"required"`
	// A commune's report status (missing, draft, submitted, returned,
	// accepted); null for a unit above communes.
	Status           *string            `json:"status" enums:"missing,draft,submitted,returned,accepted" example:"submitted" extensions:"x-nullable" validate:"required"`
	CommunesExpected int                `json:"communes_expected" example:"1" validate:"required"`
	CommunesReported int                `json:"communes_reported" example:"1" validate:"required"`
	Values           map[string]*Amount `json:"values" swaggertype:"object" validate:"required"` // indicator code → its value for this unit: a number, or null where the unit reported none (not zero). The values are numbers or null, which Swagger 2.0 cannot say of a map.
}

// SeriesPoint is one period of a rollup's series.
type SeriesPoint struct {
	Period           string           `json:"period" example:"2023" validate:"required"`
	CommunesExpected int              `json:"communes_expected" example:"23" validate:"required"`
	CommunesReported int              `json:"communes_reported" example:"21" validate:"required"`
	Indicators       []IndicatorValue `json:"indicators" validate:"required"`
}
