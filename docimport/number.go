package docimport

import (
	"errors"
	"strconv"
	"strings"

	"doingoai/models"
)

// ParseNumber reads a number as Vietnamese documents write it: "." between
// groups of thousands and "," before the decimals ("2.690,67", "1.169",
// "5,03"), leading zeros allowed ("04"), with the one reader of such
// numbers, models.ParseVNDecimal. A document is read more strictly than a
// form: only digits, dots and a comma; a lone dot followed by one or two
// digits is a decimal point ("3.6"), but one followed by more digits that
// do not group thousands ("1.2345", "04.500") could be read two ways and
// is an error: a figure read wrongly is worse than one not read at all.
func ParseNumber(s string) (models.Decimal, error) {
	if s == "" || !isDigit(s[0]) || strings.Trim(s, "0123456789.,") != "" || twoWays(s) {
		return models.Decimal{}, errNumber
	}
	d, err := models.ParseVNDecimal(s)
	if err != nil || d == nil {
		return models.Decimal{}, errNumber
	}
	return *d, nil
}

// twoWays tells whether a number's lone dot is followed by more than two
// digits that do not group thousands.
func twoWays(s string) bool {
	before, after, ok := strings.Cut(s, ".")
	if !ok || strings.ContainsAny(after, ".,") || len(after) <= 2 {
		return false
	}
	return len(after) != 3 || len(before) > 3 || before[0] == '0'
}

var errNumber = errors.New("not a number as Vietnamese documents write it")

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

// moneyAmount returns the amount in whole đồng of a number and the folded
// word after it ("1,2" "ty" → 1.200.000.000), or false if it is not a
// whole number of đồng or too large.
func moneyAmount(num, word string) (int64, bool) {
	return vnMoney(num+" "+word, num)
}

// vnMoney reads an amount of đồng written in words (models.ParseVNMoney)
// whose numbers each read as a document's (ParseNumber), within the
// largest amount a report holds.
func vnMoney(amount string, nums ...string) (int64, bool) {
	for _, n := range nums {
		if _, err := ParseNumber(n); err != nil {
			return 0, false
		}
	}
	v, err := models.ParseVNMoney(amount)
	if err != nil || v == nil || *v < 0 || *v > models.MaxMoneyVND {
		return 0, false
	}
	return *v, true
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

// moneyOf evaluates a match of moneyRe, or of a pattern that ends with
// it and has no group before it: a number and its scale ("1,2 tỷ"), a
// second term ("1 tỷ 200 triệu"), or a number of đồng. A bare number is
// not money.
func moneyOf(f string, m []int) (int64, bool) {
	if m[4] < 0 && m[10] < 0 && (len(m) <= 13 || m[12] < 0) {
		return 0, false
	}
	nums := []string{f[m[2]:m[3]]}
	if m[6] >= 0 {
		nums = append(nums, f[m[6]:m[7]])
	}
	end := m[3]
	for g := 2; g <= 6 && 2*g+1 < len(m); g++ {
		end = max(end, m[2*g+1])
	}
	return vnMoney(f[m[2]:end], nums...)
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
