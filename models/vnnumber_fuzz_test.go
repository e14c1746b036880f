package models

import "testing"

// FuzzParseVN checks that the Vietnamese number readers never panic, that
// what they accept is written back by the formatters into text they read
// as the same value (the form shows back what it understood), and that a
// money amount and a whole number agree where both accept the input.
func FuzzParseVN(f *testing.F) {
	for _, s := range []string{
		"1.169", "2.690,67", "1,2 tỷ", "850 triệu đồng", "1 tỷ 250 triệu", "5.03", "0,2", "04", "không có",
		"", "-1.169", "1..1", ",", "1,", "tỷ", "1 169", "1\u00a0169", "−5", "9.999.999.999.999.999.999", "0.000",
		"1,2345", "12 tr 3", "đ", "\xff", "1e5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := ParseVNInt(s); err == nil && n != nil {
			back, err := ParseVNInt(FormatVNInt(*n))
			if err != nil || back == nil || *back != *n {
				t.Fatalf("%q → %d → %q → %v, %v", s, *n, FormatVNInt(*n), deref(back), err)
			}
			if m, err := ParseVNMoney(s); err != nil || m == nil || *m != *n {
				t.Fatalf("%q: a whole number %d but money %v, %v", s, *n, deref(m), err)
			}
		} else if err != nil && err.Error() == "" {
			t.Fatalf("%q: an empty error", s)
		}
		if d, err := ParseVNDecimal(s); err == nil && d != nil {
			back, err := ParseVNDecimal(FormatVNDecimal(*d))
			if err != nil || back == nil || *back != *d {
				t.Fatalf("%q → %s → %q → %v, %v", s, d, FormatVNDecimal(*d), back, err)
			}
		}
		if m, err := ParseVNMoney(s); err == nil && m != nil {
			back, err := ParseVNMoney(FormatVNMoneyWords(*m))
			if err != nil || back == nil || *back != *m {
				t.Fatalf("%q → %d → %q → %v, %v", s, *m, FormatVNMoneyWords(*m), deref(back), err)
			}
		}
	})
}
