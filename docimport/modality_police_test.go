package docimport

import "testing"

// TestDistrictPoliceCases: the cases the police of the district (or of the
// province) found are the district's, not the commune's — "Công an huyện
// đã phát hiện, xử lý 09 vụ …" was read as the commune's incidents. The
// commune's own figure after it is still read; a case the commune's police
// handled with the district's stays the commune's.
func TestDistrictPoliceCases(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n\n1. Lãnh sự, bảo hộ công dân\n\n"
	res := readText(t, head+"Công an tỉnh đã kiểm tra, phát hiện 14 vụ người nước ngoài lưu trú không khai báo. Trên địa bàn xã có 03 người nước ngoài tạm trú.\n")
	got := foundValues(res)
	if v, ok := got["consular.foreigner_incidents"]; ok {
		t.Errorf("consular.foreigner_incidents = %q, want none (the province police's cases)", v)
	}
	wantFound(t, res, map[string]string{"consular.foreign_residents": "3"})

	res = readText(t, head+"Công an xã phối hợp với Công an huyện xử lý 02 vụ việc liên quan đến người nước ngoài.\n")
	wantFound(t, res, map[string]string{"consular.foreigner_incidents": "2"})
}

// TestYearOpeningItsSentence: an adverbial of another period that opens
// its sentence, set off by a comma ("Năm 2023, …"), governs the clauses
// after the first too — "…; hộ cận nghèo 41 hộ." was another year's
// figure, a rival of the period's. Words of the report's own period end
// it ("…; trong năm, …").
func TestYearOpeningItsSentence(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	res := readText(t, head+"Năm 2023, số hộ nghèo của xã là 57 hộ, chiếm 6,3%; hộ cận nghèo 41 hộ. Cuối năm 2024, xã còn 39 hộ nghèo, chiếm 4,1%; 33 hộ cận nghèo.\nII. KẾT QUẢ\n1. Đoàn ra: Không.\n")
	wantFound(t, res, map[string]string{"profile.near_poor_households": "33", "profile.poor_households": "39"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	res = readText(t, head+"Năm 2023, xã đã hoàn thành rà soát hộ nghèo; trong năm 2024 xã có 33 hộ cận nghèo.\nII. KẾT QUẢ\n1. Đoàn ra: Không.\n")
	wantFound(t, res, map[string]string{"profile.near_poor_households": "33"})
}

// TestCitizensOfChinaAbbreviated: "TQ", as clerks write Trung Quốc, names
// the foreigners of an incident ("… xử lý 02 vụ công dân TQ vượt biên trái
// phép") — the incidents were missed.
func TestCitizensOfChinaAbbreviated(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n5. Lãnh sự\n- Người nước ngoài tạm trú: không.\n" +
		"- Phối hợp Đồn Biên phòng xử lý 02 vụ công dân TQ vượt biên trái phép, đã trao trả cho phía bạn.\n"
	wantFound(t, readText(t, doc), map[string]string{"consular.foreigner_incidents": "2", "consular.foreign_residents": "0"})
}

// TestShareOfTheDistrictsPeople: a share of the people of a wider area,
// named after it ("… chiếm 88,2% dân số toàn huyện"), is that area's — it
// was a rival of the commune's own share, left unresolved.
func TestShareOfTheDistrictsPeople(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	res := readText(t, head+"Đồng bào dân tộc thiểu số chiếm 88,2% dân số toàn huyện. Xã có 1.204 hộ; tỷ lệ người dân tộc thiểu số của xã là 64,5%.\nII. KẾT QUẢ\n1. Đoàn ra: Không.\n")
	wantFound(t, res, map[string]string{"profile.ethnic_minority_share_pct": "64.5"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestCommunesPartAfterTheDistricts: after a clause that gives a wider
// area's foreigners or incidents (hidden: another area's), one that names
// the commune and no foreigners gives the commune's part of the same kind
// ("…; trong đó trên địa bàn xã có 04 người"), or its none ("…; trên địa
// bàn xã không xảy ra vụ việc nào") — both were missed.
func TestCommunesPartAfterTheDistricts(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n6. Lãnh sự, bảo hộ công dân\n" +
		"Toàn huyện có 41 người nước ngoài tạm trú, chủ yếu là chuyên gia của các nhà máy; trong đó trên địa bàn xã có 04 người, đều đã khai báo tạm trú.\n" +
		"Công an huyện đã xử lý 05 vụ người nước ngoài cư trú không khai báo; trên địa bàn xã không xảy ra vụ việc nào.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"consular.foreign_residents": "4", "consular.foreigner_incidents": "0"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestDistrictCommitteeAsSubject: the district's people's committee as
// the subject of a sentence that never names the commune again ("Tháng
// 5/2024, UBND huyện ký 01 thỏa thuận …", "6 tháng đầu năm 2024, UBND
// huyện cử 03 đoàn với 21 người …") gives the district's figures, not the
// commune's — they were rivals of the commune's own none, left
// unresolved. One that names the commune is the commune's too: a class it
// sent its officials to, a gift to it.
func TestDistrictCommitteeAsSubject(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\n"
	res := readText(t, head+"1. Đoàn ra, đoàn vào\n6 tháng đầu năm 2024, UBND huyện cử 03 đoàn với 21 người sang thăm tỉnh bạn. Xã không cử đoàn đi nước ngoài.\n"+
		"2. Thỏa thuận quốc tế\nTháng 5/2024, UBND huyện ký 01 thỏa thuận hợp tác với chính quyền huyện bạn. Xã không ký kết thỏa thuận quốc tế.\n"+
		"3. Đào tạo, bồi dưỡng kiến thức đối ngoại\nTháng 3/2024, UBND huyện tổ chức 01 lớp bồi dưỡng kiến thức đối ngoại cho cán bộ các xã; xã cử 02 đồng chí tham gia.\n")
	wantFound(t, res, map[string]string{"delegations.outbound.count": "0", "delegations.outbound.people": "0", "international_agreements.count": "0", "training.courses": "1", "training.officials_trained": "2"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	res = readText(t, head+"4. Khen thưởng của nước ngoài\nUBND huyện Mường Phăn (Lào) tặng 01 Giấy khen cho UBND xã vì thành tích phối hợp bảo vệ biên giới.\n")
	wantFound(t, res, map[string]string{"foreign_awards_received.count": "1"})
}

// TestDistrictCommitteeGoesOnAfterSemicolon: the district's committee,
// subject of a sentence that never names the commune, is still the subject
// of its clauses after a semicolon ("UBND huyện cử 03 đoàn …; đón 04 đoàn
// khách nước ngoài với 37 người.") — their figures were rivals of the
// commune's own, left unresolved.
func TestDistrictCommitteeGoesOnAfterSemicolon(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\n1. Đoàn ra, đoàn vào\n" +
		"6 tháng đầu năm 2024, UBND huyện cử 03 đoàn với 21 người sang thăm tỉnh bạn; đón 04 đoàn khách nước ngoài với 37 người.\n" +
		"Xã không cử đoàn đi nước ngoài; đón 01 đoàn nước ngoài với 09 người đến thăm, giao lưu.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": "9", "delegations.outbound.count": "0"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}
