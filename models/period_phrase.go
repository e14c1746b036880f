package models

import "fmt"

// halfWords open the phrase of a half year.
var halfWords = [...]string{1: "6 tháng đầu ", 2: "6 tháng cuối "}

// Phrase is the period as a document names it: "năm 2024", "6 tháng đầu
// năm 2024", "6 tháng cuối năm 2024".
func (p Period) Phrase() string {
	half := ""
	if p.Half == 1 || p.Half == 2 {
		half = halfWords[p.Half]
	}
	return fmt.Sprintf("%snăm %d", half, p.Year)
}
