package models

import "testing"

func TestPeriodPhrase(t *testing.T) {
	for in, want := range map[string]string{
		"2024":   "năm 2024",
		"2024S1": "6 tháng đầu năm 2024",
		"2025S2": "6 tháng cuối năm 2025",
	} {
		p, err := ParsePeriod(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Phrase(); got != want {
			t.Errorf("%s.Phrase() = %q, want %q", in, got, want)
		}
	}
}
