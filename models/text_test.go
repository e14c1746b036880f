package models

import (
	"testing"

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
