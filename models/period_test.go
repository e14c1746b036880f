package models

import (
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	good := map[string]Period{"2024": {2024, 0}, "2024S1": {2024, 1}, "2025S2": {2025, 2}}
	for s, want := range good {
		p, err := ParsePeriod(s)
		if err != nil || p != want || p.String() != s {
			t.Errorf("ParsePeriod(%q) = %v, %v", s, p, err)
		}
	}
	for _, s := range []string{"", "24", "2024S3", "2024s1", "2024H1", "20244", "1024", "2024-1", "２０２４", "2024S", "9999"} {
		if _, err := ParsePeriod(s); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", s)
		}
	}
}

func TestPeriodBounds(t *testing.T) {
	p, _ := ParsePeriod("2024S2")
	if p.FirstDay().String() != "2024-07-01" || p.LastDay().String() != "2024-12-31" {
		t.Errorf("2024S2 = %s..%s", p.FirstDay(), p.LastDay())
	}
	if p.Previous().String() != "2024S1" || (Period{2024, 1}).Previous().String() != "2023S2" || (Period{2024, 0}).Previous().String() != "2023" {
		t.Error("Previous is wrong")
	}
	// 2024S2 begins at midnight in Hà Nội, 17:00 UTC the day before.
	if p.Begun(time.Date(2024, 6, 30, 16, 59, 59, 0, time.UTC)) {
		t.Error("2024S2 has not begun at 23:59:59 ICT on 30 June")
	}
	if !p.Begun(time.Date(2024, 6, 30, 17, 0, 0, 0, time.UTC)) {
		t.Error("2024S2 has begun at 00:00 ICT on 1 July")
	}
}

func TestDate(t *testing.T) {
	for _, s := range []string{"2024-02-30", "2023-02-29", "2024-13-01", "24-11-25", "2024-1-5", "2024-11-25T00:00:00Z", ""} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	d := MustDate("2024-02-29")
	if d.String() != "2024-02-29" {
		t.Error(d)
	}
	// A deadline on 25/11/2024 ends at 17:00 UTC that day.
	if got := MustDate("2024-11-25").EndInVietnam(); !got.Equal(time.Date(2024, 11, 25, 17, 0, 0, 0, time.UTC)) {
		t.Errorf("end of day = %s", got)
	}
	var dd Date
	if err := dd.UnmarshalJSON([]byte(`"2024-11-25"`)); err != nil || dd.String() != "2024-11-25" {
		t.Error(err)
	}
	if b, _ := (Date{}).MarshalJSON(); string(b) != "null" {
		t.Error(string(b))
	}
}
