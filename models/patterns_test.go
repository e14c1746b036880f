package models

import (
	"regexp"
	"testing"
)

// The patterns the OpenAPI document carries agree with the functions the
// server applies: a value the pattern refuses, the server refuses too, and
// the other way round (the year's range aside, which the pattern does not
// say).
func TestPatternsAgreeWithTheRules(t *testing.T) {
	period := regexp.MustCompile(PeriodPattern)
	for _, s := range []string{"2024", "2024S1", "2024S2", "2000", "2200", "", "24", "2024S3", "2024s1", "20244", "2024H1", " 2024", "2024S", "１２３４"} {
		_, err := ParsePeriod(s)
		if period.MatchString(s) != (err == nil) {
			t.Errorf("period %q: pattern %v, ParsePeriod error %v", s, period.MatchString(s), err)
		}
	}
	code := regexp.MustCompile(UnitCodePattern)
	for _, s := range []string{"05596", "VN", "167", "ZZ1", "123456789012", "1234567890123", "", "0559a", "05 96", "Á", "-1"} {
		if code.MatchString(s) != ValidCode(s) {
			t.Errorf("code %q: pattern %v, ValidCode %v", s, code.MatchString(s), ValidCode(s))
		}
	}
}
