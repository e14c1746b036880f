package docimport

import (
	"fmt"
	"testing"
)

// TestUnresolvedBothReadings: a figure the reader saw but could not set —
// two passages that disagree, or one passage that gives it two ways — is
// null, in not_found, and listed in unresolved with each reading: its
// value and its own words.
func TestUnresolvedBothReadings(t *testing.T) {
	for name, c := range map[string]struct {
		doc, field string
		want       []Found
	}{
		"one clause, two counts": {
			doc:   "BÁO CÁO\nKết quả công tác đối ngoại năm 2024\n8. Lãnh sự, bảo hộ công dân\nCó 03 người nước ngoài tạm trú và 04 người nước ngoài đến làm ăn, sinh sống.\n",
			field: "consular.foreign_residents",
			want: []Found{
				{Value: int64(3), Text: "Có 03 người nước ngoài tạm trú và 04 người nước ngoài đến làm ăn"},
				{Value: int64(4), Text: "Có 03 người nước ngoài tạm trú và 04 người nước ngoài đến làm ăn"},
			},
		},
		"two passages": {
			doc:   "BÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nToàn xã có 15 chi bộ với 297 đảng viên.\nĐảng bộ xã có 16 chi bộ trực thuộc.\n",
			field: "profile.party_cells",
			want: []Found{
				{Value: int64(15), Text: "Toàn xã có 15 chi bộ với 297 đảng viên"},
				{Value: int64(16), Text: "Đảng bộ xã có 16 chi bộ trực thuộc"},
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			res := readText(t, c.doc)
			if !contains(res.NotFound, c.field) {
				t.Errorf("%s not in not_found %v", c.field, res.NotFound)
			}
			var got []Found
			for _, u := range res.Unresolved {
				if u.Field == c.field {
					u.Field = ""
					got = append(got, u)
				}
			}
			if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", c.want) {
				t.Errorf("unresolved %+v, want %+v", got, c.want)
			}
		})
	}
}

// TestTotalWithBreakdown: a total followed by its breakdown ("trong đó",
// "gồm") is the total; the parts are not second readings of it.
func TestTotalWithBreakdown(t *testing.T) {
	res := readText(t, "BÁO CÁO\nKết quả công tác đối ngoại năm 2024\n8. Lãnh sự, bảo hộ công dân\nTrên địa bàn có 11 người nước ngoài tạm trú, trong đó 06 người Lào và 05 người Trung Quốc.\n")
	if got := foundValues(res)["consular.foreign_residents"]; got != "11" {
		t.Errorf("foreign residents %q, want 11 (unresolved %+v)", got, res.Unresolved)
	}
}
