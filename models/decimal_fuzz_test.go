package models

import (
	"encoding/json"
	"math/big"
	"regexp"
	"strings"
	"testing"
)

// plainNumber is a JSON number without an exponent.
var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// FuzzParseDecimal checks that ParseDecimal never panics and that:
//   - a decimal it accepts has the exact value of the input (compared with
//     math/big), needs at most four places, and round-trips: String parses
//     back to the same decimal, and String is a valid JSON number;
//   - it accepts every plain JSON number with at most four decimal places
//     and a whole part of at most 10^11 (the documented range).
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{
		"0", "-0", "61.31", "2690.67", "0.2", "100", "100.00", "-5.03", "0.0001", "0.00001", "1.23456",
		"100000000000", "100000000000.9999", "100000000001", "999999999999", "9999999999999", "9007199254740993",
		"1e400", "1E2", "1.5e3", "01", "00.5", ".5", "5.", "-", "--1", "+1", "1_000", " 1", "1 ", "null", "",
		"\"61.31\"", "0x10", "NaN", "Infinity", "-0.0000", "٣", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: an empty error", s)
			}
			if m := plainNumber.FindStringSubmatch(s); m != nil {
				whole := strings.TrimPrefix(strings.SplitN(s, ".", 2)[0], "-")
				frac := strings.TrimPrefix(m[2], ".")
				w, ok := new(big.Int).SetString(whole, 10)
				if ok && len(frac) <= 4 && w.Cmp(big.NewInt(maxDecimal)) <= 0 {
					t.Fatalf("%q: refused a plain number within range: %v", s, err)
				}
			}
			return
		}
		want, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("%q: parsed to %s but is not a number", s, d)
		}
		if got := big.NewRat(d.Units(), DecimalScale); got.Cmp(want) != 0 {
			t.Fatalf("%q: parsed to %s (%d units), not its value %s", s, d, d.Units(), want.FloatString(6))
		}
		if p := d.Places(); p < 0 || p > 4 {
			t.Fatalf("%q: %d places", s, p)
		}
		str := d.String()
		if !json.Valid([]byte(str)) || !plainNumber.MatchString(str) {
			t.Fatalf("%q: String %q is not a plain JSON number", s, str)
		}
		again, err := ParseDecimal(str)
		if err != nil || again != d {
			t.Fatalf("%q: String %q parses to %s, %v", s, str, again, err)
		}
		if again.String() != str {
			t.Fatalf("%q: String is not stable: %q then %q", s, str, again.String())
		}
		var u Decimal
		if err := json.Unmarshal([]byte(str), &u); err != nil || u != d {
			t.Fatalf("%q: JSON %s unmarshals to %s, %v", s, str, u, err)
		}
	})
}
