package models

import (
	"fmt"
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
	if IsNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// IsNFC tells whether s is in NFC. Text made only of the characters of
// nfcStarter is: each is a starter that NFC leaves alone. Anything else is
// checked by golang.org/x/text.
func IsNFC[T string | []byte](s T) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		var size int
		switch v := any(s).(type) {
		case string:
			r, size = utf8.DecodeRuneInString(v[i:])
		case []byte:
			r, size = utf8.DecodeRune(v[i:])
		}
		if nfcStarter(r) {
			i += size
			continue
		}
		switch v := any(s).(type) {
		case string:
			return norm.NFC.IsNormalString(v)
		case []byte:
			return norm.NFC.IsNormal(v)
		}
	}
	return true
}

// Fold returns s as it is compared in searches: without diacritics, in
// lower case, "đ" as "d", runs of white space as one space. Fold("Xã Bộc
// Nhiêu") = "xa boc nhieu".
func Fold(s string) string {
	if ascii(s) {
		return foldASCII(s)
	}
	return foldUnicode(s)
}

// foldUnicode is Fold of any text: decomposed, the combining marks
// dropped. foldASCII gives the same for ASCII, faster (FuzzCheckText).
func foldUnicode(s string) string {
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

// foldASCII is Fold of text made only of ASCII, which has nothing to
// decompose: lower case, runs of white space as one space.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TextLen is the length of s in characters (code points), the measure of
// every text limit, so that Vietnamese is not penalised for its multi-byte
// letters.
func TextLen(s string) int { return utf8.RuneCountInString(s) }

// nfcStarter tells whether r is one of the characters Vietnamese text is
// made of that NFC never changes and nothing composes with: below U+0300
// (ASCII, Latin-1, Latin Extended-A and -B, spacing modifiers), Latin
// Extended Additional (U+1E00–U+1EFF, the precomposed Vietnamese letters),
// General Punctuation but for U+2000 and U+2001 (dashes, “quotes”, …),
// and the currency signs (₫).
func nfcStarter(r rune) bool {
	switch {
	case r < 0x300:
		return r != utf8.RuneError
	case r >= 0x1E00 && r <= 0x1EFF, r >= 0x2002 && r <= 0x206F, r >= 0x20A0 && r <= 0x20C0:
		return true
	}
	return false
}

// Invisible reports whether r changes how text is shown, or hides text,
// without being seen itself: the bidirectional controls (U+061C, U+200E,
// U+200F, U+202A–U+202E, U+2066–U+2069: a name ending in U+202E mirrors the
// words after it), the zero-width characters (U+200B–U+200D, U+2060,
// U+FEFF), every other format character (Unicode category Cf: the soft
// hyphen U+00AD, the tags U+E0000–U+E007F, …), and the fillers that show
// nothing (U+034F, U+115F, U+1160, U+3164, U+FFA0). None belongs in a
// report, a unit's name or a comment written in Vietnamese.
func Invisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r >= 0x1E00 && r <= 0x1EFF: // the precomposed Vietnamese letters
		return false
	case r == 0x34F, r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// StripInvisible returns s without the characters Invisible reports. The
// import uses it: a document may carry them innocently (a zero-width space
// from a web page, a soft hyphen from Word), and they are never the content.
func StripInvisible(s string) string {
	i := strings.IndexFunc(s, Invisible)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !Invisible(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CheckText records a problem when s is longer than max characters, is not
// valid UTF-8 (U+FFFD, the mark of a bad conversion, counts as invalid),
// holds control characters other than tab and line breaks, or holds an
// invisible or bidirectional control character (Invisible, code
// FInvisibleText); a control character is named before invalid UTF-8, and
// that before an invisible character. One pass over the bytes: C0
// controls are single bytes, C1 controls (U+0080–U+009F) are 0xC2 followed
// by 0x80–0x9F (so, like any 0xC2 not followed by a continuation of a
// printable character, they are caught at their first byte), and
// characters are counted on the way.
func CheckText(p *Problems, field, s string, max int) {
	invalid := false
	var hidden rune
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f {
				p.AddMsg(field, FBadText, MControlCharacters, nil, "must not contain control characters")
				return
			}
			i++
			continue
		}
		if c == 0xC2 && i+1 < len(s) && s[i+1] < 0xA0 {
			p.AddMsg(field, FBadText, MControlCharacters, nil, "must not contain control characters")
			return
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			invalid = true
		} else if hidden == 0 && Invisible(r) {
			hidden = r
		}
		i += size
	}
	switch {
	case invalid:
		p.AddMsg(field, FBadText, MNotUTF8, nil, "is not valid UTF-8 text")
	case hidden != 0:
		p.AddMsg(field, FInvisibleText, MInvisibleCharacter, Params{"character": fmt.Sprintf("U+%04X", hidden)}, "must not contain invisible or bidirectional control characters (U+%04X)", hidden)
	case n > max:
		p.AddMsg(field, FTooLong, MTooLong, Params{"length": n, "max": max}, "is %d characters long; at most %d are allowed", n, max)
	}
}
