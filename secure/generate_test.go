package secure

import (
	"regexp"
	"strings"
	"testing"

	"doingoai/models"
)

// TestGeneratedPasswordsAreUniform: passwords are four groups of four
// signs of the alphabet, and every sign is about as likely as another. A
// byte taken modulo 31 makes the first 8 signs 9/8 as likely as the other
// 23; over 320,000 signs that puts the chi-square statistic near 900,
// where a uniform draw stays under 90 but about once in 10^8 (30 degrees
// of freedom).
func TestGeneratedPasswordsAreUniform(t *testing.T) {
	shape := regexp.MustCompile(`^[` + passwordAlphabet + `]{4}(-[` + passwordAlphabet + `]{4}){3}$`)
	counts := map[rune]int{}
	const passwords = 20000
	for range passwords {
		p := GeneratePassword()
		if !shape.MatchString(p) {
			t.Fatalf("%q is not four groups of four signs of %q", p, passwordAlphabet)
		}
		for _, c := range strings.ReplaceAll(p, "-", "") {
			counts[c]++
		}
	}
	expected := float64(passwords*16) / float64(len(passwordAlphabet))
	chi2 := 0.0
	for _, c := range passwordAlphabet {
		d := float64(counts[c]) - expected
		chi2 += d * d / expected
	}
	if chi2 > 90 {
		t.Errorf("the signs are not drawn uniformly: chi-square %.0f over 30 degrees of freedom (want under 90); counts %v", chi2, counts)
	}
	t.Logf("chi-square %.1f (30 degrees of freedom)", chi2)
}

// TestTokenSecret: a token's secret is the prefix and 43 base64url signs
// (256 bits), new each time.
func TestTokenSecret(t *testing.T) {
	shape := regexp.MustCompile(`^` + models.TokenPrefix + `[A-Za-z0-9_-]{43}$`)
	seen := map[string]bool{}
	for range 100 {
		s, err := NewTokenSecret()
		if err != nil || !shape.MatchString(s) || seen[s] {
			t.Fatalf("secret %q (%v): want a new %s followed by 43 base64url signs", s, err, models.TokenPrefix)
		}
		seen[s] = true
	}
}
