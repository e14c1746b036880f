package docimport

import "testing"

// TestListNumberOnItsOwnLine: a report whose headings were Word's list
// items, saved as text with each item's number and its tab on a line of
// their own ("1.\t") and the item's words on the next. The number and the
// words are one heading: without it the sections after "II." were never
// opened and their figures were lost in the profile.
func TestListNumberOnItsOwnLine(t *testing.T) {
	doc := "UBND HUYỆN MẪU\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" +
		"ỦY BAN NHÂN DÂN XÃ THỬ\tĐộc lập - Tự do - Hạnh phúc\n" +
		"Số: 31/BC-UBND\tThử, ngày 05 tháng 12 năm 2024\n" +
		"BÁO CÁO\nKết quả công tác đối ngoại năm 2024\n" +
		"I.\t\nTÌNH HÌNH CHUNG\n" +
		"Xã Thử có 07 thôn với 1.318 hộ, 5.026 nhân khẩu.\n" +
		"II.\t\nKẾT QUẢ CÔNG TÁC ĐỐI NGOẠI NĂM 2024\n" +
		"1.\t\nQuản lý đoàn ra, đoàn vào\n" +
		"- Đoàn ra: Không có.\n" +
		"- Đoàn vào: xã tiếp 03 đoàn trong nước với 21 người và 01 đoàn nước ngoài với 06 người đến thăm trường học.\n" +
		"2.\t\nHội nghị, hội thảo quốc tế\nKhông tổ chức.\n" +
		"3.\t\nCông tác lãnh sự, bảo hộ công dân\n" +
		"Trên địa bàn có 05 người nước ngoài tạm trú; có 14 lượt công dân xuất cảnh.\n" +
		"III.\t\nPHƯƠNG HƯỚNG NĂM 2025\n" +
		"1.\t\nTiếp tục đón 02 đoàn nước ngoài.\n" +
		"Nơi nhận:\n- Lưu: VT.\tTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"profile.hamlets":                    "7",
		"profile.households":                 "1318",
		"delegations.outbound.count":         "0",
		"delegations.inbound_domestic.count": "3",
		"delegations.inbound_foreign.count":  "1",
		"delegations.inbound_foreign.people": "6",
		"international_conferences.count":    "0",
		"consular.foreign_residents":         "5",
		"consular.citizens_exited":           "14",
	})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
}
