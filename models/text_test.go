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
