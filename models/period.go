package models

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Vietnam is the time zone of every date in the domain (UTC+7, no daylight
// saving): a deadline "25/11/2024" ends at midnight in Hà Nội, not in UTC.
var Vietnam = time.FixedZone("ICT", 7*60*60)

// Date is a calendar date such as a document's issue date or a due date,
// written "2024-11-25" in JSON. The zero Date means "no date".
type Date struct {
	t time.Time // midnight UTC of the date; zero for no date
}

// ParseDate reads "YYYY-MM-DD" and refuses dates that do not exist
// ("2024-02-30").
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return Date{}, messageErrorf(MBadDate, Params{"text": s}, "%q is not a calendar date written YYYY-MM-DD", s)
	}
	if t.IsZero() {
		// 0001-01-01 is the zero Date, "no date": accepting it would turn a
		// date that was sent into none (a null in the stored report).
		return Date{}, messageErrorf(MDateTooEarly, Params{"text": s}, "%q is too early to be a date here; leave the date out (null) if there is none", s)
	}
	return Date{t: t}, nil
}

// DateOf returns the date of t as seen in Vietnam.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Vietnam).Date()
	return Date{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// MustDate is ParseDate for constants in code and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) IsZero() bool       { return d.t.IsZero() }
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }
func (d Date) AddDays(n int) Date { return Date{t: d.t.AddDate(0, 0, n)} }
func (d Date) Year() int          { return d.t.Year() }
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }
func (d Date) Compare(o Date) int { return d.t.Compare(o.t) }
func (d Date) StartInVietnam() time.Time {
	y, m, dd := d.t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, Vietnam)
}

// EndInVietnam is the instant the date ends in Vietnam: a submission made
// before it is on time for a deadline on that date.
func (d Date) EndInVietnam() time.Time { return d.AddDays(1).StartInVietnam() }

// DayMonthYear is the date as Vietnamese documents write it: 25/11/2024.
func (d Date) DayMonthYear() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return messageErrorf(MNotDate, nil, "must be a date written YYYY-MM-DD")
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Period is what a report covers: a year ("2024") or one of its halves
// ("2024S1", "2024S2").
type Period struct {
	Year int
	Half int // 0 for the whole year, 1 or 2 for a half
}

// The years a period may name. Reports are about the present; a typo such
// as "20244" or "1024" is caught here.
const (
	MinPeriodYear = 2000
	MaxPeriodYear = 2200
)

// PeriodPattern is the form ParsePeriod reads, as a regular expression for
// the OpenAPI document (the year's range is checked beside it).
const PeriodPattern = `^[0-9]{4}(S[12])?$`

// ParsePeriod reads "2024", "2024S1" or "2024S2".
func ParsePeriod(s string) (Period, error) {
	bad := messageErrorf(MBadPeriod, Params{"text": s}, "%q is not a period: write the year (2024) or a half year (2024S1, 2024S2)", s)
	if len(s) != 4 && len(s) != 6 {
		return Period{}, bad
	}
	for _, c := range s[:4] {
		if c < '0' || c > '9' {
			return Period{}, bad
		}
	}
	y, _ := strconv.Atoi(s[:4])
	p := Period{Year: y}
	if len(s) == 6 {
		switch s[4:] {
		case "S1":
			p.Half = 1
		case "S2":
			p.Half = 2
		default:
			return Period{}, bad
		}
	}
	if y < MinPeriodYear || y > MaxPeriodYear {
		return Period{}, messageErrorf(MPeriodYearRange, Params{"text": s, "min": MinPeriodYear, "max": MaxPeriodYear}, "%q is not a period: the year must be between %d and %d", s, MinPeriodYear, MaxPeriodYear)
	}
	return p, nil
}

func (p Period) String() string {
	switch p.Half {
	case 1:
		return fmt.Sprintf("%dS1", p.Year)
	case 2:
		return fmt.Sprintf("%dS2", p.Year)
	}
	return strconv.Itoa(p.Year)
}

// FirstDay and LastDay bound the period.
func (p Period) FirstDay() Date {
	m := time.January
	if p.Half == 2 {
		m = time.July
	}
	return Date{t: time.Date(p.Year, m, 1, 0, 0, 0, 0, time.UTC)}
}

func (p Period) LastDay() Date {
	if p.Half == 1 {
		return Date{t: time.Date(p.Year, time.June, 30, 0, 0, 0, 0, time.UTC)}
	}
	return Date{t: time.Date(p.Year, time.December, 31, 0, 0, 0, 0, time.UTC)}
}

// Begun tells whether the period has begun at now (Vietnam time): a report
// for 2027 cannot be written in 2026.
func (p Period) Begun(now time.Time) bool {
	return !now.Before(p.FirstDay().StartInVietnam())
}

// Previous is the period of the same length just before: 2023 for 2024,
// 2024S1 for 2024S2, 2023S2 for 2024S1.
func (p Period) Previous() Period {
	switch p.Half {
	case 1:
		return Period{Year: p.Year - 1, Half: 2}
	case 2:
		return Period{Year: p.Year, Half: 1}
	}
	return Period{Year: p.Year - 1}
}
