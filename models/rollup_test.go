package models

import (
	"encoding/json"
	"testing"
)

func figs(vals map[Measure]int64) *Figures {
	var f Figures
	for m, v := range vals {
		f.Put(m, v)
	}
	return &f
}

func totalsOf(fs ...*Figures) *Totals {
	var t Totals
	for _, f := range fs {
		c := Contribution(f)
		t.Add(&c)
	}
	return &t
}

func value(t *testing.T, code string, tt *Totals) (string, int) {
	t.Helper()
	ind, ok := IndicatorByCode(code)
	if !ok {
		t.Fatalf("no indicator %s", code)
	}
	v, n := ind.Compute(tt)
	if v == nil {
		return "null", n
	}
	return v.String(), n
}

// TestRatioOfSumsAndWeightedMeans: a district's poverty rate is its poor
// households over its households, and its income per head is weighted by
// population — not the mean of its communes' figures, which here differs.
func TestRatioOfSumsAndWeightedMeans(t *testing.T) {
	a := figs(map[Measure]int64{MHouseholds: 1000, MPoorHouseholds: 100, MPopulation: 4000, MIncomePerCapita: 40_000_000, MEthnicMinorityShare: 80 * DecimalScale})
	b := figs(map[Measure]int64{MHouseholds: 100, MPoorHouseholds: 50, MPopulation: 400, MIncomePerCapita: 100_000_000, MEthnicMinorityShare: 10 * DecimalScale})
	c := figs(map[Measure]int64{MHouseholds: 500}) // no poor households reported: out of the ratio
	tt := totalsOf(a, b, c)
	for code, want := range map[string]struct {
		v string
		n int
	}{
		"poverty_rate_pct":          {"13.64", 2}, // 150 / 1100; the mean of 10% and 50% would be 30
		"households":                {"1600", 3},
		"poor_households":           {"150", 2},
		"income_per_capita_vnd":     {"45454545", 2}, // (4000×40M + 400×100M) / 4400; the mean would be 70M
		"ethnic_minority_share_pct": {"73.64", 2},    // (4000×80 + 400×10) / 4400; the mean would be 45
		"near_poverty_rate_pct":     {"null", 0},
		"population":                {"4400", 2},
	} {
		if v, n := value(t, code, tt); v != want.v || n != want.n {
			t.Errorf("%s = %s (%d communes), want %s (%d)", code, v, n, want.v, want.n)
		}
	}
}

func TestNullIsNotZero(t *testing.T) {
	none := totalsOf(figs(map[Measure]int64{MHouseholds: 10}))
	if v, n := value(t, "citizens_exited", none); v != "null" || n != 0 {
		t.Errorf("nobody reported: %s, %d", v, n)
	}
	zero := totalsOf(figs(map[Measure]int64{MCitizensExited: 0}), figs(nil))
	if v, n := value(t, "citizens_exited", zero); v != "0" || n != 1 {
		t.Errorf("one reported none: %s, %d", v, n)
	}
}

// TestExactPast2To53: totals are int64 and written digit for digit.
func TestExactPast2To53(t *testing.T) {
	tt := totalsOf(figs(map[Measure]int64{MNgoAidCommitted: 1 << 53}), figs(map[Measure]int64{MNgoAidCommitted: 1}), figs(map[Measure]int64{MNgoAidCommitted: 1}))
	ind, _ := IndicatorByCode("ngo_aid_committed_vnd")
	v, _ := ind.Compute(tt)
	b, _ := json.Marshal(v)
	if string(b) != "9007199254740994" {
		t.Errorf("got %s, want 9007199254740994 (float64 would say 9007199254740992)", b)
	}
}

func TestRounding(t *testing.T) {
	for _, c := range []struct {
		num, mul, den int64
		places        int
		want          string
	}{
		{60, 100 * DecimalScale, 1169, 2, "5.13"}, // 5.1326…
		{43, 100 * DecimalScale, 1169, 2, "3.68"}, // 3.6783…
		{1, 100 * DecimalScale, 8, 2, "12.5"},     // exactly 12.5
		{1, 100 * DecimalScale, 800, 2, "0.13"},   // 0.125 rounds half up
		{1, 100 * DecimalScale, 3, 2, "33.33"},
		{2, 100 * DecimalScale, 3, 2, "66.67"},
		{0, 100 * DecimalScale, 3, 2, "0"},
		{1 << 62, DecimalScale, 1 << 50, 0, "4096"},
	} {
		got, ok := ratio(c.num, c.mul, c.den, c.places)
		if !ok || got.String() != c.want {
			t.Errorf("ratio(%d×%d/%d, %d) = %s, want %s", c.num, c.mul, c.den, c.places, got, c.want)
		}
	}
	if _, ok := ratio(1<<62, 1<<62, 1, 0); ok {
		t.Error("an overflowing ratio must fail, not wrap")
	}
}

func TestContributionAndSubtraction(t *testing.T) {
	f := figs(map[Measure]int64{MHouseholds: 1169, MPoorHouseholds: 60, MAreaHa: 26_906_700})
	c := Contribution(f)
	var tt Totals
	tt.Add(&c)
	tt.Sub(&c)
	if !tt.IsZero() {
		t.Error("adding and taking away a report must leave nothing")
	}
	if len(TotalNames) != NumTotals || TotalNames[0] != "reports" || TotalNames[sumSlot(MHouseholds)] != "s_households" {
		t.Errorf("total names: %v", TotalNames[:5])
	}
}
