package docimport

import "testing"

// delegDoc is a short report of 2024 whose section 1 is body.
func delegDoc(profile, body string) string {
	return "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n" +
		"I. ĐẶC ĐIỂM TÌNH HÌNH\n" + profile + "\nII. KẾT QUẢ\n1. Công tác đoàn ra, đoàn vào\n" + body + "\n"
}

// TestDelegationOrigin: each count of delegations is read by what its own
// words say of where they came from — within the country, abroad, a
// foreign organisation, a place abroad the report names once with its
// country, "bạn Lào" — and a clause of another period is never the
// figure.
func TestDelegationOrigin(t *testing.T) {
	for _, tc := range []struct {
		name, profile, body string
		want                map[string]string
	}{
		{"clauses and another period", "",
			"Đoàn vào: xã đón 11 đoàn trong nước với 130 người về thăm, học tập; 03 đoàn nước ngoài với 20 người (đoàn Đại sứ quán Phần Lan và đoàn doanh nghiệp Nhật Bản). Cùng kỳ năm 2023 xã đón 02 đoàn nước ngoài.",
			map[string]string{
				"delegations.inbound_domestic.count": "11", "delegations.inbound_domestic.people": "130",
				"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "20",
			}},
		{"a foreign organisation, no people", "",
			"Trong năm xã không có đoàn ra. Xã tiếp 06 đoàn trong nước với 70 người. Ngoài ra có 01 đoàn của Tổ chức Save the Children International về kiểm tra tiến độ dự án.",
			map[string]string{
				"delegations.inbound_domestic.count": "6", "delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": "",
			}},
		{"a place abroad named once", "Xã giáp huyện Sốp Bâu, tỉnh Hủa Phăn (Lào), có 2 mốc giới.",
			"Đoàn vào: đón 05 đoàn trong nước; 02 đoàn của huyện Sốp Bâu với 16 người sang thăm, chúc Tết.",
			map[string]string{
				"delegations.inbound_domestic.count": "5", "delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "16",
			}},
		{"bạn Lào, the count in words too", "",
			"- Đoàn vào: tiếp 04 đoàn trong nước; 02 (hai) đoàn của bạn Lào với 13 người sang giao lưu.",
			map[string]string{
				"delegations.inbound_domestic.count": "4", "delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "13",
			}},
		{"firms abroad, countries in brackets", "",
			"Đoàn ra, đoàn vào: không có đoàn ra; tiếp 04 đoàn doanh nghiệp, tổ chức nước ngoài (Đài Loan 3, Singapore 1) với 25 người đến tìm hiểu đầu tư.",
			map[string]string{
				"delegations.outbound.count": "0", "delegations.inbound_foreign.count": "4", "delegations.inbound_foreign.people": "25",
			}},
		{"guests, members", "",
			"Về khách quốc tế, năm 2024 xã đón 3 đoàn khách nước ngoài gồm 27 thành viên đến tham quan làng nghề.",
			map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "27"}},
		{"a total split by origin", "",
			"Đoàn vào: tiếp 12 đoàn, trong đó 10 đoàn trong nước và 02 đoàn nước ngoài (15 người).",
			map[string]string{
				"delegations.inbound_domestic.count": "10", "delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "15",
			}},
		{"items, then the total", "",
			"- Đoàn nước ngoài: tiếp 02 đoàn chính quyền bản giáp biên (Lào) và 01 đoàn phía Trung Quốc sang giao lưu; tổng cộng 03 đoàn, 30 người.",
			map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "30"}},
		{"items with no total", "",
			"Đoàn vào: xã tiếp 02 đoàn của tỉnh Luang Namtha (Lào) với 12 người và 01 đoàn của Đại sứ quán Úc với 4 người.",
			map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "16"}},
		{"where they went is no origin", "",
			"Đoàn ra: 02 đoàn với 9 người đi Lào dự lễ; năm 2023 có 01 đoàn.\nĐoàn vào: không có đoàn nước ngoài; tiếp 08 đoàn trong nước.",
			map[string]string{
				"delegations.outbound.count": "2", "delegations.outbound.people": "9",
				"delegations.inbound_foreign.count": "0", "delegations.inbound_domestic.count": "8",
			}},
		{"a lead in each sentence", "",
			"Đoàn ra: 02 đoàn (Lào), 9 người. Đoàn vào: trong nước 05 đoàn; nước ngoài 03 đoàn, 21 người (Hàn Quốc, Úc).",
			map[string]string{
				"delegations.outbound.count": "2", "delegations.outbound.people": "9",
				"delegations.inbound_domestic.count": "5", "delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "21",
			}},
		{"the people of two counts", "",
			"Đoàn vào: tiếp 02 đoàn nước ngoài và 05 đoàn trong nước, tổng số 48 người.",
			map[string]string{
				"delegations.inbound_foreign.count": "2", "delegations.inbound_domestic.count": "5",
				"delegations.inbound_foreign.people": "", "delegations.inbound_domestic.people": "",
			}},
		{"all of them, then one", "",
			"Đoàn vào: tiếp 05 đoàn nước ngoài, nổi bật là 01 đoàn Đại sứ quán Úc. Ngoài ra có 04 đoàn trong nước, 01 đoàn của Trung ương đến thăm.",
			map[string]string{"delegations.inbound_foreign.count": "5", "delegations.inbound_domestic.count": "4"}},
		{"all of them, then one, no word between", "",
			"Đoàn vào: tiếp 05 đoàn nước ngoài, 01 đoàn Đại sứ quán Úc đến khảo sát.",
			map[string]string{"delegations.inbound_foreign.count": "5"}},
		{"organisations abroad by their names", "",
			"Đoàn vào: đón 01 đoàn chuyên gia tổ chức Helvetas với 03 người và 01 đoàn Quỹ Nhi đồng Liên hợp quốc với 04 người.",
			map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "7"}},
		{"a label line before", "",
			"b) Đoàn nước ngoài đến làm việc:\nXã tiếp 02 đoàn với 14 người, tăng 01 đoàn so với năm 2023.",
			map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "14"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readText(t, delegDoc(tc.profile, tc.body))
			wantFound(t, res, tc.want)
			for _, u := range res.Unresolved {
				t.Errorf("unresolved %+v", u)
			}
		})
	}
}

// TestDelegationTraps: counts that are not this period's figures, and
// counts whose origin is not said, are never read.
func TestDelegationTraps(t *testing.T) {
	for _, body := range []string{
		"Đoàn vào: năm 2023 xã tiếp 04 đoàn nước ngoài.",
		"Đoàn vào: so với cùng kỳ, số đoàn nước ngoài tăng 02 đoàn.",
		"Đoàn vào: tiếp 07 đoàn đến thăm, làm việc.",
		"Đoàn vào: khoảng 5 đoàn nước ngoài đến tham quan.",
		"Đoàn vào: 03 đoàn trong nước và nước ngoài đến dự lễ hội.",
		"Đoàn vào: dự kiến tháng 12 xã sẽ đón 02 đoàn nước ngoài.",
		"Đoàn vào: 05 đoàn thể của xã phối hợp đón tiếp khách nước ngoài chu đáo.",
		"Đoàn vào: giao lưu với 40 đoàn viên thanh niên nước ngoài.",
		"Đoàn ra: 02 đoàn (Lào), 9 người.",
		"a) Đoàn ra:\n- 01 đoàn (Trung Quốc) với 06 người.",
	} {
		res := readText(t, delegDoc("", body))
		got := foundValues(res)
		for _, k := range []string{"delegations.inbound_foreign.count", "delegations.inbound_domestic.count", "delegations.inbound_foreign.people", "delegations.inbound_domestic.people"} {
			if v, ok := got[k]; ok && v != "0" {
				t.Errorf("%q: %s = %s", body, k, v)
			}
		}
	}
}

// TestShortSectionsWordings: sections 6–12 as clerks write them — a
// section that is only "- Không." under a heading without diacritics, an
// award "tặng" (gave, which folds as "tăng", a change) by a foreign
// authority, the officials of a clause after one about the courses, one
// course joined with no count — and the traps beside them.
func TestShortSectionsWordings(t *testing.T) {
	doc := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n" +
		"2. Thoa thuan quoc te\n- Không.\n" +
		"3. Hoi nghi, hoi thao quoc te\n+ Không có.\n" +
		"10. Dao tao, boi duong\nXã không mở lớp tập huấn; chưa cử công chức nào tham gia.\n" +
		"11. Khen thưởng\n- Tháng 9/2024, UBND xã được Ủy ban hành chính tỉnh Chăm-pa-sắc tặng 01 Giấy khen.\n- Kiến nghị khen thưởng: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"international_agreements.count":  "0",
		"international_conferences.count": "0",
		"training.courses":                "0",
		"training.officials_trained":      "0",
		"foreign_awards_received.count":   "1",
		"award_nominations.count":         "0",
	})
	doc = "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n" +
		"10. Đào tạo, bồi dưỡng\nXã cử 03 công chức tham gia lớp bồi dưỡng kiến thức đối ngoại do huyện tổ chức.\n" +
		"11. Khen thưởng của nước ngoài\nSo với năm trước, số hình thức khen thưởng tăng 01 Bằng khen.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"training.officials_trained":    "3",
		"training.courses":              "1",
		"foreign_awards_received.count": "",
	})
	doc = "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n" +
		"10. Đào tạo, bồi dưỡng\nXã cử 03 công chức tham gia các lớp bồi dưỡng do huyện tổ chức.\n"
	wantFound(t, readText(t, doc), map[string]string{"training.officials_trained": "3", "training.courses": ""})
	doc = "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n" +
		"10. Đào tạo, bồi dưỡng\nPhối hợp tổ chức 01 lớp tập huấn kỹ năng giao tiếp với khách quốc tế cho 85 người dân làm du lịch.\n"
	wantFound(t, readText(t, doc), map[string]string{"training.officials_trained": "", "training.courses": "1"})
}

// TestAbroadWordings: citizens who crossed the border said with a verb of
// going and the country ("sang Trung Quốc thăm thân"), citizens who went
// abroad told of under the Vietnamese abroad, workers abroad named by
// their country and none said with "đi làm việc ở nước ngoài"; "Lào Cai"
// is no country, and citizens of a foreign country are not ours.
func TestAbroadWordings(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	wantFound(t, readText(t, head+
		"8. Lãnh sự, bảo hộ công dân\n- Có 41 lượt công dân của xã sang Trung Quốc thăm thân, mua bán bằng giấy thông hành.\n"+
		"9. Người Việt Nam ở nước ngoài\n- Xã có 23 lao động đang làm việc trên tàu cá tại Đài Loan.\n"), map[string]string{
		"consular.citizens_exited":                 "41",
		"overseas_vietnamese.labor_export_workers": "23",
	})
	wantFound(t, readText(t, head+
		"9. Công tác người Việt Nam ở nước ngoài\n- Trong năm có 64 công dân xuất cảnh (đi lao động 40 người; du lịch 24 người).\n"+
		"- Không có lao động đi làm việc ở nước ngoài theo hợp đồng.\n"), map[string]string{
		"consular.citizens_exited":                 "64",
		"overseas_vietnamese.labor_export_workers": "0",
	})
	wantFound(t, readText(t, head+
		"8. Lãnh sự\n- Có 7 công dân Lào sang thăm thân tại xã, đã khai báo.\n- Phối hợp giải cứu 02 công dân bị lừa sang Campuchia.\n"+
		"9. Người Việt Nam ở nước ngoài\n- Xã có 15 lao động đi làm việc tại các nhà máy ở Lào Cai.\n- Có 40 lao động làm việc cho các công ty Hàn Quốc trong khu công nghiệp.\n"), map[string]string{
		"consular.citizens_exited":                 "",
		"overseas_vietnamese.labor_export_workers": "",
	})
}

// TestSectionsInOtherWords: sections 1–12 under headings in a clerk's own
// words ("Công tác đón tiếp khách quốc tế", "Công tác đi nước ngoài",
// "Quản lý người nước ngoài", "Xuất khẩu lao động", "Nâng cao năng lực
// cán bộ …", "Tiếp nhận khen thưởng của nước ngoài"), delegations of the
// country's own bodies ("các sở, ngành", "cơ quan Trung ương"), and the
// incidents of a clause after one about foreigners residing.
func TestSectionsInOtherWords(t *testing.T) {
	for name, tc := range map[string]struct {
		doc  string
		want map[string]string
	}{
		"long": {`ỦY BAN NHÂN DÂN
XÃ HƯƠNG SƠN
Số: 211/BC-UBND
Hương Sơn, ngày 05 tháng 12 năm 2024
BÁO CÁO
Tình hình thực hiện công tác đối ngoại năm 2024
I. KẾT QUẢ THỰC HIỆN
1. Công tác đón tiếp khách quốc tế
Năm 2024, UBND xã đã đón tiếp 04 đoàn khách quốc tế với tổng số 37 khách (02 đoàn của tỉnh Xiêng Khoảng, Lào; 01 đoàn Tổ chức Tầm nhìn Thế giới; 01 đoàn doanh nghiệp Nhật Bản). Ngoài ra xã tiếp 21 đoàn của các sở, ngành trong tỉnh đến làm việc.
2. Công tác đi nước ngoài
Xã cử 01 đoàn gồm 05 đồng chí sang tỉnh Xiêng Khoảng (Lào) dự lễ kỷ niệm.
3. Ký kết thỏa thuận quốc tế
Trong năm xã ký 01 biên bản ghi nhớ hợp tác với bản Phôn Xay (Lào).
4. Hội nghị, hội thảo
Năm 2024 không tổ chức hội nghị, hội thảo quốc tế.
5. Quản lý người nước ngoài
Có 06 người nước ngoài đăng ký tạm trú; không phát sinh vụ việc.
6. Công tác bảo hộ công dân
Trong năm có 83 lượt công dân xuất cảnh đi Lào.
7. Xuất khẩu lao động
Toàn xã có 17 người đi làm việc ở nước ngoài theo hợp đồng (Nhật Bản 12, Hàn Quốc 5).
8. Nâng cao năng lực cán bộ làm công tác đối ngoại
Cử 02 cán bộ tham dự 01 lớp tập huấn do tỉnh tổ chức.
9. Tiếp nhận khen thưởng của nước ngoài
Xã được Chính quyền tỉnh Xiêng Khoảng tặng 02 Giấy khen.
10. Đề nghị khen thưởng
Không có.
`, map[string]string{
			"delegations.inbound_foreign.count": "4", "delegations.inbound_foreign.people": "37",
			"delegations.inbound_domestic.count": "21", "delegations.inbound_domestic.people": "",
			"delegations.outbound.count": "1", "delegations.outbound.people": "5",
			"international_agreements.count": "1", "international_conferences.count": "0",
			"consular.foreign_residents": "6", "consular.foreigner_incidents": "0", "consular.citizens_exited": "83",
			"overseas_vietnamese.labor_export_workers": "17",
			"training.officials_trained":               "2", "training.courses": "1",
			"foreign_awards_received.count": "2", "award_nominations.count": "0",
		}},
		"border": {`UBND XÃ NẬM CẮN
Số: 45/BC-UBND
Nậm Cắn, ngày 28 tháng 11 năm 2024
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
II. KẾT QUẢ
1. Quản lý đoàn ra, đoàn vào
Trong năm, xã không cử đoàn đi nước ngoài. Xã đã tiếp 03 (ba) đoàn của huyện Mường Mày, tỉnh Phông Sa Lỳ (Lào) với 28 thành viên sang chúc Tết, trao đổi công tác quản lý biên giới; tiếp 12 đoàn của các cơ quan Trung ương, tỉnh, huyện đến làm việc.
Năm 2023, xã tiếp 05 đoàn của phía bạn.
8. Công tác lãnh sự, bảo hộ công dân: trên địa bàn không có người nước ngoài tạm trú; không có vụ việc. Có 215 lượt người dân qua lại biên giới thăm thân bằng giấy thông hành.
9. Công tác người Việt Nam ở nước ngoài: không có.
10. Tập huấn: xã cử 01 cán bộ tham gia tập huấn kiến thức đối ngoại.
11, 12. Khen thưởng: không.
`, map[string]string{
			"delegations.outbound.count": "0", "delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "28",
			"delegations.inbound_domestic.count": "12",
			"consular.foreign_residents":         "0", "consular.foreigner_incidents": "0", "consular.citizens_exited": "",
			"training.officials_trained": "1", "training.courses": "",
			"foreign_awards_received.count": "0", "award_nominations.count": "0",
		}},
	} {
		t.Run(name, func(t *testing.T) {
			res := readText(t, tc.doc)
			wantFound(t, res, tc.want)
			for _, u := range res.Unresolved {
				t.Errorf("unresolved %+v", u)
			}
		})
	}
}

// TestWiderScopeAndBreakdowns: a count said of the district, the province
// or the country ("Toàn huyện tiếp …", "… của tỉnh đang làm việc …") is
// never the commune's; a total's breakdown in brackets gives each origin;
// "lượt đoàn" counts delegations and the visitors' words say their
// origin; trainees abroad are workers abroad, foreigners working here are
// not.
func TestWiderScopeAndBreakdowns(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	res := readText(t, head+
		"1. Đoàn ra, đoàn vào\nĐoàn vào: 09 đoàn (06 đoàn trong nước, 03 đoàn nước ngoài). Toàn huyện tiếp 31 đoàn nước ngoài.\n"+
		"2. Thỏa thuận quốc tế: ký 01 biên bản hợp tác với bản Huội Hốc (Lào).\n"+
		"9. Người Việt Nam ở nước ngoài\nCó 27 thanh niên của xã đi làm việc tại Hàn Quốc theo chương trình thực tập sinh. Cả tỉnh có 21.300 người lao động đang làm việc ở nước ngoài.\n")
	wantFound(t, res, map[string]string{
		"delegations.inbound_domestic.count":       "6",
		"delegations.inbound_foreign.count":        "3",
		"international_agreements.count":           "1",
		"overseas_vietnamese.labor_export_workers": "27",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	wantFound(t, readText(t, head+
		"1. Đoàn ra, đoàn vào\nXã tiếp 03 lượt đoàn với 22 lượt khách nước ngoài.\n"), map[string]string{
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "22",
	})
	wantFound(t, readText(t, head+
		"1. Đoàn ra, đoàn vào\nToàn huyện tiếp 31 đoàn nước ngoài.\n"+
		"9. Người Việt Nam ở nước ngoài\n18.500 người lao động của tỉnh đang làm việc ở nước ngoài. Có 12 lao động nước ngoài (quốc tịch Trung Quốc) làm việc tại nhà máy trên địa bàn xã.\n"), map[string]string{
		"delegations.inbound_foreign.count":        "",
		"overseas_vietnamese.labor_export_workers": "",
	})
}

// TestNoneInOneRow: in a table of results, "Không có" in the row of one
// figure ("Đoàn ra | đoàn | Không có") is none of that figure, not of the
// whole section the row names.
func TestNoneInOneRow(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nThử, ngày 12 tháng 6 năm 2024\nBÁO CÁO\nCông tác đối ngoại 6 tháng đầu năm 2024\n" +
		"TT\tNội dung\tĐơn vị tính\tKết quả\tGhi chú\n" +
		"B. KẾT QUẢ\n" +
		"1\tĐoàn ra\tđoàn\tKhông có\t\n" +
		"2\tĐoàn trong nước đến làm việc\tđoàn/người\t06/51\t\n" +
		"3\tĐoàn nước ngoài đến làm việc\tđoàn/người\t03/22\tTỉnh Champasak (Lào) 02 đoàn; Tổ chức KOICA 01 đoàn\n" +
		"4\tVụ việc liên quan người nước ngoài\tvụ\tKhông\t\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.outbound.count":          "0",
		"delegations.outbound.people":         "0",
		"delegations.inbound_domestic.count":  "6",
		"delegations.inbound_domestic.people": "51",
		"delegations.inbound_foreign.count":   "3",
		"delegations.inbound_foreign.people":  "22",
		"consular.foreigner_incidents":        "0",
		"consular.foreign_residents":          "",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestProseRowsOfSections: a table of results whose cells are sentences —
// the row that names a section begins with its figure ("41 người đi lao
// động …"), and the rows under it have no label of their own — is read as
// that section's paragraphs; the incidents of the row after the
// foreigners residing are theirs.
func TestProseRowsOfSections(t *testing.T) {
	doc := "UBND XÃ THỬ\nThử, ngày 10 tháng 12 năm 2025\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\n" +
		"TT\tNội dung\tKết quả\tGhi chú\n" +
		"B. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI\n" +
		"8\tLãnh sự, bảo hộ công dân\tCó 57 người nước ngoài tạm trú, chủ yếu là chuyên gia Hàn Quốc.\t\n" +
		"\t\t03 vụ việc (02 vụ vi phạm quy định tạm trú, 01 vụ va chạm giao thông), đã xử lý xong.\t\n" +
		"9\tNgười Việt Nam ở nước ngoài\t41 người đi lao động ở nước ngoài theo hợp đồng (Nhật Bản 30, Hàn Quốc 11).\t\n" +
		"10\tĐào tạo, bồi dưỡng\t04 cán bộ, công chức tham gia 01 lớp bồi dưỡng kiến thức đối ngoại do tỉnh tổ chức.\t\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"consular.foreign_residents":               "57",
		"consular.foreigner_incidents":             "3",
		"overseas_vietnamese.labor_export_workers": "41",
		"training.officials_trained":               "4",
		"training.courses":                         "1",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestCountedItems: the items of a list in sections 2, 3, 11 and 12 add
// up — an award named with no count is one — and a total stated before
// them is what they confirm; counts of different kinds in one clause
// ("01 tập thể, 02 cá nhân") are one figure; an item of another year is
// not one of this year's.
func TestCountedItems(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	res := readText(t, head+
		"2. Thỏa thuận quốc tế\n- Ký 01 thỏa thuận hợp tác với bản Huội Khăm (Lào).\n- Ký 01 biên bản ghi nhớ với cụm bản Pa Thí (Lào).\n- Tiếp tục thực hiện 01 thỏa thuận ký năm 2019 với bản Na Hin.\n"+
		"3. Hội nghị, hội thảo quốc tế\nTrong năm xã phối hợp tổ chức 02 hội thảo quốc tế:\n- 01 hội thảo về sinh kế bền vững;\n- 01 hội thảo về phòng chống thiên tai.\n"+
		"11. Khen thưởng\n- UBND xã được Ủy ban hành chính tỉnh Luang Prabang tặng 01 Bằng khen.\n- Ông Lò Văn Pọm, Chủ tịch UBND xã, được Nhà nước Lào tặng Huân chương Hữu nghị.\n"+
		"- Đề nghị UBND tỉnh tặng Bằng khen cho 01 tập thể, 02 cá nhân.\n")
	wantFound(t, res, map[string]string{
		"international_agreements.count":  "2",
		"international_conferences.count": "2",
		"foreign_awards_received.count":   "2",
		"award_nominations.count":         "3",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	wantFound(t, readText(t, head+"11. Khen thưởng của nước ngoài\nXã nhận 02 hình thức khen thưởng của nước ngoài: 01 Bằng khen, 01 Giấy khen.\n"), map[string]string{
		"foreign_awards_received.count": "2",
	})
	wantFound(t, readText(t, head+"11. Khen thưởng của nước ngoài\nXã nhận 02 hình thức khen thưởng của nước ngoài (01 Bằng khen và 01 Giấy khen).\n"), map[string]string{
		"foreign_awards_received.count": "2",
	})
	if got := foundValues(readText(t, head+"3. Hội nghị, hội thảo quốc tế\nXã phối hợp tổ chức 01 hội nghị và cử cán bộ tham dự 02 hội thảo quốc tế.\n"))["international_conferences.count"]; got == "3" {
		t.Errorf("conferences organised and attended added up: %s", got)
	}
	if got := foundValues(readText(t, head+"3. Hội nghị, hội thảo quốc tế\n- Phối hợp tổ chức 01 hội nghị quốc tế về du lịch.\n- Cử cán bộ tham dự 02 hội thảo quốc tế do tỉnh tổ chức.\n"))["international_conferences.count"]; got == "3" {
		t.Errorf("conferences organised and attended, one item each, added up: %s", got)
	}
	if got := foundValues(readText(t, head+"11. Khen thưởng của nước ngoài\nTháng 5/2024, UBND xã được Nhà nước Lào tặng Huân chương Hữu nghị; 02 cá nhân được tặng Bằng khen của tỉnh Hủa Phăn.\n"))["foreign_awards_received.count"]; got != "" && got != "3" {
		t.Errorf("awards to two people read as %s", got)
	}
	wantFound(t, readText(t, head+"11. Khen thưởng của nước ngoài\nTháng 5/2024, UBND xã được Nhà nước Lào tặng Huân chương Hữu nghị.\n"), map[string]string{
		"foreign_awards_received.count": "1",
	})
	// Items that do not add up to the total stated: both readings.
	res = readText(t, head+"3. Hội nghị, hội thảo quốc tế\nTrong năm xã tổ chức 03 hội thảo quốc tế:\n- 01 hội thảo về sinh kế;\n- 01 hội thảo về thiên tai.\n")
	if got := foundValues(res)["international_conferences.count"]; got != "" {
		t.Errorf("conferences = %s, want unresolved", got)
	}
	if len(res.Unresolved) != 2 {
		t.Errorf("unresolved %+v, want 3 and 2", res.Unresolved)
	}
}

// TestDelegationItems: delegations listed one by one under a heading that
// says only "Đoàn vào", each item saying where it came from: as many as
// the items, their people added up when no total is stated; items of two
// origins give no count.
func TestDelegationItems(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	res := readText(t, head+"a) Đoàn ra: Không.\nb) Đoàn vào\n"+
		"- Ngày 11/4/2024: tiếp đoàn cán bộ huyện Nong Het, tỉnh Xiêng Khoảng (Lào) gồm 09 người.\n"+
		"- Tháng 9/2024, đón đoàn Tổ chức Plan International gồm 04 người khảo sát dự án.\n"+
		"Ngoài ra, xã tiếp 17 đoàn trong nước.\n")
	wantFound(t, res, map[string]string{
		"delegations.outbound.count":         "0",
		"delegations.inbound_foreign.count":  "2",
		"delegations.inbound_foreign.people": "13",
		"delegations.inbound_domestic.count": "17",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	res = readText(t, head+"* Đoàn ra: 03 đoàn, 31 lượt người, cụ thể:\n"+
		"  + Tháng 3/2024: đoàn cán bộ xã (09 người) dự lễ hội biên giới;\n"+
		"  + Tháng 6/2024: đội bóng chuyền xã (15 người) giao lưu thể thao tại huyện Mường Xay (Lào);\n"+
		"  + Tháng 10/2024: đoàn 07 người dự hội chợ biên giới.\n")
	wantFound(t, res, map[string]string{"delegations.outbound.count": "3", "delegations.outbound.people": "31"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	res = readText(t, head+"b) Đoàn vào\n"+
		"- Ngày 11/4/2024: tiếp đoàn cán bộ tỉnh Xiêng Khoảng (Lào) gồm 09 người.\n"+
		"- Ngày 02/5/2024: tiếp đoàn Sở Ngoại vụ tỉnh gồm 06 người.\n")
	wantFound(t, res, map[string]string{
		"delegations.inbound_foreign.count": "", "delegations.inbound_domestic.count": "", "delegations.inbound_foreign.people": "",
	})
}

// TestDetailClauses: a clause that begins "trong đó" details a count of
// the clause before ("12 đoàn khách nước ngoài …; trong đó có 03 đoàn cấp
// cao (Đại sứ quán …)"); foreigners staying a night ("lưu trú") are not
// foreigners residing, those "tạm trú" among them are.
func TestDetailClauses(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nThử, ngày 08 tháng 12 năm 2025\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n"
	res := readText(t, head+
		"1. Đoàn ra, đoàn vào\nPhường đã đón tiếp 14 đoàn khách nước ngoài với 133 lượt người, tăng 3 đoàn so với năm 2024; trong đó có 02 đoàn cấp cao (Đại sứ quán Úc, Tổng Lãnh sự quán Hàn Quốc).\n"+
		"8. Lãnh sự\nCó 2.310 người nước ngoài lưu trú trên địa bàn, trong đó 275 người tạm trú dài hạn.\n")
	wantFound(t, res, map[string]string{
		"delegations.inbound_foreign.count":  "14",
		"delegations.inbound_foreign.people": "133",
		"consular.foreign_residents":         "275",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestUnnumberedSections: within the results, sections under headings
// with no number ("Công tác lãnh sự, bảo hộ công dân", "Khen thưởng").
func TestUnnumberedSections(t *testing.T) {
	res := readText(t, `UBND XÃ MƯỜNG LẠN
Số: 55/BC-UBND
Mường Lạn, ngày 03 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
I. TÌNH HÌNH CHUNG
Xã có 1.204 hộ với 5.310 nhân khẩu.
II. KẾT QUẢ THỰC HIỆN CÔNG TÁC ĐỐI NGOẠI
Công tác đoàn ra, đoàn vào
Năm 2024, xã cử 01 đoàn gồm 06 người sang bản Na Son, huyện Sốp Cộp (Lào) giao lưu. Xã đón 03 đoàn của huyện Sốp Cộp với 31 người sang thăm; tiếp 10 đoàn trong nước.
Công tác lãnh sự, bảo hộ công dân
Không có người nước ngoài tạm trú; không có vụ việc.
Người Việt Nam ở nước ngoài
Có 04 người lao động của xã đang làm việc tại Hàn Quốc.
Công tác đào tạo, bồi dưỡng
Cử 02 cán bộ tham gia lớp bồi dưỡng kiến thức đối ngoại do huyện tổ chức.
Khen thưởng
Không có.
III. KHÓ KHĂN, VƯỚNG MẮC
Kinh phí hạn hẹp.
`)
	wantFound(t, res, map[string]string{
		"profile.households": "1204", "profile.population": "5310",
		"delegations.outbound.count": "1", "delegations.outbound.people": "6",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "31",
		"delegations.inbound_domestic.count": "10",
		"consular.foreign_residents":         "0", "consular.foreigner_incidents": "0",
		"overseas_vietnamese.labor_export_workers": "4",
		"training.officials_trained":               "2", "training.courses": "1",
		"foreign_awards_received.count": "0", "award_nominations.count": "0",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestDelegationTableTotal: a sentence that ends with a colon says which
// delegations the table after it lists one by one; its total row ("Cộng:
// 04 đoàn | 31") gives their count and people, and another period's count
// in the sentence is none of them.
func TestDelegationTableTotal(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nThử, ngày 10 tháng 6 năm 2025\nBÁO CÁO\nCông tác đối ngoại 6 tháng đầu năm 2025\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n" +
		"a) Đoàn ra: Không.\n" +
		"b) Đoàn vào: Phường tiếp 07 đoàn trong nước. Các đoàn nước ngoài đến làm việc gồm (cùng kỳ năm 2024: 02 đoàn):\n" +
		"STT\tĐoàn\tThời gian\tSố người\n" +
		"1\tĐoàn Đại sứ quán Canada\t14/01/2025\t6\n" +
		"2\tĐoàn thành phố Gimhae (Hàn Quốc)\t02/3/2025\t15\n" +
		"3\tĐoàn Tổ chức JICA\t19/4/2025\t4\n" +
		"4\tĐoàn sinh viên Đại học Chiang Mai (Thái Lan)\t28/5/2025\t6\n" +
		"Cộng: 04 đoàn\t31\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.inbound_domestic.count": "7",
		"delegations.inbound_foreign.count":  "4",
		"delegations.inbound_foreign.people": "31",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestResidentWordings: foreigners residing said by what they do here
// ("đang làm việc tại …", "kết hôn với công dân xã"); foreigners who came
// to visit, entered at the border or are counted by visits ("lượt người")
// are none of them.
func TestResidentWordings(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n8. Lãnh sự, bảo hộ công dân\n"
	wantFound(t, readText(t, head+"Trên địa bàn có 17 người nước ngoài (quốc tịch Trung Quốc, Đài Loan) đang làm việc tại Khu công nghiệp.\n"),
		map[string]string{"consular.foreign_residents": "17"})
	wantFound(t, readText(t, head+"Có 02 người nước ngoài kết hôn với công dân xã, đã đăng ký theo quy định.\n"),
		map[string]string{"consular.foreign_residents": "2"})
	wantFound(t, readText(t, head+"Có 40 lượt người nước ngoài đến làm việc, tham quan.\n"),
		map[string]string{"consular.foreign_residents": ""})
	wantFound(t, readText(t, head+"Có 1.250 người nước ngoài nhập cảnh qua cửa khẩu; 380 lượt người nước ngoài tạm trú qua đêm tại các nhà nghỉ.\n"),
		map[string]string{"consular.foreign_residents": ""})
}

// TestDelegationsUnderAnotherHeading: a report whose delegations are told
// of under a heading of its own words ("Công tác đối ngoại của Đảng, chính
// quyền"), with a grand total of no origin, people "gần 300", the people
// of the last count "với tổng số 23 người", a change against last year; an
// agreement section that only says none was signed this year.
func TestDelegationsUnderAnotherHeading(t *testing.T) {
	res := readText(t, `ỦY BAN NHÂN DÂN
PHƯỜNG NAM SƠN
Số: 140/BC-UBND
Nam Sơn, ngày 30 tháng 11 năm 2024
BÁO CÁO
Tổng kết công tác đối ngoại năm 2024 và phương hướng nhiệm vụ năm 2025
PHẦN I. KẾT QUẢ THỰC HIỆN
1. Công tác đối ngoại của Đảng, chính quyền
Năm 2024, tổng số đoàn ra, đoàn vào là 19 đoàn. Về đoàn ra, phường cử 01 đoàn gồm 04 đồng chí tham gia đoàn công tác của thành phố đi Hàn Quốc. Về đoàn vào, phường đón 16 đoàn trong nước với gần 300 lượt người và 02 đoàn nước ngoài (01 đoàn thành phố Jinju, Hàn Quốc; 01 đoàn Tổ chức KOICA) với tổng số 23 người. So với năm 2023, số đoàn nước ngoài giảm 01 đoàn.
2. Ký kết, thực hiện thỏa thuận quốc tế
Thực hiện Thỏa thuận hợp tác hữu nghị với phường Sangdae-dong (Hàn Quốc) ký kết năm 2018. Trong năm không ký kết thêm.
3. Công tác tổ chức hội nghị, hội thảo quốc tế
Không có.
4. Công tác lãnh sự và bảo hộ công dân
Trên địa bàn có 46 người nước ngoài tạm trú, chủ yếu làm việc tại các doanh nghiệp FDI; năm 2023 là 39 người. Phát sinh 02 vụ việc người nước ngoài vi phạm quy định về tạm trú, đã xử phạt hành chính. Có 217 lượt công dân xuất cảnh đi du lịch, thăm thân, lao động.
5. Công tác người Việt Nam ở nước ngoài
Hiện có 76 người lao động của phường đang làm việc ở nước ngoài theo hợp đồng; toàn thành phố có khoảng 4.000 người.
6. Công tác đào tạo, bồi dưỡng
Cử 04 lượt cán bộ tham gia 02 lớp bồi dưỡng kiến thức đối ngoại do thành phố tổ chức.
7. Khen thưởng
Không có hình thức khen thưởng nào của nước ngoài. Đề nghị UBND thành phố tặng Giấy khen cho 02 cá nhân.
PHẦN II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025
1. Tiếp tục đón tiếp các đoàn nước ngoài; dự kiến tiếp 03 đoàn.
`)
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "1", "delegations.outbound.people": "4",
		"delegations.inbound_domestic.count": "16", "delegations.inbound_domestic.people": "",
		"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "23",
		"international_agreements.count": "0", "international_conferences.count": "0",
		"consular.foreign_residents": "46", "consular.foreigner_incidents": "2", "consular.citizens_exited": "217",
		"overseas_vietnamese.labor_export_workers": "76",
		"training.officials_trained":               "4", "training.courses": "2",
		"foreign_awards_received.count": "0", "award_nominations.count": "2",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestLabelledSubItems: figures given as "label: value" items under a lead
// line ("Đoàn ra:" over "+ Số đoàn: 02 đoàn; số người: 11 người"; "Số
// lớp: 01 lớp; số cán bộ tham gia: 03 người").
func TestLabelledSubItems(t *testing.T) {
	res := readText(t, `UBND XÃ BẢN LẦU
Bản Lầu, ngày 02 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
II. KẾT QUẢ
1. Công tác đoàn ra, đoàn vào
Đoàn ra:
+ Số đoàn: 02 đoàn; số người: 11 người.
Đoàn vào:
+ Trong nước: 12 đoàn/145 người.
+ Nước ngoài: 03 đoàn/21 người (Trung Quốc: 02 đoàn; Lào: 01 đoàn).
8. Lãnh sự
- Số người nước ngoài tạm trú: 05 người.
- Số vụ việc liên quan đến người nước ngoài: 01 vụ.
- Số lượt công dân xuất cảnh: 1.030 lượt.
9. Người Việt Nam ở nước ngoài
- Số lao động đi làm việc ở nước ngoài: 14 người.
10. Đào tạo, bồi dưỡng
- Số lớp: 01 lớp; số cán bộ tham gia: 03 người.
`)
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "2", "delegations.outbound.people": "11",
		"delegations.inbound_domestic.count": "12", "delegations.inbound_domestic.people": "145",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "21",
		"consular.foreign_residents": "5", "consular.foreigner_incidents": "1", "consular.citizens_exited": "1030",
		"overseas_vietnamese.labor_export_workers": "14",
		"training.courses":                         "1", "training.officials_trained": "3",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestNoneInOtherVerbs: none said with the section's own verb ("không nhận
// được hình thức khen thưởng nào", "không đề nghị khen thưởng").
func TestNoneInOtherVerbs(t *testing.T) {
	wantFound(t, readText(t, `UBND XÃ THỬ
Thử, ngày 02 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
II. KẾT QUẢ
2. Thỏa thuận quốc tế
Trong năm, xã chưa ký kết thỏa thuận quốc tế nào.
3. Hội nghị, hội thảo quốc tế
Xã không tổ chức, không tham gia hội nghị, hội thảo quốc tế.
10. Đào tạo, bồi dưỡng
Trong năm không có cán bộ được cử đi bồi dưỡng.
11. Khen thưởng của nước ngoài
Trong năm, xã không nhận được hình thức khen thưởng nào của nước ngoài.
12. Kiến nghị khen thưởng
Xã không đề nghị khen thưởng.
`), map[string]string{
		"international_agreements.count": "0", "international_conferences.count": "0",
		"training.officials_trained":    "0",
		"foreign_awards_received.count": "0", "award_nominations.count": "0",
	})
}

// TestResidentsByNationality: a table of foreigners residing by
// nationality gives its total row; rows that add up to another number
// leave the figure with both readings.
func TestResidentsByNationality(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nThử, ngày 10 tháng 6 năm 2025\nBÁO CÁO\nCông tác đối ngoại 6 tháng đầu năm 2025\nII. KẾT QUẢ\n4. Lãnh sự, bảo hộ công dân\n" +
		"Quốc tịch\tNgười nước ngoài tạm trú (đến 31/5/2025)\n\tSố người\n"
	res := readText(t, head+"Hàn Quốc\t52\nNhật Bản\t17\nHoa Kỳ\t9\nQuốc tịch khác\t12\nCộng\t90\n")
	wantFound(t, res, map[string]string{"consular.foreign_residents": "90"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	res = readText(t, head+"Hàn Quốc\t52\nNhật Bản\t17\nCộng\t90\n")
	wantFound(t, res, map[string]string{"consular.foreign_residents": ""})
	if len(res.Unresolved) != 2 {
		t.Errorf("unresolved %+v, want 90 and 69", res.Unresolved)
	}
}

// TestArrowsAndFormHeadings: a list of figures "last year → this year"
// gives this year's; a heading that carries the form's instructions in
// brackets ("(ghi rõ …; ví dụ: 01 đoàn, 05 người)") has no content in
// them; a heading that is the label of its figure ("3. Số thỏa thuận
// quốc tế được ký kết: 0"); nominations of people of any kind ("cho 03
// nghệ nhân").
func TestArrowsAndFormHeadings(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2025\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nB. KẾT QUẢ\n"
	res := readText(t, head+"Chỉ tiêu chủ yếu (năm 2024 → năm 2025):\n- Đoàn ra: 01 đoàn/06 người → 02 đoàn/09 người\n"+
		"- Đoàn nước ngoài đến làm việc: 12 đoàn/140 người → 15 đoàn/171 người\n- Người nước ngoài tạm trú: 21 người → 25 người\n")
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "2", "delegations.outbound.people": "9",
		"delegations.inbound_foreign.count": "15", "delegations.inbound_foreign.people": "171",
		"consular.foreign_residents": "25",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	res = readText(t, head+"1. Đoàn ra (ghi rõ số đoàn, số người; ví dụ: 01 đoàn, 05 người)\n   - Số đoàn: 03 (ba) đoàn; số người: 17 (mười bảy) người\n"+
		"3. Số thỏa thuận quốc tế được ký kết: 0\n"+
		"10. Khen thưởng\nĐề nghị UBND tỉnh tặng Bằng khen cho 03 nghệ nhân.\n")
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "3", "delegations.outbound.people": "17",
		"international_agreements.count": "0",
		"award_nominations.count":        "3",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestItemsAfterASentence: delegations listed one by one, each a dash
// and "Đoàn …" with its people in brackets, after a sentence that says
// which ("… Các đoàn khách nước ngoài đến làm việc với xã gồm:"); a
// section that says "không (0)"; foreign women married here residing; a
// label whose value has a long aside in brackets.
func TestItemsAfterASentence(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng cuối năm 2024\nII. KẾT QUẢ\n"
	res := readText(t, head+"1. Đoàn ra, đoàn vào. Xã tiếp 08 đoàn trong nước. Các đoàn khách nước ngoài đến làm việc với xã gồm:\n"+
		"- Đoàn Tổng Lãnh sự quán Hàn Quốc (07 người), ngày 02/8/2024, thăm mô hình du lịch;\n"+
		"- Đoàn Tổ chức Save the Children (05 người), ngày 19/10/2024, khảo sát dự án.\n"+
		"8. Lãnh sự\n• Người nước ngoài: có 04 phụ nữ quốc tịch Lào kết hôn với công dân xã, đang tạm trú trên địa bàn.\n"+
		"11. Số hình thức khen thưởng của nước ngoài nhận được: 01 (Bằng khen của Ủy ban nhân dân tỉnh Hủa Phăn tặng UBND xã vì thành tích phối hợp giữ gìn an ninh biên giới)\n")
	wantFound(t, res, map[string]string{
		"delegations.inbound_domestic.count": "8",
		"delegations.inbound_foreign.count":  "2", "delegations.inbound_foreign.people": "12",
		"consular.foreign_residents":    "4",
		"foreign_awards_received.count": "1",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	wantFound(t, readText(t, head+"1. Đoàn ra, đoàn vào\n• Đoàn ra: không (0).\n"), map[string]string{
		"delegations.outbound.count": "0", "delegations.outbound.people": "0",
	})
}

// TestFootnoteMarks: a footnote's mark glued to the noun of a count
// ("48 người3") is no part of it; a unit with a figure in it ("km2") is
// untouched.
func TestFootnoteMarks(t *testing.T) {
	res := readText(t, delegDoc("Xã có diện tích 45,2 km2.", "- Đoàn ra: 01 đoàn, 04 người2.\n- Đoàn vào: tiếp 05 đoàn trong nước với 41 người3; 02 đoàn của phía bạn Lào với 17 người4."))
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "1", "delegations.outbound.people": "4",
		"delegations.inbound_domestic.count": "5", "delegations.inbound_domestic.people": "41",
		"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "17",
		"profile.area_ha": "4520",
	})
}

// TestWorkersWhoLeft: the workers who left in the year ("xuất cảnh đi
// làm việc") are not all those abroad ("Hiện có … đang làm việc ở nước
// ngoài").
func TestWorkersWhoLeft(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2025\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n9. Người Việt Nam ở nước ngoài\n"
	res := readText(t, head+"* Trong năm có 64 lao động xuất cảnh đi làm việc có thời hạn ở nước ngoài.\n* Hiện có 402 người của xã đang làm việc ở nước ngoài theo hợp đồng.\n")
	wantFound(t, res, map[string]string{"overseas_vietnamese.labor_export_workers": "402"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	wantFound(t, readText(t, head+"* Trong năm có 64 lao động xuất cảnh đi làm việc có thời hạn ở nước ngoài.\n"),
		map[string]string{"overseas_vietnamese.labor_export_workers": ""})
}

// TestListBeginsWithoutDoan: a list of visits one by one, under a lead
// that says they are foreign, whose first item names an organisation and
// not "đoàn" ("+ Ngày 03/9: Quỹ X đến khảo sát …") is counted from that
// item: all its items, not only those after it.
func TestListBeginsWithoutDoan(t *testing.T) {
	head := "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng cuối năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	res := readText(t, head+"- Đoàn vào: đón 06 đoàn trong nước. Khách nước ngoài đến xã trong kỳ:\n"+
		"  + Ngày 03/9/2024: Quỹ Bảo tồn Rừng Nhiệt đới khảo sát vùng đệm, 05 người;\n"+
		"  + Ngày 14/11/2024: Đoàn cán bộ tỉnh Stung Treng (Campuchia) trao đổi về quản lý biên giới, 08 người.\n"+
		"- Đoàn ra: không.\n")
	wantFound(t, res, map[string]string{
		"delegations.inbound_domestic.count": "6",
		"delegations.inbound_foreign.count":  "2", "delegations.inbound_foreign.people": "13",
		"delegations.outbound.count": "0",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestHalfYearOtherSpans: in a report of a half year, a count said of the
// whole year ("Tính cả năm 2024, … 08 đoàn") or of the other half ("Sáu
// tháng đầu năm, … 05 đoàn") is another period's: the half's own count is
// read, not left unresolved.
func TestHalfYearOtherSpans(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nThử, ngày 05 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng cuối năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	for _, other := range []string{
		"Tính cả năm 2024, phường đã đón 08 đoàn khách nước ngoài.",
		"Sáu tháng đầu năm, phường tiếp 05 đoàn khách nước ngoài.",
	} {
		res := readText(t, head+"Trong kỳ, phường tiếp 03 đoàn khách nước ngoài với 21 người. "+other+"\n")
		wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "21"})
		for _, u := range res.Unresolved {
			t.Errorf("%q: unresolved %+v", other, u)
		}
	}
}

// TestHeadingOfTheDelegations: a heading that says "quản lý các đoàn"
// ("1. Công tác lễ tân, tiếp nhận và quản lý các đoàn đến làm việc với
// phường") opens the delegations, however long.
func TestHeadingOfTheDelegations(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n"
	res := readText(t, head+"1. Công tác lễ tân, tiếp nhận và quản lý các đoàn đến làm việc với phường trên địa bàn\nPhường đã tiếp 12 đoàn khách trong nước với 95 người.\n")
	wantFound(t, res, map[string]string{"delegations.inbound_domestic.count": "12", "delegations.inbound_domestic.people": "95"})
}

// TestDelegationsWorkingVisitsHeading: a section headed by the reception
// of guests and the management of "các đoàn công tác", too long a heading
// for its short words to name it, is the delegations' section; and a
// count broken down "trong đó" whose parts go on after a semicolon ("…,
// trong đó trước khi hợp nhất đón 02 đoàn/15 người; sau khi hợp nhất đến
// nay đón 03 đoàn/26 người") gives the total, its parts none.
func TestDelegationsWorkingVisitsHeading(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n" +
		"1. Công tác lễ tân đối ngoại, đón tiếp khách và quản lý chặt chẽ các đoàn công tác trên địa bàn\n" +
		"Xã đã tiếp và làm việc với 12 đoàn khách trong nước với 130 người.\n" +
		"- Đoàn nước ngoài: xã đón 05 đoàn với 41 người, trong đó trước khi hợp nhất (02 xã cũ) đón 02 đoàn/15 người; sau khi hợp nhất đến nay đón 03 đoàn/26 người.\n" +
		"2. Thỏa thuận quốc tế: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.inbound_domestic.count": "12", "delegations.inbound_domestic.people": "130",
		"delegations.inbound_foreign.count": "5", "delegations.inbound_foreign.people": "41",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestDatedClausesOneLine: the delegations of one kind told one by one in
// the clauses of a line, after a lead that says which ("- Đón đoàn nước
// ngoài: ngày 05/4/2024 đoàn …; ngày 19/10/2024, đoàn …; tổng số …"): as
// many as its dated clauses; a date's year before "đoàn" ("05/4/2024
// đoàn") is no count. A clause dated in another year, or one that tells
// of something else, makes it no list.
func TestDatedClausesOneLine(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n1. Đoàn ra, đoàn vào\n"
	tail := "2. Lãnh sự, bảo hộ công dân: Không.\n"
	res := readText(t, head+"- Đón đoàn nước ngoài: ngày 05/4/2024 đoàn Quỹ Mặt Trời Nhỏ (Úc) thăm điểm trường (04 người); ngày 19/10/2024, đoàn Hội Hữu nghị tỉnh Chăm-pa-sắc làm việc về giao lưu văn hóa (07 người); tổng cộng 11 khách quốc tế.\n"+tail)
	wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "11"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	for _, line := range []string{
		"- Đón đoàn nước ngoài: ngày 05/4/2024 đoàn Quỹ Mặt Trời Nhỏ (Úc) thăm điểm trường; ngày 12/12/2023 đoàn Hội Hữu nghị làm việc.\n",
		"- Đón đoàn nước ngoài: ngày 05/4/2024 đoàn Quỹ Mặt Trời Nhỏ (Úc) thăm điểm trường; ngày 19/10/2024 đoàn Hội Hữu nghị làm việc; các đoàn được đón tiếp chu đáo.\n",
	} {
		res := readText(t, head+line+tail)
		wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": ""})
		for _, u := range res.Unresolved {
			t.Errorf("unresolved %+v", u)
		}
	}
}

// TestYearLeadsTheClause: a year other than the report's that leads a
// clause ("Năm 2023, xã cử 02 đoàn ra và đón 04 đoàn nước ngoài.") is the
// year of all its counts, the later ones too; the report's own year
// leading it is no other period.
func TestYearLeadsTheClause(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n" +
		"- Đoàn ra: 01 đoàn với 04 người sang tỉnh Hủa Phăn (Lào).\n" +
		"- Đoàn vào: đón 02 đoàn nước ngoài với 17 người.\n" +
		"- Năm 2023, xã cử 02 đoàn ra và đón 04 đoàn nước ngoài.\n" +
		"2. Lãnh sự, bảo hộ công dân: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "1", "delegations.outbound.people": "4",
		"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "17",
	})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
	own := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n" +
		"Năm 2024, xã đón 03 đoàn nước ngoài với 20 người.\n2. Lãnh sự, bảo hộ công dân: Không.\n"
	wantFound(t, readText(t, own), map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "20"})
}

// TestNoneSentThenReceived: "xã không cử đoàn ra và đón 03 đoàn nước
// ngoài": the count after "đón" is of delegations that came, though the
// words before it name "đoàn ra" — they said none went. "Đoàn ra: 02
// đoàn (Lào)" still went to Laos.
func TestNoneSentThenReceived(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	tail := "2. Lãnh sự, bảo hộ công dân: Không.\n"
	res := readText(t, head+"Trong năm, xã không cử đoàn ra và đón 03 đoàn nước ngoài với 20 người.\n"+tail)
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "", "delegations.outbound.people": "",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "20",
	})
	wantFound(t, readText(t, head+"Đoàn ra: 02 đoàn (Lào).\n"+tail), map[string]string{"delegations.outbound.count": "2", "delegations.inbound_foreign.count": ""})
}

// TestResidentsInServices: foreigners residing who run a service ("mở
// dịch vụ", "phục vụ khách") are counted; "dịch vụ" tells of no incident.
func TestResidentsInServices(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n5. Công tác lãnh sự; quản lý người nước ngoài\n"
	for _, l := range []string{
		"Trên địa bàn có 12 người nước ngoài tạm trú dài hạn, phần lớn mở dịch vụ ăn uống, cho thuê xe máy.",
		"- Có 12 người nước ngoài cư trú (làm dịch vụ hướng dẫn leo núi, phục vụ khách nghỉ dưỡng).",
	} {
		res := readText(t, head+l+"\nKhông xảy ra vụ việc nào liên quan đến người nước ngoài.\n")
		wantFound(t, res, map[string]string{"consular.foreign_residents": "12", "consular.foreigner_incidents": "0"})
	}
}

// TestIncidentsCountedWithPeople: incidents counted with the people in
// them after a slash ("02 vụ/05 người là công dân Lào …") are 2 incidents.
func TestIncidentsCountedWithPeople(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n8. Lãnh sự, bảo hộ công dân\n- Trong năm phát hiện 02 vụ/05 người là công dân Lào vào địa bàn không khai báo; đã bàn giao cho Đồn Biên phòng xử lý.\n"
	wantFound(t, readText(t, doc), map[string]string{"consular.foreigner_incidents": "2"})
}

// TestMembersByWhoTheyAre: the people of a delegation told by who they
// are, right after "gồm" ("01 đoàn nước ngoài gồm 04 chuyên gia …", "gồm
// 07 giáo viên, học sinh …") — not "người" nor "thành viên", they were
// missed. A number of pupils the delegation met ("tặng quà cho 50 học
// sinh") is none of its people, nor is one after another figure.
func TestMembersByWhoTheyAre(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n- Đoàn ra: Không.\n"
	tail := "2. Lãnh sự, bảo hộ công dân: Không.\n"
	res := readText(t, head+"- Đoàn vào: đón 02 đoàn nước ngoài gồm 11 sinh viên, giảng viên Trường Đại học Kyungpook (Hàn Quốc) tình nguyện tại thôn Khe Mạ.\n"+tail)
	wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "11"})
	for _, line := range []string{
		"- Đoàn vào: đón 01 đoàn nước ngoài của Tổ chức Nắng Mai (Úc) đến tặng quà cho 50 học sinh, gồm 50 suất học bổng.\n",
		"- Đoàn vào: đón 01 đoàn nước ngoài khảo sát 02 mô hình sinh kế, gồm 06 chuyên gia.\n",
	} {
		res := readText(t, head+line+tail)
		wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": ""})
	}
}
