package docimport

import (
	"strings"
	"testing"
)

// TestScanThousandsDotThenO: typed from paper, the letter O for a zero
// right after a number's thousands' dot ("1.O58 hộ") is a zero too, as
// after a digit ("2O3") — the households were missed.
func TestScanThousandsDotThenO(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Xã có 12 bản, 1.O58 hộ với 4.706 nhân khẩu; diện tích 7.2O4,5 ha.\nII. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{"profile.households": "1058", "profile.population": "4706", "profile.hamlets": "12"})
}

// TestScanLineBrokenInADonorsName: typed from paper, a line that ends in
// "do tổ chức" and the first words of a name ("… do tổ chức Ánh Sáng") goes
// on with the next, whose capital begins the rest of the name ("Phương
// Nam (Bright South) tài trợ, …") — the project was lost.
func TestScanLineBrokenInADonorsName(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n5. Đối ngoại nhân dân, viện trợ phi chính phủ nước ngoài\n" +
		"     - Dự án \"Bếp ăn bán trú cho học sinh\" do tổ chức Ánh Sáng\nPhương Nam (Bright South) tài trợ, tổng giá trị 2,15\ntỷ đồng, đến nay đã giải ngân 860 triệu đồng.\n" +
		"6. Văn hóa đối ngoại: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "2150000000", "ngo_aid.projects[0].disbursed_vnd": "860000000"})
}

// TestOwnHalfIsNoCount: the number of the half-year's name is no count,
// in a report of that half too — "6 tháng đầu năm không có người nước ngoài
// tạm trú" was read as 6 foreigners against the none, left unresolved.
func TestOwnHalfIsNoCount(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\n1. Lãnh sự, bảo hộ công dân\n" +
		"- Người nước ngoài tạm trú: 6 tháng đầu năm không có người nước ngoài đăng ký tạm trú tại xã.\n" +
		"- Công dân xuất cảnh: 6 tháng đầu năm có 14 lượt công dân xuất cảnh.\n"
	for _, d := range []string{doc, strings.ReplaceAll(doc, "- ", "a.\t")} {
		res := readText(t, d)
		wantFound(t, res, map[string]string{"consular.foreign_residents": "0", "consular.citizens_exited": "14"})
		for _, u := range res.Unresolved {
			t.Errorf("unresolved %+v", u)
		}
	}
}

// TestHeadingContentIsProse: what follows the colon of a numbered or
// lettered heading ("a) Người nước ngoài tạm trú: …") is prose, and the
// modalities of its clauses hide what they govern as on a line of its
// own — another year's, or the district's, figure there was read as the
// period's.
func TestHeadingContentIsProse(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n8.\tCông tác lãnh sự và bảo hộ công dân\n"
	for _, body := range []string{
		"a) Người nước ngoài tạm trú: năm 2023 có 17 người nước ngoài tạm trú trên địa bàn xã.\n",
		"a.\tNgười nước ngoài tạm trú: toàn huyện có 17 người nước ngoài tạm trú.\n",
		"1. Lãnh sự, bảo hộ công dân: Tính đến hết năm 2023, xã có 17 người nước ngoài tạm trú.\n",
	} {
		if v, ok := foundValues(readText(t, head+body))["consular.foreign_residents"]; ok {
			t.Errorf("%q: consular.foreign_residents = %q, want none", body, v)
		}
	}
	wantFound(t, readText(t, head+"a) Người nước ngoài tạm trú: trên địa bàn xã có 17 người nước ngoài tạm trú.\n"), map[string]string{"consular.foreign_residents": "17"})
}
