package docimport

import "testing"

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
