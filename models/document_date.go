package models

import (
	"fmt"
	"strings"
)

// UnitNamePrefixes are the kind words that open a unit's name, longest
// first: "Thị trấn Chợ Chu", "Xã Bộc Nhiêu".
var UnitNamePrefixes = []string{"Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Huyện ", "Quận ", "Tỉnh ", "Xã "}

// PlaceName is a unit's name without its kind, as the place of a document's
// header names it: "Bộc Nhiêu" for "Xã Bộc Nhiêu".
func PlaceName(unitName string) string {
	for _, p := range UnitNamePrefixes {
		if rest, ok := strings.CutPrefix(unitName, p); ok {
			return rest
		}
	}
	return unitName
}

// InDocument writes the date as an administrative document does (Nghị
// định 30/2020/NĐ-CP): "ngày 05 tháng 02 năm 2025", a day below 10 and the
// months 1 and 2 with a leading zero.
func (d Date) InDocument() string {
	day, month := d.t.Day(), int(d.t.Month())
	m := fmt.Sprint(month)
	if month <= 2 {
		m = fmt.Sprintf("%02d", month)
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", day, m, d.t.Year())
}

// PlaceDate is the header's place-and-date line (địa danh, ngày tháng
// năm). It follows issued_on: with a date of issue the line is "<place>,
// ngày 20 tháng 11 năm 2025", whatever issued_text says (the line as first
// written, often with the day left blank); issued_text is shown only while
// issued_on is null. The place is document.place, else the one issued_text
// names, else fallback (the unit's place name).
func (d *Document) PlaceDate(fallback string) string {
	place := d.Place
	if place == "" {
		if before, _, ok := strings.Cut(d.IssuedText, ","); ok && strings.Contains(d.IssuedText, "ngày") {
			place = strings.TrimSpace(before)
		}
	}
	if place == "" {
		place = fallback
	}
	switch {
	case d.IssuedOn != nil && !d.IssuedOn.IsZero():
		return place + ", " + d.IssuedOn.InDocument()
	case d.IssuedText != "":
		return d.IssuedText
	}
	return place
}
