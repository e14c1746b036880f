package docimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"doingoai/models"
)

// text is a line of the document in two forms: orig, as written (NFC, white
// space collapsed), and fold, without diacritics and in lower case, with
// the same characters at the same places ("Đoàn trong nước" and "doan trong
// nuoc"). Patterns are matched on fold; what a person reads (the quote of a
// found value, a name) is cut from orig at the same places.
type text struct {
	orig string
	fold string
	idx  []int32 // idx[i] is the offset in orig of the character at fold[i]; idx[len(fold)] = len(orig)
}

// newText folds s, which must be NFC with white space already collapsed.
func newText(s string) text {
	var b strings.Builder
	b.Grow(len(s))
	idx := make([]int32, 0, len(s)+1)
	for i, r := range s {
		f := foldRune(r)
		n := b.Len()
		b.WriteRune(f)
		for range b.Len() - n {
			idx = append(idx, int32(i))
		}
	}
	idx = append(idx, int32(len(s)))
	f := b.String()
	if ohDigit(f) {
		// "O5 đoàn", "2O3 đảng viên", "5,1O%" typed from paper: the
		// letter O for a zero.
		f = ohDigitRe.ReplaceAllString(f, "${1}0$2")
		f = ohInsideRe.ReplaceAllString(f, "${1}0$2")
		f = ohAfterMarkRe.ReplaceAllString(f, "${1}0$2")
	}
	if strings.Contains(f, "oo") {
		f = ohRuns(f)
	}
	if strings.IndexByte(f, '(') >= 0 {
		f = unbracketNumbers(f)
	}
	if countMarkRe.MatchString(f) {
		f = unFootnote(f)
	}
	if strings.Contains(f, "...") || strings.Contains(f, "…") {
		f = leadersToColons(f)
	}
	if strings.ContainsAny(f, "☐☒☑") {
		f = tickedOnly(f)
	}
	return text{orig: s, fold: f, idx: idx}
}

// uncheckedRe is a box left empty with its option ("☐ Có"); checkedRe a
// ticked box ("☒", "☑").
var (
	uncheckedRe = regexp.MustCompile(`☐\s*[a-z]+`)
	checkedRe   = regexp.MustCompile(`[☒☑]`)
)

// tickedOnly reads a form's boxes as the option ticked: "Đoàn ra: ☐ Có
// ☒ Không" is "Đoàn ra: Không". The options not ticked and the boxes are
// blanked (the same length, so quotes are cut as before).
func tickedOnly(f string) string {
	b := []byte(f)
	blankMatches(b, f, uncheckedRe, 0)
	blankMatches(b, f, checkedRe, 0)
	return string(b)
}

// blankMatches blanks in b (a copy of f) group g of every match of re in
// f (0: the whole match), keeping every other byte where it was.
func blankMatches(b []byte, f string, re *regexp.Regexp, g int) {
	for _, m := range re.FindAllStringSubmatchIndex(f, -1) {
		if m[2*g] >= 0 {
			blank(b, m[2*g], m[2*g+1]-m[2*g])
		}
	}
}

// leaderRe is a run of dots that leads from a label to its value in a
// form ("Diện tích tự nhiên ........ 4.213,56 ha", "Đoàn ra ……… Không"),
// or stands for a blank left unfilled.
var leaderRe = regexp.MustCompile(`(?:\.|…){3,}`)

// leadersToColons reads a leader as the colon it stands for: its first
// character becomes ":" when no colon comes before it in its clause,
// the rest blanks (the same length, so quotes are cut as before):
// "diện tích tự nhiên: 4.213,56 ha".
func leadersToColons(f string) string {
	b := []byte(f)
	for _, m := range leaderRe.FindAllStringIndex(f, -1) {
		blank(b, m[0], m[1]-m[0])
		start := strings.LastIndexAny(f[:m[0]], ";") + 1
		if m[0] > 0 && !strings.Contains(string(b[start:m[0]]), ":") && strings.TrimSpace(f[start:m[0]]) != "" {
			b[m[0]] = ':'
		}
	}
	return string(b)
}

// countMarkRe is a footnote's mark glued to the noun of a count or the
// last word of a figure's words ("06 đoàn trong nước với 48 người3; 04
// đoàn … với 31 người4", "2.681 nhân khẩu1", "587 hộ2", "8.716,5 ha3"):
// no part of it. Units with a power ("km2", "m2") are not among them.
var countMarkRe = regexp.MustCompile(`\b(?:nguoi|doan|vu|luot|khach|lao dong|can bo|cong chuc|hinh thuc|lop|khau|ho|ha|dan|thon|ban|ap|xom|vien|bo|an|dong|te|ngoai|nuoc)(\d{1,2})(?:[\s.,;:)]|$)`)

// unFootnote blanks the footnote marks countMarkRe finds, keeping every
// other byte where it was.
func unFootnote(f string) string {
	b := []byte(f)
	blankMatches(b, f, countMarkRe, 1)
	return string(b)
}

// A figure written twice, as official letters do: in words in brackets
// after it ("11 (mười một) đoàn", "27 (hai mươi bảy) người"), or in
// brackets before its unit ("(08) đoàn", "(6.118) hộ", "(16) khu phố";
// not an item's number at the start of a line, "(1) Dự án …"). The brackets and the words are
// blanked in the folded text (the same length, so the quote is still cut
// from the original at the same places): the patterns see "11 đoàn".
var (
	numberWordsRe   = regexp.MustCompile(`\d ?(\(` + numberWord + `(?: ` + numberWord + `){0,13}\))`)
	bracketFigureRe = regexp.MustCompile(`[ :;,](\((?:\d{1,5}|\d{1,3}(?:\.\d{3}){1,2})\)) (?:doan|nguoi|luot|vu|lop|thoa thuan|hoi nghi|ho|thon|ban|khu pho|to dan pho|khom|ap|xom|buon|bon|nhan khau|khau|chi bo|dang vien|can bo|cong chuc|dong chi|vien chuc|lao dong|truong hop|hinh thuc|bang khen|giay khen)\b`)
)

const numberWord = `(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le|tram|nghin|ngan|trieu|ty|ti)`

// unbracketNumbers blanks the brackets of a figure written twice.
func unbracketNumbers(f string) string {
	b := []byte(f)
	blankMatches(b, f, numberWordsRe, 1)
	for _, m := range bracketFigureRe.FindAllStringSubmatchIndex(f, -1) {
		b[m[2]], b[m[3]-1] = ' ', ' '
	}
	return string(b)
}

// ohDigitRe is the letter O before a digit where a number stands, or
// before the decimal comma of a number less than one ("chiếm O,28%").
var ohDigitRe = regexp.MustCompile(`(^|[\s(:;,])o(\d|,\d)`)

// ohInsideRe is the letter O after a digit, inside or at the end of a
// number ("2o3", "5,1o%"): no word begins there.
var ohInsideRe = regexp.MustCompile(`(\d)o(\d|%|[\s.,;)]|$)`)

// ohAfterMarkRe is the letter O after a number's thousands' dot or
// decimal comma, before a digit ("1.O46 hộ", "2,O5 ha"): no word begins
// there either.
var ohAfterMarkRe = regexp.MustCompile(`(\d[.,])o(\d)`)

// ohDigit tells quickly whether f may hold an O beside a digit.
func ohDigit(f string) bool {
	for i := 0; i+1 < len(f); i++ {
		if f[i] == 'o' && (isDigit(f[i+1]) || f[i+1] == ',' && i+2 < len(f) && isDigit(f[i+2])) || isDigit(f[i]) && f[i+1] == 'o' {
			return ohDigitRe.MatchString(f) || ohInsideRe.MatchString(f) || ohAfterMarkRe.MatchString(f)
		}
	}
	return false
}

// span returns the original text of fold[a:b].
func (t text) span(a, b int) string { return t.orig[t.idx[a]:t.idx[b]] }

// foldTable maps the Latin letters with diacritics (U+00C0–U+1EFF) to their
// base letter in lower case.
var foldTable = func() []rune {
	tab := make([]rune, 0x1F00)
	for r := rune(0); r < 0x1F00; r++ {
		tab[r] = unicode.ToLower(r)
		if r < 0xC0 {
			continue
		}
		d := norm.NFD.String(string(r))
		if base, size := utf8.DecodeRuneInString(d); size > 0 && base < utf8.RuneSelf && len(d) > size {
			tab[r] = unicode.ToLower(base)
		}
	}
	tab['đ'], tab['Đ'] = 'd', 'd'
	return tab
}()

func foldRune(r rune) rune {
	if r >= 0 && r < rune(len(foldTable)) {
		return foldTable[r]
	}
	return unicode.ToLower(r)
}

// fold returns s folded: fold("Bộc Nhiêu") = "boc nhieu".
func fold(s string) string { return newText(clean(s)).fold }

// clean returns s in NFC with every run of white space (including no-break
// and zero-width spaces) one space, trimmed, and the asterisks of Markdown
// bold (as in a pasted "**TM. ỦY BAN NHÂN DÂN**") removed from its ends.
func clean(s string) string {
	s = models.NFC(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(strings.Trim(b.String(), "*_ "))
}

// ohRuns reads as zeros the runs of the letter O inside a number typed
// from paper ("1.35O.OOO.OOO đồng", "1.280.000.0OO đồng"), which the
// single O's patterns leave: a stretch of digits, O's and the number's
// dots and commas that begins with a digit after no letter, and ends
// before no letter, is a number, each O in it a zero.
func ohRuns(f string) string {
	b := []byte(f)
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }
	for i := 0; i < len(b); {
		if !isDigit(b[i]) || i > 0 && (isLetter(b[i-1]) || isDigit(b[i-1])) {
			i++
			continue
		}
		j, ohs := i, false
		for j < len(b) && (isDigit(b[j]) || b[j] == 'o' || (b[j] == '.' || b[j] == ',') && j+1 < len(b) && (isDigit(b[j+1]) || b[j+1] == 'o')) {
			ohs = ohs || b[j] == 'o'
			j++
		}
		if ohs && (j == len(b) || !isLetter(b[j])) && strings.Contains(string(b[i:j]), "oo") {
			for k := i; k < j; k++ {
				if b[k] == 'o' {
					b[k] = '0'
				}
			}
		}
		i = j
	}
	return string(b)
}
