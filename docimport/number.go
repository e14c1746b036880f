package docimport

import (
	"errors"
	"strconv"
	"strings"

	"doingoai/models"
)

// ParseNumber reads a number as Vietnamese documents write it: "." between
// groups of thousands and "," before the decimals ("2.690,67", "1.169",
// "5,03"), leading zeros allowed ("04"). A dot followed by one or two
// digits, which cannot separate thousands, is read as a decimal point, as
// some writers use it ("3.6"). Anything else that could be read two ways
// ("1.2345", "1,234.5") is an error: a figure read wrongly is worse than
// one not read at all.
func ParseNumber(s string) (models.Decimal, error) {
	if s == "" {
		return models.Decimal{}, errNumber
	}
	whole, frac, comma := strings.Cut(s, ",")
	if comma {
		if frac == "" || !allDigits(frac) {
			return models.Decimal{}, errNumber
		}
	}
	if strings.Contains(whole, ".") {
		groups := strings.Split(whole, ".")
		thousands := len(groups[0]) >= 1 && len(groups[0]) <= 3 && allDigits(groups[0])
		for _, g := range groups[1:] {
			thousands = thousands && len(g) == 3 && allDigits(g)
		}
		switch {
		case thousands:
			whole = strings.Join(groups, "")
		case !comma && len(groups) == 2 && allDigits(groups[0]) && groups[0] != "" && len(groups[1]) >= 1 && len(groups[1]) <= 2 && allDigits(groups[1]):
			whole, frac = groups[0], groups[1]
		default:
			return models.Decimal{}, errNumber
		}
	}
	if whole == "" || !allDigits(whole) {
		return models.Decimal{}, errNumber
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac != "" {
		frac = strings.TrimRight(frac, "0")
	}
	if frac != "" {
		whole += "." + frac
	}
	return models.ParseDecimal(whole)
}

var errNumber = errors.New("not a number as Vietnamese documents write it")

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// wholeNumber returns d as an integer if it has no decimals.
func wholeNumber(d models.Decimal) (int64, bool) {
	if d.Units()%models.DecimalScale != 0 {
		return 0, false
	}
	return d.Units() / models.DecimalScale, true
}

// ParseInt reads a count: a number without decimals ("1.169", "04").
func ParseInt(s string) (int64, error) {
	d, err := ParseNumber(s)
	if err != nil {
		return 0, err
	}
	n, ok := wholeNumber(d)
	if !ok {
		return 0, errors.New("not a whole number")
	}
	return n, nil
}

// multipliers of the words that follow an amount of money.
var multipliers = map[string]int64{
	"ty": 1_000_000_000, "ti": 1_000_000_000,
	"trieu": 1_000_000,
	"nghin": 1_000, "ngan": 1_000,
	"dong": 1, "d": 1, "vnd": 1, "vnđ": 1,
}

// moneyAmount returns the amount in whole đồng of a number and the folded
// word after it ("1,2" "ty" → 1.200.000.000), or false if it is not a
// whole number of đồng or too large.
func moneyAmount(num, word string) (int64, bool) {
	m, ok := multipliers[word]
	if !ok {
		return 0, false
	}
	d, err := ParseNumber(num)
	if err != nil {
		return 0, false
	}
	u := d.Units() // value × 10^4
	if m >= models.DecimalScale {
		if u > models.MaxMoneyVND/(m/models.DecimalScale) {
			return 0, false
		}
		return u * (m / models.DecimalScale), true
	}
	// m < 10^4: the product must be whole đồng.
	v := u * m
	if v%models.DecimalScale != 0 {
		return 0, false
	}
	return v / models.DecimalScale, true
}

// ParseMoney reads an amount of money in đồng as documents write it:
// "2.500.000.000 đồng", "1,2 tỷ đồng", "850 triệu", "1 tỷ 200 triệu đồng",
// "46 triệu đồng". Amounts in another currency ("USD") are not read.
func ParseMoney(s string) (int64, error) {
	t := newText(clean(s))
	m := moneyRe.FindStringSubmatchIndex(t.fold)
	if m == nil || m[0] != 0 || m[1] != len(t.fold) {
		return 0, errors.New("not an amount in đồng")
	}
	v, ok := moneyOf(t.fold, m)
	if !ok {
		return 0, errors.New("not an amount in đồng")
	}
	return v, nil
}

// moneyOf evaluates a match of moneyRe.
func moneyOf(f string, m []int) (int64, bool) {
	num, word := f[m[2]:m[3]], ""
	if m[4] >= 0 {
		word = f[m[4]:m[5]]
	}
	cur := ""
	if m[10] >= 0 {
		cur = f[m[10]:m[11]]
	} else if len(m) > 13 && m[12] >= 0 {
		cur = f[m[12]:m[13]]
	}
	if word == "" {
		if cur == "" {
			return 0, false // a bare number is not money
		}
		word = "dong"
	}
	v, ok := moneyAmount(num, word)
	if !ok {
		return 0, false
	}
	if m[6] >= 0 { // "1 tỷ 200 triệu"
		w2 := f[m[8]:m[9]]
		if multipliers[w2] >= multipliers[word] {
			return 0, false
		}
		v2, ok := moneyAmount(f[m[6]:m[7]], w2)
		if !ok || v2 >= multipliers[word] {
			return 0, false
		}
		v += v2
	}
	if v > models.MaxMoneyVND {
		return 0, false
	}
	return v, true
}

// numberWords are the counts written in words before a counter noun
// ("hai đoàn"). "năm" (five, but also "year") is left out on purpose.
var numberWords = map[string]int64{
	"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}

// countOf reads a count token: digits or one of numberWords.
func countOf(tok string) (int64, bool) {
	if v, ok := numberWords[tok]; ok {
		return v, true
	}
	n, err := ParseInt(tok)
	return n, err == nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
