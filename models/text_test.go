package models

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Xã Bộc Nhiêu":               "xa boc nhieu",
		"Huyện Định Hóa":             "huyen dinh hoa",
		"ĐẶC KHU  Phú   Quốc":        "dac khu phu quoc",
		"  boc nhieu ":               "boc nhieu",
		norm.NFD.String("Bộc Nhiêu"): "boc nhieu",
		"Thị trấn Chợ Chu":           "thi tran cho chu",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNFC(t *testing.T) {
	nfd := norm.NFD.String("Bộc Nhiêu")
	if nfd == "Bộc Nhiêu" {
		t.Fatal("test needs decomposed input")
	}
	if got := NFC(nfd); got != "Bộc Nhiêu" {
		t.Errorf("NFC(NFD) = %q", got)
	}
	s := "Định Hóa"
	if got := NFC(s); got != s {
		t.Errorf("NFC changed NFC text: %q", got)
	}
}

func TestCheckText(t *testing.T) {
	var p Problems
	CheckText(&p, "a", "ổn", 2)
	CheckText(&p, "b", "quá dài", 3)
	CheckText(&p, "c", "bell\x07", 100)
	CheckText(&p, "d", "dòng 1\ndòng 2\ttab", 100)
	if p.Len() != 2 || p.List()[0].Field != "b" || p.List()[1].Field != "c" {
		t.Errorf("problems: %+v", p.List())
	}
}

func TestIsNFC(t *testing.T) {
	for _, s := range []string{"", "abc", "Xã Bộc Nhiêu", "Định Hóa – “Sư đoàn 367”…", "Ω≈", "日本語", "한국어"} {
		if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("IsNFC(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{norm.NFD.String("Bộc Nhiêu"), "e\u0301", "\u212b", "\u2126", norm.NFD.String("한국어")} {
		if IsNFC(s) || IsNFC([]byte(s)) {
			t.Errorf("IsNFC(%q) = true", s)
		}
	}
	var p Problems
	CheckText(&p, "x", "a\u0085b", 10)
	CheckText(&p, "y", "\xff", 10)
	if p.Len() != 2 {
		t.Errorf("%+v", p.List())
	}
}

func TestIsNFCPunctuation(t *testing.T) {
	for _, s := range []string{"Phòng không – Không quân", "“Ngày tôn vinh tiếng Việt”", "46 triệu ₫…", "\u2000", "\u2001"} {
		if got, want := IsNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("IsNFC(%q) = %v, want %v", s, got, want)
		}
	}
}

// checkTextBefore is CheckText as it was written before its single pass:
// the control characters over every byte, then the UTF-8, then the length.
// FuzzCheckText holds the two to the same answers.
func checkTextBefore(p *Problems, field, s string, max int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f || c == 0xC2 && i+1 < len(s) && s[i+1] < 0xA0 {
			p.AddMsg(field, FBadText, MControlCharacters, nil, "must not contain control characters")
			return
		}
	}
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		p.AddMsg(field, FBadText, MNotUTF8, nil, "is not valid UTF-8 text")
		return
	}
	for _, r := range s {
		if unicode.Is(unicode.Cf, r) || strings.ContainsRune("\u034f\u115f\u1160\u3164\uffa0", r) {
			p.AddMsg(field, FInvisibleText, MInvisibleCharacter, Params{"character": fmt.Sprintf("U+%04X", r)}, "must not contain invisible or bidirectional control characters (U+%04X)", r)
			return
		}
	}
	if len(s) > max {
		if n := utf8.RuneCountInString(s); n > max {
			p.AddMsg(field, FTooLong, MTooLong, Params{"length": n, "max": max}, "is %d characters long; at most %d are allowed", n, max)
		}
	}
}

func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"", "ổn", "quá dài", "bell\x07", "dòng 1\ndòng 2\ttab", "a\u0085b", "\xff", "\xc2A", "\xe0\xc2\x85",
		"\xef\xbf\xbd", "Xã Bộc Nhiêu\x7f", "dự án\u202e", "a\u200db", "\ufeffx", "\xff\u202e", "  Kinh\v ", "KINH", "a\u00a0b", "\xc2", "\xe1\xbb", "Sở Ngoại vụ & <b>"} {
		f.Add(s, 3)
		f.Add(s, 100)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		var a, b Problems
		CheckText(&a, "f", s, max)
		checkTextBefore(&b, "f", s, max)
		if fmt.Sprint(a.List()) != fmt.Sprint(b.List()) {
			t.Errorf("CheckText(%q, %d) = %v, before %v", s, max, a.List(), b.List())
		}
		if got, want := Fold(s), foldUnicode(s); got != want {
			t.Errorf("Fold(%q) = %q, the decomposing fold %q", s, got, want)
		}
	})
}

// The characters that hide or reorder text are refused with their own
// code, every one of them; Vietnamese letters, punctuation and the
// no-break space are not.
func TestInvisibleCharacters(t *testing.T) {
	hidden := []rune{0x202E, 0x202A, 0x202B, 0x202C, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
		0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x2061, 0xE0001, 0xE0041, 0x034F, 0x115F, 0x3164, 0xFFA0}
	for _, r := range hidden {
		var p Problems
		CheckText(&p, "ngo_aid.projects[0].name", "Dự án nước sạch"+string(r)+" (đã xong)", 200)
		l := p.List()
		if len(l) != 1 || l[0].Code != FInvisibleText || l[0].Field != "ngo_aid.projects[0].name" || !strings.Contains(l[0].Message, fmt.Sprintf("U+%04X", r)) {
			t.Errorf("U+%04X: %+v", r, l)
		}
		if got := StripInvisible("Dự" + string(r) + " án" + string(r)); got != "Dự án" {
			t.Errorf("StripInvisible with U+%04X = %q", r, got)
		}
	}
	for _, s := range []string{"Xã Bộc Nhiêu – Định Hóa", "“Ngày tôn vinh”", "46 triệu ₫…", "a\u00a0b", "Tày, Nùng, H'Mông", "dòng 1\ndòng 2\ttab"} {
		var p Problems
		CheckText(&p, "x", s, 200)
		if p.Len() != 0 || StripInvisible(s) != s {
			t.Errorf("%q: %+v", s, p.List())
		}
	}
}
