package models

import "testing"

// TestPlaceDate: the header's line follows issued_on; issued_text is the
// line only while there is no date; the place comes from place, else from
// issued_text, else from the unit.
func TestPlaceDate(t *testing.T) {
	d := func(s string) *Date { v := MustDate(s); return &v }
	for _, c := range []struct {
		doc  Document
		want string
	}{
		{Document{Place: "Bộc Nhiêu", IssuedText: "Bộc Nhiêu, ngày    tháng 11 năm 2025", IssuedOn: d("2025-11-20")}, "Bộc Nhiêu, ngày 20 tháng 11 năm 2025"},
		{Document{IssuedText: "Trung Hội, ngày    tháng 11 năm 2025", IssuedOn: d("2025-02-03")}, "Trung Hội, ngày 03 tháng 02 năm 2025"},
		{Document{IssuedOn: d("2025-12-15")}, "Định Hóa, ngày 15 tháng 12 năm 2025"},
		{Document{Place: "Bộc Nhiêu", IssuedText: "Bộc Nhiêu, ngày    tháng 11 năm 2025"}, "Bộc Nhiêu, ngày    tháng 11 năm 2025"},
		{Document{Place: "Bộc Nhiêu"}, "Bộc Nhiêu"},
		{Document{}, "Định Hóa"},
	} {
		if got := c.doc.PlaceDate(PlaceName("Huyện Định Hóa")); got != c.want {
			t.Errorf("%+v: %q, want %q", c.doc, got, c.want)
		}
	}
}
