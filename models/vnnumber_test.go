package models

import (
	"testing"
)

// vnIntCase is a text and what a parser of whole numbers makes of it: a
// number, nil (null, not reported) or an error (bad).
type vnIntCase struct {
	in   string
	want int64
	null bool
	bad  bool
}

// checkVNInts runs parse over the cases.
func checkVNInts(t *testing.T, parse func(string) (*int64, error), cases []vnIntCase) {
	t.Helper()
	for _, tc := range cases {
		got, err := parse(tc.in)
		switch {
		case tc.bad:
			if err == nil {
				t.Errorf("%q: want an error, got %v", tc.in, deref(got))
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.null:
			if got != nil {
				t.Errorf("%q: want nil (not reported), got %d", tc.in, *got)
			}
		case got == nil || *got != tc.want:
			t.Errorf("%q: want %d, got %v", tc.in, tc.want, deref(got))
		}
	}
}

func TestParseVNInt(t *testing.T) {
	checkVNInts(t, ParseVNInt, []vnIntCase{
		{in: "1.169", want: 1169},
		{in: "1169", want: 1169},
		{in: " 4.456 ", want: 4456},
		{in: "04", want: 4},
		{in: "1 169", want: 1169},
		{in: "1\u00a0169", want: 1169},
		{in: "2.500.000", want: 2500000},
		{in: "0", want: 0},
		{in: "Không có", want: 0},
		{in: "không", want: 0},
		{in: "KHÔNG CÓ", want: 0},
		{in: "-5", want: -5}, // the validator, not the parser, says it must not be negative
		{in: "", null: true},
		{in: "   ", null: true},
		{in: "chưa có số liệu", null: true},
		{in: "1,5", bad: true},
		{in: "1.16", bad: true}, // a decimal point: not a whole number
		{in: "1..169", bad: true},
		{in: "1.1690", bad: true},
		{in: "abc", bad: true},
		{in: "12a", bad: true},
		{in: "1 16", bad: true},
		{in: "99999999999999999999999", bad: true},
	})
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestParseVNDecimal(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		bad      bool
	}{
		{in: "2.690,67", want: "2690.67"},
		{in: "2690,67", want: "2690.67"},
		{in: "5,03", want: "5.03"},
		{in: "5,03%", want: "5.03"},
		{in: "5.03", want: "5.03"}, // a lone dot that cannot group thousands
		{in: "61.31", want: "61.31"},
		{in: "0.5", want: "0.5"},
		{in: "0,2", want: "0.2"},
		{in: "65", want: "65"},
		{in: "1.169", want: "1169"},
		{in: "100", want: "100"},
		{in: "Không có", want: "0"},
		{in: "", want: "null"},
		{in: "1,23456", bad: true},
		{in: "1,2,3", bad: true},
		{in: "1.2.3", bad: true},
		{in: "x", bad: true},
		{in: ",5", bad: true},
		{in: "5,", bad: true},
	} {
		got, err := ParseVNDecimal(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("%q: want an error, got %v", tc.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		s := "null"
		if got != nil {
			s = got.String()
		}
		if s != tc.want {
			t.Errorf("%q: want %s, got %s", tc.in, tc.want, s)
		}
	}
}

func TestParseVNMoney(t *testing.T) {
	checkVNInts(t, ParseVNMoney, []vnIntCase{
		{in: "1,2 tỷ", want: 1_200_000_000},
		{in: "1,2 tỷ đồng", want: 1_200_000_000},
		{in: "850 triệu", want: 850_000_000},
		{in: "850tr", want: 850_000_000},
		{in: "850 trieu dong", want: 850_000_000},
		{in: "46 triệu đồng", want: 46_000_000},
		{in: "2.500.000.000 đồng", want: 2_500_000_000},
		{in: "2.500.000.000đ", want: 2_500_000_000},
		{in: "46.000.000", want: 46_000_000},
		{in: "1 tỷ 250 triệu", want: 1_250_000_000},
		{in: "1 tỷ 250 triệu 500 nghìn đồng", want: 1_250_500_000},
		{in: "1,25 tỉ", want: 1_250_000_000},
		{in: "500 ngàn", want: 500_000},
		{in: "0,5 triệu", want: 500_000},
		{in: "không có", want: 0},
		{in: "1,2345678 triệu", bad: true}, // not whole đồng
		{in: "250 triệu 1 tỷ", bad: true},  // scales out of order
		{in: "1 tỷ 500", bad: true},        // 500 what?
		{in: "1 tỷ 2 tỷ", bad: true},
		{in: "1 tỷ 2.000 triệu", bad: true}, // a term worth more than the scale before it
		{in: "1 tỷ 999 triệu", want: 1_999_000_000},
		{in: "1,2 tấn", bad: true},
		{in: "tỷ", bad: true},
		{in: "100,5", bad: true},
		{in: "20000000000 tỷ", bad: true},
		{in: "", null: true},
	})
}

func TestFormatVN(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 1169: "1.169", 46000000: "46.000.000", -1234: "-1.234", 999: "999"} {
		if got := FormatVNInt(n); got != want {
			t.Errorf("FormatVNInt(%d) = %q, want %q", n, got, want)
		}
	}
	for units, want := range map[int64]string{26906700: "2.690,67", 50300: "5,03", 650000: "65", 2000: "0,2", -26906700: "-2.690,67"} {
		if got := FormatVNDecimal(DecimalFromUnits(units)); got != want {
			t.Errorf("FormatVNDecimal(%d) = %q, want %q", units, got, want)
		}
	}
	for n, want := range map[int64]string{
		1_200_000_000: "1,2 tỷ đồng", 850_000_000: "850 triệu đồng", 46_000_000: "46 triệu đồng",
		1_234_567: "1.234.567 đồng", 0: "0 đồng", 1_250_500_000: "1.250,5 triệu đồng",
	} {
		if got := FormatVNMoneyWords(n); got != want {
			t.Errorf("FormatVNMoneyWords(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormatVNNumber(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "1169": "1.169", "-2690.67": "-2.690,67", "5.03": "5,03",
		"1000000": "1.000.000", "46000000": "46.000.000", "100.5": "100,5", "-7": "-7"} {
		if got := FormatVNNumber(in); got != want {
			t.Errorf("FormatVNNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
