package models

import (
	"testing"
	"time"
)

// FuzzParsePeriod checks that ParsePeriod never panics and that a period it
// accepts is in canonical form (String gives back the input, which parses
// to the same period), lies within the allowed years, and has consistent
// bounds: FirstDay ≤ LastDay in the period's year, with the previous
// period ending the day before it starts.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{
		"2024", "2024S1", "2024S2", "2000", "2200", "2200S2", "1999", "2201", "0000", "9999S1",
		"2024S0", "2024S3", "2024s1", "2024H1", "2024S", "2024S12", "202", "20244", "", "S1",
		"-024", "+024", "2 24", "２０２４", "2024\x00S1", "\xff\xfe\xfd\xfc", "2024S\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: an empty error", s)
			}
			if p != (Period{}) {
				t.Fatalf("%q: error %v with a non-zero period %+v", s, err, p)
			}
			return
		}
		if p.Year < MinPeriodYear || p.Year > MaxPeriodYear || p.Half < 0 || p.Half > 2 {
			t.Fatalf("%q: parsed to %+v, out of bounds", s, p)
		}
		str := p.String()
		if str != s {
			t.Fatalf("%q: parsed to %+v, which is written %q", s, p, str)
		}
		again, err := ParsePeriod(str)
		if err != nil || again != p {
			t.Fatalf("%q: String %q parses to %+v, %v", s, str, again, err)
		}
		first, last := p.FirstDay(), p.LastDay()
		if first.IsZero() || last.IsZero() || last.Before(first) {
			t.Fatalf("%q: bounds %s..%s", s, first, last)
		}
		if first.Year() != p.Year || last.Year() != p.Year {
			t.Fatalf("%q: bounds %s..%s outside the year", s, first, last)
		}
		if !p.Previous().LastDay().AddDays(1).Equal(first) {
			t.Fatalf("%q: the previous period %s ends on %s, not the day before %s", s, p.Previous(), p.Previous().LastDay(), first)
		}
		if p.Begun(first.StartInVietnam().Add(-time.Nanosecond)) || !p.Begun(first.StartInVietnam()) {
			t.Fatalf("%q: Begun is wrong at the start of %s", s, first)
		}
	})
}

// FuzzParseDate checks that ParseDate never panics and that a date it
// accepts is written back exactly as given (YYYY-MM-DD has one spelling)
// and is never the zero Date, which means "no date".
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2024-11-20", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-1-1", "2024-01-1",
		"24-01-01", "2024/01/01", "20240101", "0000-01-01", "9999-12-31", "2024-11-20T00:00:00Z",
		"", "null", "\xff", " 2024-11-20", "2024-11-20 ", "+024-11-20", "-024-11-20",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("%q: error %v with a date %s", s, err, d)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("%q: parsed to the zero Date, which means no date", s)
		}
		if d.String() != s {
			t.Fatalf("%q: parsed to %s", s, d)
		}
		b, _ := d.MarshalJSON()
		var back Date
		if err := back.UnmarshalJSON(b); err != nil || !back.Equal(d) {
			t.Fatalf("%q: JSON %s reads back as %s, %v", s, b, back, err)
		}
	})
}
