package models

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers written the Vietnamese way, as people type them into a form:
// a dot groups thousands and a comma marks decimals ("1.169" is 1169,
// "2.690,67" is 2690.67), and money may be written with the words for
// thousand, million and billion ("1,2 tỷ", "850 triệu đồng"). These
// functions read such input exactly (no floating point) and write numbers
// back the same way. "Không" or "không có" means none (0); an empty input
// means the figure is not reported (nil), never 0.
//
// A lone dot that cannot be a thousands separator ("5.03", "0.5") is read
// as a decimal point, the way a spreadsheet in English writes it: there is
// only one reading of it, and the number is shown back the Vietnamese way
// ("5,03") so that the person sees how it was understood.

// Errors of ParseVN*: messages for the person typing, in Vietnamese.
var (
	errVNNotNumber = errors.New("không phải là số; ví dụ 1.169 hoặc 2.690,67")
	errVNWhole     = errors.New("phải là số nguyên (không có phần thập phân)")
	errVNTooLarge  = errors.New("số quá lớn")
	errVNPlaces    = errors.New("có quá 4 chữ số sau dấu phẩy")
	errVNMoneyFrac = errors.New("không ra số đồng chẵn; ghi đủ số đồng, ví dụ 1.250.000.000")
	errVNScales    = errors.New("các đơn vị tỷ, triệu, nghìn phải theo thứ tự giảm dần, mỗi đơn vị một lần, ví dụ 1 tỷ 250 triệu")
)

// vnScales are the words for powers of ten a money amount may use, folded
// (no diacritics, lower case) as Fold writes them.
var vnScales = map[string]int64{
	"ty": 1_000_000_000, "ti": 1_000_000_000,
	"trieu": 1_000_000, "tr": 1_000_000,
	"nghin": 1_000, "ngan": 1_000,
}

// vnCurrency are the words for đồng a money amount may end with, folded.
var vnCurrency = map[string]bool{"dong": true, "d": true, "vnd": true}

// VNScale is what a folded word after a number of đồng multiplies it by:
// "ty" 10⁹, "trieu" 10⁶, "nghin" 10³, and 1 for a word for đồng ("dong",
// "vnd"); false for any other word. The document importer reads the
// amounts of a text with it and ParseVNMoney.
func VNScale(word string) (int64, bool) {
	if vnCurrency[word] {
		return 1, true
	}
	v, ok := vnScales[word]
	return v, ok
}

// isVNNone tells whether folded text is a word for none.
func isVNNone(f string) bool {
	switch f {
	case "khong", "khong co", "k co", "ko", "ko co":
		return true
	}
	return false
}

// isVNUnreported tells whether folded text says the figure is not known.
func isVNUnreported(f string) bool {
	switch f {
	case "", "chua co so lieu", "chua co", "chua ro", "-", "—":
		return true
	}
	return false
}

// vnNoCount reads a folded text that gives no number: nil when it says the
// figure is not reported, 0 when it says there is none.
func vnNoCount(f string) (n *int64, ok bool) {
	switch {
	case isVNUnreported(f):
		return nil, true
	case isVNNone(f):
		return new(int64), true
	}
	return nil, false
}

// ParseVNInt reads a whole number (a count of households, people,
// delegations) written the Vietnamese way. nil means not reported.
func ParseVNInt(s string) (*int64, error) {
	f := Fold(s)
	if n, ok := vnNoCount(f); ok {
		return n, nil
	}
	r, err := parseVNNumeral(f)
	if err != nil {
		return nil, err
	}
	if !r.IsInt() {
		return nil, errVNWhole
	}
	return ratInt64(r)
}

// ParseVNDecimal reads a number with up to four decimals (an area in
// hectares, a percentage; a trailing % is allowed). nil means not reported.
func ParseVNDecimal(s string) (*Decimal, error) {
	f := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(Fold(s)), "%"))
	if isVNUnreported(f) {
		return nil, nil
	}
	if isVNNone(f) {
		return &Decimal{}, nil
	}
	r, err := parseVNNumeral(f)
	if err != nil {
		return nil, err
	}
	u := new(big.Rat).Mul(r, big.NewRat(DecimalScale, 1))
	if !u.IsInt() {
		return nil, errVNPlaces
	}
	if !u.Num().IsInt64() || abs(u.Num().Int64()) > maxDecimal*DecimalScale {
		return nil, errVNTooLarge
	}
	d := DecimalFromUnits(u.Num().Int64())
	return &d, nil
}

// ParseVNMoney reads an amount of money in whole đồng: "46.000.000",
// "1,2 tỷ", "850 triệu đồng", "1 tỷ 250 triệu". The amount must come to a
// whole number of đồng. nil means not reported.
func ParseVNMoney(s string) (*int64, error) {
	f := Fold(s)
	if n, ok := vnNoCount(f); ok {
		return n, nil
	}
	toks := vnTokens(f)
	// A currency word may end the amount.
	if n := len(toks); n > 1 && vnCurrency[toks[n-1]] {
		toks = toks[:n-1]
	}
	total := new(big.Rat)
	last := int64(0) // the scale of the previous term; 0 before the first
	terms := 0
	for i := 0; i < len(toks); {
		// A term: one or more number chunks (a space may group thousands),
		// then an optional scale word.
		j := i
		for j < len(toks) && !isVNWord(toks[j]) {
			j++
		}
		if j == i {
			return nil, errVNNotNumber
		}
		num, err := parseVNNumeral(strings.Join(toks[i:j], " "))
		if err != nil {
			return nil, err
		}
		scale := int64(1)
		if j < len(toks) {
			sc, ok := vnScales[toks[j]]
			if !ok {
				return nil, errVNNotNumber
			}
			scale = sc
			j++
		}
		if last != 0 && (scale >= last || scale == 1) {
			return nil, errVNScales
		}
		if terms > 0 && num.Sign() < 0 {
			return nil, errVNNotNumber
		}
		term := new(big.Rat).Mul(num, new(big.Rat).SetInt64(scale))
		if last != 0 && term.Cmp(new(big.Rat).SetInt64(last)) >= 0 {
			// "1 tỷ 2.000 triệu": a term worth more than the scale before
			// it is no way to write an amount.
			return nil, errVNScales
		}
		last = scale
		total.Add(total, term)
		terms++
		i = j
	}
	if terms == 0 {
		return nil, errVNNotNumber
	}
	if !total.IsInt() {
		return nil, errVNMoneyFrac
	}
	return ratInt64(total)
}

func ratInt64(r *big.Rat) (*int64, error) {
	n := r.Num()
	if !n.IsInt64() || abs(n.Int64()) > 1_000_000_000_000_000_000 {
		return nil, errVNTooLarge
	}
	v := n.Int64()
	return &v, nil
}

func isVNWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

// vnTokens splits folded text into number chunks and words: "850tr dong"
// is ["850", "tr", "dong"].
func vnTokens(f string) []string {
	var out []string
	var b strings.Builder
	kind := 0 // 1 number, 2 word
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
		kind = 0
	}
	for _, r := range f {
		k := 0
		switch {
		case unicode.IsLetter(r):
			k = 2
		case r >= '0' && r <= '9', r == '.', r == ',', r == '-', r == '−':
			k = 1
		}
		if k == 0 {
			flush()
			if !unicode.IsSpace(r) {
				out = append(out, string(r)) // anything else stands alone, and is refused
			}
			continue
		}
		if k != kind {
			flush()
		}
		kind = k
		b.WriteRune(r)
	}
	flush()
	return out
}

// parseVNNumeral reads a number written with digits, "." for thousands
// and "," for decimals, optionally signed, with spaces allowed between
// groups of three digits ("1 169").
func parseVNNumeral(f string) (*big.Rat, error) {
	s := strings.TrimSpace(f)
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		neg = true
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−"))
	}
	// Spaces (ordinary, no-break, thin) may group thousands.
	if strings.ContainsFunc(s, unicode.IsSpace) {
		parts := strings.FieldsFunc(s, unicode.IsSpace)
		for i, p := range parts[1:] {
			if len(p) < 3 || !digits(p[:3]) || (i < len(parts)-2 && len(p) != 3) {
				return nil, errVNNotNumber
			}
		}
		s = strings.Join(parts, "")
	}
	whole, frac := s, ""
	switch {
	case strings.Count(s, ",") == 1:
		whole, frac, _ = strings.Cut(s, ",")
		if frac == "" || !digits(frac) {
			return nil, errVNNotNumber
		}
		if strings.Contains(whole, ".") {
			if !dotGrouped(whole) {
				return nil, errVNNotNumber
			}
			whole = strings.ReplaceAll(whole, ".", "")
		}
	case strings.Contains(s, ","):
		return nil, errVNNotNumber
	case dotGrouped(s):
		whole = strings.ReplaceAll(s, ".", "")
	case strings.Count(s, ".") == 1:
		// Not a thousands separator: a decimal point.
		whole, frac, _ = strings.Cut(s, ".")
		if frac == "" || !digits(frac) {
			return nil, errVNNotNumber
		}
	}
	if whole == "" || !digits(whole) {
		return nil, errVNNotNumber
	}
	if len(whole) > 19 || len(frac) > 19 {
		return nil, errVNTooLarge
	}
	r, ok := new(big.Rat).SetString(whole + "." + frac + "0")
	if !ok {
		return nil, errVNNotNumber
	}
	if neg {
		r.Neg(r)
	}
	return r, nil
}

// dotGrouped tells whether s is digits grouped by dots in threes, the first
// group one to three digits not starting with 0: "1.169", "2.500.000".
func dotGrouped(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups) < 2 {
		return false
	}
	g0 := groups[0]
	if len(g0) < 1 || len(g0) > 3 || !digits(g0) || g0[0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !digits(g) {
			return false
		}
	}
	return true
}

// FormatVNNumber writes a number given in Go's decimal form ("-2690.67")
// the Vietnamese way: dots between thousands, a comma before the decimals
// ("-2.690,67"). The web pages and the consolidated report write numbers
// with it.
func FormatVNNumber(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatVNInt writes n with dots between thousands: 1169 → "1.169".
func FormatVNInt(n int64) string { return FormatVNNumber(strconv.FormatInt(n, 10)) }

// FormatVNDecimal writes d the Vietnamese way: 2690.67 → "2.690,67".
func FormatVNDecimal(d Decimal) string { return FormatVNNumber(d.String()) }

// FormatVNMoneyWords writes an amount of đồng in words where it is round
// enough to read better that way: 1200000000 → "1,2 tỷ đồng",
// 850000000 → "850 triệu đồng"; otherwise with dots, "1.234.567 đồng".
func FormatVNMoneyWords(n int64) string {
	a := n
	if a < 0 {
		a = -a
	}
	for _, sc := range []struct {
		v    int64
		word string
	}{{1_000_000_000, "tỷ"}, {1_000_000, "triệu"}} {
		// Round enough: at most three decimals of the scale word.
		if a >= sc.v && a%(sc.v/1000) == 0 {
			return FormatVNDecimal(DecimalFromUnits(n/(sc.v/DecimalScale))) + " " + sc.word + " đồng"
		}
	}
	return FormatVNInt(n) + " đồng"
}
