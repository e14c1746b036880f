package models

import "fmt"

// Phrase is the period as a document names it: "năm 2024", "6 tháng đầu
// năm 2024", "6 tháng cuối năm 2024".
func (p Period) Phrase() string {
	switch p.Half {
	case 1:
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	case 2:
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}
