package models

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C. Vietnamese can be typed
// precomposed ("ộ" as one code point) or decomposed ("o" + two combining
// marks, as macOS and some keyboards send it); storing one form makes equal
// text compare equal. Text already in NFC, the common case, is returned
// without allocating.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Fold returns s as it is compared in searches: without diacritics, in
// lower case, "đ" as "d", runs of white space as one space. Fold("Xã Bộc
// Nhiêu") = "xa boc nhieu".
func Fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	space := false
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// TextLen is the length of s in characters (code points), the measure of
// every text limit, so that Vietnamese is not penalised for its multi-byte
// letters.
func TextLen(s string) int { return utf8.RuneCountInString(s) }

// CheckText records a problem when s is longer than max characters or holds
// control characters other than tab and line breaks.
func CheckText(p *Problems, field, s string, max int) {
	if n := TextLen(s); n > max {
		p.Addf(field, "is %d characters long; at most %d are allowed", n, max)
	}
	for _, r := range s {
		if r == utf8.RuneError {
			p.Add(field, "is not valid UTF-8")
			return
		}
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			p.Add(field, "must not contain control characters")
			return
		}
	}
}
