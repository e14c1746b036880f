package docimport

import (
	"doingoai/models"
	"strings"
	"testing"
)

// TestWordings: ways of stating a figure seen in reports written by other
// hands — each read, and each trap beside it refused.
func TestWordings(t *testing.T) {
	doc := `UBND XÃ THỬ
Thử, ngày 29/11/2024
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
I. ĐẶC ĐIỂM TÌNH HÌNH
Đảng bộ xã có 15 chi bộ, 297 đảng viên.
Toàn xã có 132 hộ nghèo; 205 hộ cận nghèo.
Thu nhập bình quân đầu người đạt 32,5 triệu đồng/năm.
Dân số là
5.786 người, tăng 94 người so với năm trước.
II. KẾT QUẢ
5. Viện trợ phi chính phủ nước ngoài
Trong năm có 02 dự án viện trợ PCPNN:
(1) Dự án “Nước sạch” do tổ chức Plan (Anh) tài trợ, trị giá 60.000 USD (tương đương 1.524.000.000 đồng); lũy kế giải ngân đến ngày 30/11/2024 là 800.000.000 đồng.
(2) Dự án “Cầu dân sinh” do tổ chức KOICA (Hàn Quốc) tài trợ, tổng kinh phí 650 triệu đồng; đến nay chưa giải ngân.
(3) Dự án “Trường học” do tổ chức JICA (Nhật Bản) tài trợ, trị giá 2 tỷ đồng, đang đề xuất, chưa được phê duyệt.
9. Người Việt Nam ở nước ngoài
Hiện có khoảng 18.500 người lao động của tỉnh đang làm việc ở nước ngoài.
`
	res := readText(t, doc)
	got := foundValues(res)
	for k, v := range map[string]string{
		"document.issued_on":                "2024-11-29",
		"profile.party_cells":               "15",
		"profile.party_members":             "297",
		"profile.poor_households":           "132",
		"profile.near_poor_households":      "205",
		"profile.income_per_capita_vnd":     "32500000",
		"profile.population":                "5786",
		"ngo_aid.projects":                  "2",
		"ngo_aid.projects[0].committed_vnd": "1524000000",
		"ngo_aid.projects[0].disbursed_vnd": "800000000",
		"ngo_aid.projects[1].committed_vnd": "650000000",
		"ngo_aid.projects[1].disbursed_vnd": "0",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %s", k, got[k], v)
		}
	}
	if v, ok := got["overseas_vietnamese.labor_export_workers"]; ok {
		t.Errorf("workers abroad %s read from an approximate number", v)
	}
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
	if !strings.Contains(strings.Join(res.NotFound, ","), "overseas_vietnamese.labor_export_workers") {
		t.Errorf("not_found %v", res.NotFound)
	}
}

// TestTypedFromPaper: a report typed from a printed page — header columns
// set apart by spaces, sentences and numbers cut at the line's end, a
// page number alone on a line, the letter O for a zero — reads as the
// same report typed cleanly.
func TestTypedFromPaper(t *testing.T) {
	doc := "UBND HUYEN TRUNG KHANH          CONG HOA XA HOI CHU NGHIA VIET NAM\n" +
		"UBND XA ĐÀM THỦY                    Độc lập - Tự do - Hạnh phúc\n" +
		"BÁO CÁO\nKết quả công tác đối ngoại 6 tháng cuối năm 2024\n" +
		"I. ĐẶC ĐIỂM TINH HINH\nDiện tích tự nhiên 4.512,\n36 ha, có 11 xóm, 1.062\nhộ, 4.718 nhân\nkhẩu.\n" +
		"II. KET QUA THUC HIEN\n1. Công tác đoàn ra, đoàn vào\n- Đoàn vào nuớc ngoài: O5 đoàn, 48 người (năm 2023 có 3 đoàn).\n" +
		"3. Hội nghị, hội thảo quốc tế: Khong co.\n\n2\n\n4. Ngoại giao kinh tế: phối hợp quản lý du lịch.\n"
	res := readText(t, doc)
	got := foundValues(res)
	for k, v := range map[string]string{
		"profile.area_ha": "4512.36", "profile.hamlets": "11", "profile.households": "1062", "profile.population": "4718",
		"delegations.inbound_foreign.count": "5", "delegations.inbound_foreign.people": "48", "international_conferences.count": "0",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %s", k, got[k], v)
		}
	}
	if len(res.Places) == 0 || res.Places[0].Name != "Đàm Thủy" || res.Places[0].Kind != "commune" || res.Period != "2024S2" {
		t.Errorf("places %+v, period %q", res.Places, res.Period)
	}
}

// TestShortSections: a terse report's sections say their figure right
// after the heading ("8. Người nước ngoài tạm trú: Không", "9. Lao động ở
// nước ngoài: 12 người"); a list of the commune's parts ("…, 17 xóm, 2.846
// hộ với …"); a project whose money is stated for a half-year (in a
// year's report its disbursement of the first half is not the year's:
// not read, modality.go); a project not yet approved by the authorities
// is no project.
func TestShortSections(t *testing.T) {
	doc := `BÁO CÁO
Kết quả công tác đối ngoại năm 2024
I. Tình hình chung: Xã có diện tích tự nhiên 2.296,4 ha, 17 xóm, 2.846 hộ với 10.312 nhân khẩu.
II. Kết quả:
5. Viện trợ phi chính phủ nước ngoài: có 01 dự án.
Dự án "Giảm rác thải nhựa" do Tổ chức WWF tài trợ, giá trị cam kết 1,85 tỷ đồng, giải ngân 6 tháng đầu năm 620 triệu đồng.
Ngoài ra, xã đã lập hồ sơ Dự án nhà văn hóa với kinh phí dự kiến 650 triệu đồng; đến nay dự án chưa được cấp có thẩm quyền phê duyệt.
8. Người nước ngoài tạm trú: Không; vụ việc liên quan người nước ngoài: Không.
9. Lao động ở nước ngoài: 12 người.
`
	got := foundValues(readText(t, doc))
	for k, v := range map[string]string{
		"profile.hamlets": "17", "profile.households": "2846", "profile.population": "10312",
		"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "1850000000", "ngo_aid.projects[0].disbursed_vnd": "",
		"consular.foreign_residents": "0", "consular.foreigner_incidents": "0", "overseas_vietnamese.labor_export_workers": "12",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %s", k, got[k], v)
		}
	}
}

// TestFiguresWrittenTwice: a figure written again in words in brackets
// ("11 (mười một) đoàn"), or in brackets before its unit ("(04) đoàn",
// "(23) lao động", "(02) đồng chí"), reads as the figure; the quote is the document's words as written.
func TestFiguresWrittenTwice(t *testing.T) {
	doc := `UBND XÃ THỬ
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
I. ĐẶC ĐIỂM TÌNH HÌNH
Xã có 1.250 (một nghìn hai trăm năm mươi) hộ, 12 (mười hai) thôn.
II. KẾT QUẢ
1. Đoàn ra, đoàn vào
- Đoàn ra: 02 (hai) đoàn, 09 (chín) người.
- Đoàn trong nước đến làm việc: (04) đoàn với 37 người.
8. Lãnh sự, bảo hộ công dân
Có 27 (hai mươi bảy) người nước ngoài tạm trú; hộ nghèo (0,92%) không đổi.
9. Người Việt Nam ở nước ngoài
Hiện có (23) lao động của xã làm việc theo hợp đồng ở nước ngoài.
10. Đào tạo, bồi dưỡng
Có (02) đồng chí công chức tham gia bồi dưỡng kiến thức đối ngoại.
`
	res := readText(t, doc)
	got := foundValues(res)
	for k, v := range map[string]string{
		"profile.households":                       "1250",
		"profile.hamlets":                          "12",
		"delegations.outbound.count":               "2",
		"delegations.outbound.people":              "9",
		"delegations.inbound_domestic.count":       "4",
		"delegations.inbound_domestic.people":      "37",
		"consular.foreign_residents":               "27",
		"overseas_vietnamese.labor_export_workers": "23",
		"training.officials_trained":               "2",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %s (found %v)", k, got[k], v, got)
		}
	}
	for _, f := range res.Found {
		if f.Field == "delegations.outbound.count" && !strings.Contains(f.Text, "02 (hai) đoàn") {
			t.Errorf("quote %q, not the document's words", f.Text)
		}
	}
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestDelegationTotalAndItems: a count followed by its items that add up
// to it is their total; a lead that announces a list ("Đoàn ra gồm:")
// makes its clauses items of one list, added up, even when two of them
// count one delegation each.
func TestDelegationTotalAndItems(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	for doc, want := range map[string]map[string]string{
		"- Đoàn nước ngoài: 03 đoàn, 20 người — 02 đoàn Đại học Thử (Nhật Bản) (12 người) và 01 đoàn Tổ chức Thử (08 người).\n": {
			"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "20"},
		"Đoàn ra gồm: 01 đoàn 06 người đi Lào dự hội chợ; 01 đoàn 03 người đi Campuchia học tập kinh nghiệm.\n": {
			"delegations.outbound.count": "2", "delegations.outbound.people": "9"},
	} {
		res := readText(t, head+doc)
		got := foundValues(res)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%q: %s = %q, want %s (found %v)", doc, k, got[k], v, got)
			}
		}
		for _, u := range res.Unresolved {
			t.Errorf("%q: unresolved %+v", doc, u)
		}
	}
}

// TestHamletsWithBreakdown: a count of hamlets followed by its breakdown
// in brackets is the figure; the breakdown's parts are not readings.
func TestHamletsWithBreakdown(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Diện tích tự nhiên 1.183,4 ha; 11.520 hộ, tổ chức thành 31 thôn, tổ dân phố (24 thôn, 07 tổ dân phố).\n"
	res := readText(t, doc)
	if got := foundValues(res)["profile.hamlets"]; got != "31" {
		t.Errorf("hamlets = %q, want 31", got)
	}
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestDelegationDetailLines: a line that gives a count and ends "trong
// đó:" is broken down by the items under it; they are parts of it, not
// readings. The next line of the first line's own kind ends the items.
func TestDelegationDetailLines(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n" +
		"- Khách quốc tế: đón tiếp 08 đoàn với 71 người, trong đó:\n" +
		"+ 04 đoàn doanh nghiệp Hàn Quốc;\n+ 03 đoàn của Tổng Lãnh sự quán Nhật Bản;\n+ 01 đoàn của tổ chức Thử (Úc).\n" +
		"- Đoàn trong nước: tiếp 12 đoàn với 140 người.\n" +
		"- Đoàn ra: 02 đoàn, 11 người, cụ thể:\n+ Tháng 5: 01 đoàn 06 người sang Lào;\n+ Tháng 9: 01 đoàn 05 người sang Lào.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.inbound_foreign.count": "8", "delegations.inbound_foreign.people": "71",
		"delegations.inbound_domestic.count": "12", "delegations.inbound_domestic.people": "140",
		"delegations.outbound.count": "2", "delegations.outbound.people": "11",
	})
}

// TestProposedProjectSaysNoNone: a line about a project still sought
// ("đang vận động (chưa được phê duyệt)") does not say there is no
// project: the count of projects is not read as 0 from it.
func TestProposedProjectSaysNoNone(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n5. Viện trợ phi chính phủ nước ngoài\n" +
		"- Dự án đang vận động (chưa được phê duyệt): Dự án cải tạo đường bản Thử - Tổ chức Thử, dự kiến 900.000.000 đồng\n"
	res := readText(t, doc)
	if v, ok := foundValues(res)["ngo_aid.projects"]; ok {
		t.Errorf("projects = %s read from a project not yet approved", v)
	}
}

// TestProgrammeListedAsProject: an item of the list of aid that names a
// programme by its title ("+ Chương trình “…” - Tổ chức …: giá trị 15.000
// USD") is one of the projects, its donor after the dash, its value in
// USD no figure in đồng.
func TestProgrammeListedAsProject(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n5. Hợp tác với các tổ chức phi chính phủ nước ngoài\n" +
		"Các chương trình, dự án viện trợ phi chính phủ nước ngoài thực hiện trong năm:\n" +
		"+ Dự án \"Nhà an toàn cho trẻ em\" - Tổ chức Thử Một: giá trị 640.000.000 đồng, đã giải ngân 320.000.000 đồng.\n" +
		"+ Chương trình \"Khám mắt miễn phí cho người cao tuổi\" - Tổ chức Thử Hai: giá trị 15.000 USD, giải ngân theo thực tế.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"ngo_aid.projects": "2", "ngo_aid.projects[0].committed_vnd": "640000000", "ngo_aid.projects[0].disbursed_vnd": "320000000",
		"ngo_aid.projects[1].name": "Khám mắt miễn phí cho người cao tuổi", "ngo_aid.projects[1].donor": "Tổ chức Thử Hai",
	})
	if v, ok := foundValues(res)["ngo_aid.projects[1].committed_vnd"]; ok {
		t.Errorf("committed %s read from an amount in USD", v)
	}
}

// TestLetterAnsweringARequest: a report sent as a letter (công văn) with
// no "BÁO CÁO" title, its subject "V/v trả lời Công văn số …", its period
// in the body ("… về việc báo cáo kết quả công tác đối ngoại năm 2024"),
// its points numbered "Nội dung 1.", "Nội dung 2.": the period is the
// one the request asks about (not the year of the request's date), and
// each point opens its sections.
func TestLetterAnsweringARequest(t *testing.T) {
	doc := "ỦY BAN NHÂN DÂN\nXÃ THỬ\nSố: 12/UBND-VP\nV/v trả lời Công văn số 99/UBND-NV ngày 22/11/2025 của UBND huyện\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" +
		"Thử, ngày 05 tháng 12 năm 2025\nKính gửi: Ủy ban nhân dân huyện Thử.\n" +
		"Ủy ban nhân dân xã Thử nhận được Công văn số 99/UBND-NV ngày 22/11/2025 của UBND huyện về việc báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2025, xin trả lời như sau:\n" +
		"Nội dung 1. “Khái quát đặc điểm tình hình”\nTrả lời: Xã có 1.204 hộ, 5.120 nhân khẩu.\n" +
		"Nội dung 2. “Công tác quản lý đoàn ra, đoàn vào”\nTrả lời: Đoàn ra: xã cử 02 đoàn với 09 người sang Lào.\n"
	res := readText(t, doc)
	if res.Period != "2025S1" {
		t.Errorf("period %q (%q), want 2025S1", res.Period, res.PeriodText)
	}
	wantFound(t, res, map[string]string{"profile.households": "1204", "profile.population": "5120",
		"delegations.outbound.count": "2", "delegations.outbound.people": "9"})
}

// TestDotLeaders: a form whose labels lead to their values by a run of
// dots ("Diện tích tự nhiên ........ 2.105,4 ha", "Đoàn ra ……… Không")
// reads as "label: value"; a blank left as dots is no figure.
func TestDotLeaders(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"1. Diện tích tự nhiên .......................... 2.105,4 ha\n2. Số ấp ...................... 9 ấp\n" +
		"3. Tổ chức đảng ............... 14 chi bộ, 301 đảng viên\n4. Hộ nghèo ......................... 214 hộ (6,25%)\n" +
		"II. KẾT QUẢ\n1. Đoàn ra ………………… Không\n2. Đoàn nước ngoài đến làm việc ........ 03 đoàn, 19 người\n" +
		"3. Số thỏa thuận quốc tế ký kết: .............\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"profile.area_ha": "2105.4", "profile.hamlets": "9", "profile.party_cells": "14", "profile.party_members": "301",
		"profile.poor_households": "214", "profile.poor_households_rate_pct": "6.25",
		"delegations.outbound.count": "0", "delegations.outbound.people": "0",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "19",
	})
	if v, ok := foundValues(res)["international_agreements.count"]; ok {
		t.Errorf("agreements %s read from a blank", v)
	}
}

// TestFootnoteMarksOfProfile: a footnote's mark glued to the last word of a
// figure's words ("2.681 nhân khẩu1", "587 hộ2") is no part of the
// figure; a unit with a power ("km2") keeps its power.
func TestFootnoteMarksOfProfile(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Xã có 09 thôn với 587 hộ2, 2.681 nhân khẩu1. Hộ nghèo 142 hộ3.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.hamlets": "9", "profile.households": "587", "profile.population": "2681", "profile.poor_households": "142"})
}

// TestUnitNamedOnlyInTheBody: a report whose letterhead Word kept in the
// page's header (left out of its text) names its unit in the body ("Ủy
// ban nhân dân phường Thử Nam báo cáo …"); that unit, named with its
// kind, comes before the place of the date line ("Thử Bắc, ngày …").
func TestUnitNamedOnlyInTheBody(t *testing.T) {
	doc := "Số: 318/BC-UBND\tThử Bắc, ngày 10 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n" +
		"Thực hiện Công văn số 2451/UBND-NV ngày 25/11/2024 của UBND quận Thử Bắc, Ủy ban nhân dân phường Thử Nam báo cáo kết quả như sau:\n" +
		"I. ĐẶC ĐIỂM TÌNH HÌNH\nPhường có 1.200 hộ.\n"
	res := readText(t, doc)
	if len(res.Places) == 0 || res.Places[0].Name != "Thử Nam" || res.Places[0].Kind != models.KindWard {
		t.Errorf("places %+v, want phường Thử Nam first", res.Places)
	}
}

// TestProjectProposedForFunding: a project a donor "đề xuất tài trợ",
// "đang trình cấp có thẩm quyền phê duyệt", is not yet a project.
func TestProjectProposedForFunding(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n5. Viện trợ phi chính phủ nước ngoài\n" +
		"- Dự án “Nước sạch cho ấp Thử” do Tổ chức Thử Một tài trợ, tổng vốn 900.000.000 đồng; đã giải ngân 300.000.000 đồng.\n" +
		"- Dự án xây dựng 02 cầu dân sinh tại ấp Thử do Tổ chức Thử Hai đề xuất tài trợ (dự kiến khoảng 1,2 tỷ đồng) đang trình cấp có thẩm quyền phê duyệt.\n"
	wantFound(t, readText(t, doc), map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "900000000"})
}

// TestCheckboxForm: a form answered by ticking boxes ("☐ Có ☒ Không"),
// its items coded "B1.", "B4.": the option ticked is the answer, the one
// left empty is not; a "yes" leads to the figures on the line below.
func TestCheckboxForm(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2025\nB. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI\n" +
		"B1. Đoàn ra (cán bộ, công chức xã đi công tác nước ngoài):   ☐ Có   ☒ Không\n" +
		"B4. Thỏa thuận quốc tế do xã ký kết:   ☐ Có   ☒ Không\n" +
		"B5. Hội nghị, hội thảo quốc tế do xã tổ chức:   ☒ Có   ☐ Không\n      Số hội nghị: 01\n" +
		"B12. Khen thưởng của nước ngoài nhận được:   ☐ Có   ☒ Không\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.outbound.count": "0", "delegations.outbound.people": "0",
		"international_agreements.count": "0", "foreign_awards_received.count": "0",
	})
	if v := foundValues(res)["international_conferences.count"]; v == "0" {
		t.Errorf("conferences = 0 from a box left empty")
	}
}

// TestNoneSentSaysNoCourses: "Chưa cử cán bộ, công chức tham gia các lớp
// bồi dưỡng" says no official was trained, and nothing of how many
// courses there were; "Không tổ chức lớp" says there were none.
func TestNoneSentSaysNoCourses(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n10. Đào tạo, bồi dưỡng kiến thức đối ngoại\n"
	got := foundValues(readText(t, head+"Chưa cử cán bộ, công chức tham gia các lớp bồi dưỡng kiến thức đối ngoại.\n"))
	if got["training.officials_trained"] != "0" {
		t.Errorf("officials %q, want 0", got["training.officials_trained"])
	}
	if v, ok := got["training.courses"]; ok {
		t.Errorf("courses %s read from none sent", v)
	}
	got = foundValues(readText(t, head+"Không tổ chức lớp bồi dưỡng; không cử cán bộ tham gia.\n"))
	if got["training.courses"] != "0" || got["training.officials_trained"] != "0" {
		t.Errorf("courses %q, officials %q, want 0 and 0", got["training.courses"], got["training.officials_trained"])
	}
}

// TestFormLabelsWithUnits: a form's items, coded "A1.", give their unit
// in the label's brackets and a bare figure after the colon ("Diện tích
// tự nhiên (ha): 1.512,8"), and a line may hold several "label: value"
// pairs one after another.
func TestFormLabelsWithUnits(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nA. THÔNG TIN CHUNG\n" +
		"A1. Diện tích tự nhiên (ha): 1.512,8\nA8. Thu nhập bình quân đầu người (triệu đồng/năm): 63,5\n" +
		"B. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI\n10. Đào tạo, bồi dưỡng kiến thức đối ngoại\nSố lớp bồi dưỡng: 02 Số cán bộ tham gia: 05\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.area_ha": "1512.8", "profile.income_per_capita_vnd": "63500000", "training.courses": "2"})
}

// TestHamletWords: hamlets go by other names across the country — buôn,
// bon, plei (Central Highlands), khóm, phum, sóc (the Mekong), làng,
// khu vực (wards of Cần Thơ) — and are counted alike.
func TestHamletWords(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	for doc, want := range map[string]string{
		"Toàn xã có 07 buôn, thôn.\n":                 "7",
		"Diện tích 61,8 ha, chia thành 06 khu vực.\n": "6",
		"Xã gồm 12 phum, sóc với 2.104 hộ.\n":         "12",
		"Thị trấn có 05 khóm, dân số 9.120 người.\n":  "5",
	} {
		if got := foundValues(readText(t, head+doc))["profile.hamlets"]; got != want {
			t.Errorf("%q: hamlets %q, want %s", doc, got, want)
		}
	}
}

// TestPeoplesListed: the peoples listed one per item under "Thành phần
// dân tộc:" ("- M'nông: 34,6%;"), names with an apostrophe too (read by
// their official spelling, Mnông).
func TestPeoplesListed(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nI. ĐẶC ĐIỂM TÌNH HÌNH\n2.3. Thành phần dân tộc:\n" +
		"- M'nông: 44,6%;\n- Ê Đê: 30,9%;\n- Kinh: 24,5%.\n2.4. Tỷ lệ người dân tộc thiểu số: 75,5%.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.ethnic_groups[0].name": "Mnông", "profile.ethnic_groups[0].share_pct": "44.6",
		"profile.ethnic_groups[1].share_pct": "30.9", "profile.ethnic_groups[2].name": "Kinh", "profile.ethnic_groups[2].share_pct": "24.5",
	})
}

// TestNoneInThePeriod: a section that only says nothing happened "in the
// period" ("Trong kỳ không phát sinh.", "Trong năm, xã không tổ chức.")
// says none; another year's none does not.
func TestNoneInThePeriod(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n2. Thỏa thuận quốc tế; hội nghị, hội thảo quốc tế\n"
	for body, want := range map[string]string{
		"Trong kỳ không phát sinh.\n":    "0",
		"Trong năm, xã không tổ chức.\n": "0",
		"Năm 2023 không phát sinh.\n":    "",
	} {
		got := foundValues(readText(t, head+body))
		if got["international_agreements.count"] != want || got["international_conferences.count"] != want {
			t.Errorf("%q: agreements %q, conferences %q, want %q", body, got["international_agreements.count"], got["international_conferences.count"], want)
		}
	}
}

// TestJointPeoplesShare: a share said after two peoples named together
// ("người Chăm và Hoa chiếm 12,4%", "đồng bào Tày, Nùng chiếm 71%") is
// theirs together, no people's own; a list giving each its share is read
// as before.
func TestJointPeoplesShare(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	for _, body := range []string{
		"Xã có 2.310 hộ; người dân tộc Chăm và Hoa chiếm 12,4% dân số.\n",
		"Dân số 8.406 người, đồng bào dân tộc Tày, Nùng chiếm 71% dân số.\n",
	} {
		if got := foundValues(readText(t, head+body)); got["profile.ethnic_groups[0].name"] != "" || got["profile.ethnic_groups[0].share_pct"] != "" {
			t.Errorf("%q: read %s %s%%, a share of two peoples together", body, got["profile.ethnic_groups[0].name"], got["profile.ethnic_groups[0].share_pct"])
		}
	}
	wantFound(t, readText(t, head+"Dân số gồm các dân tộc: Kinh 52,5%, Tày 40%, Hoa 7,5%.\n"), map[string]string{
		"profile.ethnic_groups[0].name": "Kinh", "profile.ethnic_groups[1].share_pct": "40", "profile.ethnic_groups[2].name": "Hoa",
	})
}

// TestNoDataIsNoNone: "chưa có số liệu thống kê", "không nắm được" say a
// figure is not known: no 0; "không có" beside them still says none.
func TestNoDataIsNoNone(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n8. Công tác lãnh sự\n"
	got := foundValues(readText(t, head+"- Số lượt công dân xuất cảnh: phường chưa có số liệu.\n- Người nước ngoài tạm trú: không nắm được.\n- Vụ việc liên quan người nước ngoài: không có.\n"))
	for _, k := range []string{"consular.citizens_exited", "consular.foreign_residents"} {
		if got[k] != "" {
			t.Errorf("%s = %s read, not known", k, got[k])
		}
	}
	if got["consular.foreigner_incidents"] != "0" {
		t.Errorf("consular.foreigner_incidents = %q, want 0", got["consular.foreigner_incidents"])
	}
}

// TestPeoplesListOverLines: typed from a scan, a list of peoples breaks
// after a comma and goes on on the next line with a name in capitals
// ("… dân tộc Ê Đê 41,3%," ⏎ "Kinh 35,2%, Gia Rai 23,5%."): every people
// is read, not the first line's only.
func TestPeoplesListOverLines(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Xã có 1.904 hộ, 8.012 nhân khẩu; thành phần gồm: dân tộc Ê Đê 41,3%,\nKinh 35,2%, Gia Rai 23,5%. Đảng bộ xã có 11\nchi bộ.\n"
	got := foundValues(readText(t, doc))
	wantFound(t, readText(t, doc), map[string]string{
		"profile.ethnic_groups[0].name": "Ê Đê", "profile.ethnic_groups[0].share_pct": "41.3",
		"profile.ethnic_groups[1].name": "Kinh", "profile.ethnic_groups[1].share_pct": "35.2",
		"profile.ethnic_groups[2].name": "Gia Rai", "profile.ethnic_groups[2].share_pct": "23.5",
		"profile.households": "1904", "profile.population": "8012",
	})
	if got["profile.ethnic_groups[3].name"] != "" {
		t.Errorf("a fourth people read: %v", got)
	}
}

// TestCitizensProtectionNoIncident: in the consular section, a line
// labelled as the protection of the commune's own citizens ("Bảo hộ công
// dân: 01 vụ … ở nước ngoài …") tells of them, not of incidents of
// foreigners: the incidents are the line that says so.
func TestCitizensProtectionNoIncident(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n8. Lãnh sự, bảo hộ công dân\n" +
		"- Vụ việc có yếu tố nước ngoài: 02 vụ (người nước ngoài vào khu vực cấm không xin phép).\n" +
		"- Bảo hộ công dân: 01 vụ 03 lao động của xã bị chủ sử dụng ở nước ngoài giữ hộ chiếu, đã phối hợp giải quyết.\n" +
		"9. Người Việt Nam ở nước ngoài: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"consular.foreigner_incidents": "2"})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v", u)
	}
}

// TestNoneOfAnotherYear: a "none" said of another year by the words
// before it ("So với năm 2023 (xã không có đoàn ra)", "Năm 2023 không có
// công dân xuất cảnh") is no reading of the report's figure; a none of the
// report's, another year's figure in brackets after it ("Không có đoàn
// vào (năm 2023: 02 đoàn)"), still is.
func TestNoneOfAnotherYear(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n1. Đoàn ra, đoàn vào\n" +
		"Trong năm, xã cử 01 đoàn gồm 05 người sang Lào dự lễ hội. So với năm 2023 (xã không có đoàn ra), số đoàn tăng 01.\n" +
		"Không có đoàn vào (năm 2023: 02 đoàn).\n" +
		"2. Lãnh sự, bảo hộ công dân\nTrong năm có 14 lượt công dân xuất cảnh. Năm 2023 không có công dân xuất cảnh.\n"
	want := map[string]string{
		"delegations.outbound.count":         "1",
		"delegations.outbound.people":        "5",
		"delegations.inbound_domestic.count": "0",
		"delegations.inbound_foreign.count":  "0",
		"consular.citizens_exited":           "14",
	}
	res := readText(t, doc)
	wantFound(t, res, want)
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
}

// TestBracketedFiguresOfTheProfile: a form's figures written in brackets
// before their unit, thousands too ("(9) khu phố; (2.407) hộ; (10.315)
// nhân khẩu", "(2.036) người" tạm trú), read as the figures.
func TestBracketedFiguresOfTheProfile(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. Tình hình chung\n" +
		"* Diện tích tự nhiên: 1.204,5 ha; (9) khu phố; (2.407) hộ; (10.315) nhân khẩu.\n" +
		"II. Kết quả\n* Lãnh sự:\n• Người nước ngoài tạm trú: (2.036) người.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.hamlets": "9", "profile.households": "2407", "profile.population": "10315",
		"consular.foreign_residents": "2036",
	})
}

// TestConferenceNotHosted: "không chủ trì tổ chức hội nghị, hội thảo quốc
// tế" says the commune held none; its officials attending the province's
// is no conference of its own.
func TestConferenceNotHosted(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n3. Hội nghị, hội thảo quốc tế\n" +
		"Xã không chủ trì tổ chức hội nghị, hội thảo quốc tế; cử 01 cán bộ dự Hội thảo quốc tế về du lịch cộng đồng do tỉnh tổ chức.\n" +
		"4. Lãnh sự: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{"international_conferences.count": "0"})
}

// TestJointMinorityShare: "đồng bào dân tộc" with two peoples or more
// named together, none the Kinh, and one share ("đồng bào dân tộc Tày,
// Nùng chiếm 12,4% dân số") is the minorities' share, "thiểu số" left
// out; one people named so is that people's, no minority share.
func TestJointMinorityShare(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	tail := "II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	got := foundValues(readText(t, head+"Xã có 2.310 hộ, 9.040 nhân khẩu; đồng bào dân tộc Tày, Nùng chiếm 12,4% dân số.\n"+tail))
	if got["profile.ethnic_minority_share_pct"] != "12.4" || got["profile.ethnic_groups"] != "" {
		t.Errorf("minority share %q, groups %q; want 12.4 and none", got["profile.ethnic_minority_share_pct"], got["profile.ethnic_groups"])
	}
	for _, doc := range []string{
		"Xã có 2.310 hộ; đồng bào dân tộc Tày chiếm 12,4% dân số.\n",
		"Xã có 2.310 hộ; đồng bào dân tộc Kinh, Tày chiếm 92,4% dân số.\n",
	} {
		if v := foundValues(readText(t, head+doc+tail))["profile.ethnic_minority_share_pct"]; v != "" {
			t.Errorf("%q: minority share %s read", doc, v)
		}
	}
}

// TestLeadPartedBySemicolons: a lead that names two sections parted by
// ";" ("- Ký kết thỏa thuận quốc tế; tổ chức hội nghị, hội thảo quốc tế:
// không phát sinh.") says its none of both, not only of the one next to
// the colon.
func TestLeadPartedBySemicolons(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. Kết quả\n" +
		"- Đoàn ra: không.\n- Ký kết thỏa thuận quốc tế; tổ chức hội nghị, hội thảo quốc tế: không phát sinh.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"international_agreements.count": "0", "international_conferences.count": "0",
	})
}

// TestIncomeOfAnotherYear: an income per head whose words name another
// year than the report's ("Năm 2024 đạt … triệu đồng/người/năm" in the
// value cell of a report of 2025, "… năm 2023 đạt …" in a report of 2024)
// is that year's, no figure of the report; the report's own year's is.
func TestIncomeOfAnotherYear(t *testing.T) {
	half := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2025\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"TT\tNội dung\tKết quả\tGhi chú\n" +
		"1\tSố hộ\t2.140 hộ\t\n" +
		"2\tThu nhập bình quân đầu người\tNăm 2024 ước đạt 63,2 triệu đồng/người/năm.\tChưa tổng hợp 6 tháng\n" +
		"II. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	for _, doc := range []string{half,
		"UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có 2.140 hộ. Thu nhập bình quân đầu người năm 2023 đạt 41,5 triệu đồng/người/năm.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n",
	} {
		wantFound(t, readText(t, doc), map[string]string{"profile.households": "2140", "profile.income_per_capita_vnd": ""})
	}
	own := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có 2.140 hộ. Thu nhập bình quân đầu người năm 2024 đạt 52,5 triệu đồng/người/năm.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	wantFound(t, readText(t, own), map[string]string{"profile.income_per_capita_vnd": "52500000"})
}

// TestWorkersWhoLeftAreNoExits: "… có 09 người xuất cảnh đi lao động mới" told with
// the Vietnamese abroad counts the workers who left, not all the citizens
// who went abroad: the consular section's exits stand alone. Exits told
// there with their purposes in brackets ("75 công dân xuất cảnh (đi lao
// động 40 người; …)") are still the exits.
func TestWorkersWhoLeftAreNoExits(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	doc := head + "8. Lãnh sự, bảo hộ công dân\nTrong năm có 52 lượt công dân của xã xuất cảnh.\n" +
		"9. Người Việt Nam ở nước ngoài\nHiện có 130 người của xã đang lao động ở nước ngoài; trong năm có 09 người xuất cảnh đi lao động mới.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"consular.citizens_exited": "52"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
	doc = head + "9. Người Việt Nam ở nước ngoài\nTrong năm có 75 công dân xuất cảnh (đi lao động 40 người; du học 35 người).\n"
	wantFound(t, readText(t, doc), map[string]string{"consular.citizens_exited": "75"})
}

// TestIncomeAimed: an income the commune aims at ("phấn đấu", "mục tiêu")
// is not one it reached, and no figure of the report; an income reached
// "vượt kế hoạch" still is.
func TestIncomeAimed(t *testing.T) {
	for _, aim := range []string{
		"Trong năm 2024 phường phấn đấu thu nhập bình quân đầu người đạt 71 triệu đồng/người/năm.",
		"Mục tiêu thu nhập bình quân đầu người năm 2024 là 71 triệu đồng.",
	} {
		doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nPhường có 3.410 hộ. " + aim + "\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
		wantFound(t, readText(t, doc), map[string]string{"profile.households": "3410", "profile.income_per_capita_vnd": ""})
	}
	own := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nPhường có 3.410 hộ. Thu nhập bình quân đầu người năm 2024 đạt 71 triệu đồng/người/năm, vượt kế hoạch đề ra.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	wantFound(t, readText(t, own), map[string]string{"profile.income_per_capita_vnd": "71000000"})
}

// TestNoneOfOtherPeriodInItsBracket: a none whose own bracket opens with
// another period ("(Cùng kỳ năm 2023 không có đoàn nước ngoài.)") is that
// period's, not the report's: it was read as 0 foreign delegations, a
// rival of the count beside it, and 0 people. A none before a bracket of
// another year ("Không có đoàn nước ngoài (năm 2023: 01 đoàn).") is still
// the report's.
func TestNoneOfOtherPeriodInItsBracket(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n+ Đoàn ra: Không.\n"
	tail := "2. Lãnh sự, bảo hộ công dân: Không.\n"
	res := readText(t, head+"+ Đoàn vào: tiếp 02 đoàn nước ngoài gồm 09 người của Hội Chữ thập đỏ Đan Mạch thăm điểm trường (tháng 4/2024). (Cùng kỳ năm 2023 không có đoàn nước ngoài.)\n"+tail)
	wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "9"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
	res = readText(t, head+"+ Đoàn vào: Không có đoàn nước ngoài (năm 2023: 01 đoàn).\n"+tail)
	wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "0", "delegations.inbound_foreign.people": "0"})
}

// TestMinoritiesAbbreviated: "DTTS" (dân tộc thiểu số) after a list of
// peoples and their shares is the minorities together — their share, no
// people of the list.
func TestMinoritiesAbbreviated(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Xã có 1.204 hộ. Dân tộc Tày 52,1%, Kinh 30,4%, Dao 17,5%; DTTS chiếm 69,6%. 09 chi bộ.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.ethnic_minority_share_pct": "69.6",
		"profile.ethnic_groups[0].name":     "Tày", "profile.ethnic_groups[2].name": "Dao", "profile.ethnic_groups[2].share_pct": "17.5",
		"profile.ethnic_groups[3].name": "", "profile.ethnic_groups[3].share_pct": "",
	})
}

// TestPartsAfterColon: a count of incidents followed by a colon and its
// parts in the same unit ("04 vụ việc …: 03 vụ …; 01 vụ …") is the
// total; the parts, in its clause or in the clauses after it on the line,
// are no rival readings (the last part was read alone as the figure). A
// count of another unit after a colon is no part of it.
func TestPartsAfterColon(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n8. Lãnh sự, bảo hộ công dân\n"
	res := readText(t, head+"- Trong năm có 04 vụ việc liên quan đến người nước ngoài: 03 vụ công dân Lào nhập cảnh không có giấy tờ, đã bàn giao cho Đồn Biên phòng; 01 vụ người quốc tịch Hàn Quốc làm mất hộ chiếu, đã hướng dẫn cấp lại.\n")
	wantFound(t, res, map[string]string{"consular.foreigner_incidents": "4"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
	res = readText(t, head+"- Có 12 người nước ngoài tạm trú trên địa bàn; phát sinh 01 vụ việc liên quan đến người nước ngoài: 02 người quốc tịch Lào lưu trú quá hạn.\n")
	wantFound(t, res, map[string]string{"consular.foreign_residents": "12", "consular.foreigner_incidents": "1"})
}

// TestMembersAfterCells: the party members told in a clause of their own
// after the cells ("Đảng bộ phường: 09 chi bộ; 247 đảng viên.") are the
// members; a clause that says more of them ("31 đảng viên được tặng …")
// is no count of all.
func TestMembersAfterCells(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. TÌNH HÌNH CHUNG\n- Đảng bộ phường: 09 chi bộ; 247 đảng viên.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	wantFound(t, readText(t, doc), map[string]string{"profile.party_cells": "9", "profile.party_members": "247"})
	doc = "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. TÌNH HÌNH CHUNG\n- Đảng bộ phường: 09 chi bộ; 31 đảng viên được tặng Huy hiệu Đảng.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	wantFound(t, readText(t, doc), map[string]string{"profile.party_cells": "9", "profile.party_members": ""})
}

// TestConferenceHeldThenNone: a sentence that says the conference was held
// as planned, then "không có" of something else ("không có sự cố, phát
// ngôn sai lệch"), is no "none" of the conferences; "… được tổ chức trên
// địa bàn: không có" still is.
func TestConferenceHeldThenNone(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n3. Hội nghị, hội thảo quốc tế\n"
	doc := head + "Tháng 9/2024 UBND xã phối hợp với Viện Nghiên cứu biển tổ chức 01 hội thảo quốc tế về rừng ngập mặn. Hội thảo đã diễn ra an toàn, đúng chương trình, không có sự cố hay phát ngôn sai lệch.\n4. Đoàn ra: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"international_conferences.count": "1"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
	doc = head + "Hội nghị, hội thảo quốc tế được tổ chức trên địa bàn: không có.\n4. Đoàn ra: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{"international_conferences.count": "0"})
}

// TestOneAgreementSigned: the commune signing one agreement named with no
// count ("Ngày 05/9/2024, UBND xã ký Biên bản ghi nhớ … với …") is one
// agreement (it was missed). Another's signing the commune attended ("dự
// lễ ký …"), one signed in another year, and two told so (one may be told
// twice) are none read.
func TestOneAgreementSigned(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n2. Công tác ký kết thỏa thuận quốc tế\n"
	tail := "3. Hội nghị, hội thảo quốc tế: Không.\n"
	for body, want := range map[string]string{
		"Ngày 05/9/2024, UBND xã ký Biên bản ghi nhớ về giao lưu văn hóa với chính quyền bản Na Sang (Lào). Thỏa thuận hữu nghị giữa hai bản ký năm 2018 tiếp tục được thực hiện.\n": "1",
		"Xã cử 02 cán bộ dự lễ ký Biên bản ghi nhớ giữa UBND tỉnh và tỉnh Hủa Phăn (Lào).\n":                                                                                         "",
		"Biên bản ghi nhớ xã đã ký năm 2019 với bản Na Sang tiếp tục được thực hiện.\n":                                                                                              "",
		"Ngày 05/9/2024, UBND xã ký Biên bản ghi nhớ với bản Na Sang (Lào). Ngày 12/11/2024, xã ký Thỏa thuận hợp tác với bản Huổi Lả (Lào).\n":                                      "",
	} {
		if got := foundValues(readText(t, head+body+tail))["international_agreements.count"]; got != want {
			t.Errorf("%q: agreements %q, want %q", body, got, want)
		}
	}
}

// TestGateTrafficIsNoExits: the people and vehicles through a border
// gate ("Người, phương tiện qua Cửa khẩu quốc tế … khoảng 31.200 lượt
// người, 8.150 lượt phương tiện") are no citizens of the commune who went
// abroad — "qua Cửa khẩu quốc tế" was read as going abroad ("quốc tế" is
// the gate's rank), and the vehicles a rival of the exits.
func TestGateTrafficIsNoExits(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n6. Công tác lãnh sự\n" +
		"- Công dân xã xuất cảnh sang Lào bằng giấy thông hành: 212 lượt.\n" +
		"- Người, phương tiện qua Cửa khẩu quốc tế Bờ Y khoảng 31.200 lượt người, 8.150 lượt phương tiện.\n" +
		"7. Người Việt Nam ở nước ngoài: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"consular.citizens_exited": "212"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
}

// TestAwardForAnEarlierYear: an award received in the period for what was
// done in an earlier year ("xã nhận 01 Giấy khen … về thành tích phối hợp
// tuần tra năm 2024" in a report of 2025) is the period's: the year after
// "thành tích" is that of the deeds. One received in another year ("Năm
// 2024, xã nhận …") is not.
func TestAwardForAnEarlierYear(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2025\nII. KẾT QUẢ\n9. Khen thưởng của nước ngoài: "
	for body, want := range map[string]string{
		"xã nhận 01 Giấy khen của Ban Chỉ huy bản Phôn Xay (Lào) về thành tích phối hợp tuần tra năm 2024.\n": "1",
		"Năm 2024, xã nhận 01 Giấy khen của Ban Chỉ huy bản Phôn Xay (Lào).\n":                                "",
	} {
		if got := foundValues(readText(t, head+body))["foreign_awards_received.count"]; got != want {
			t.Errorf("%q: awards %q, want %q", body, got, want)
		}
	}
}

// TestIncidentPartsWithNoTotal: incidents listed after "gồm" with no total
// before them ("Các vụ việc liên quan đến người nước ngoài gồm 02 vụ …, 01
// vụ … và 03 vụ …") add up to theirs; the first part alone was read (a
// rival of the table's total, left unresolved). With the total before
// them ("Xảy ra 05 vụ việc …, gồm 03 vụ … và 02 vụ …") it is the figure.
func TestIncidentPartsWithNoTotal(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n8. Công tác lãnh sự\n"
	for body, want := range map[string]string{
		"Các vụ việc liên quan đến người nước ngoài gồm 02 vụ mất hộ chiếu, 01 vụ va chạm giao thông và 03 vụ lưu trú quá hạn, đều được xử lý kịp thời.\n": "6",
		"Xảy ra 05 vụ việc liên quan đến người nước ngoài, gồm 03 vụ lưu trú quá hạn và 02 vụ mất hộ chiếu.\n":                                             "5",
	} {
		res := readText(t, head+body)
		if got := foundValues(res)["consular.foreigner_incidents"]; got != want {
			t.Errorf("%q: incidents %q, want %q (unresolved %+v)", body, got, want, res.Unresolved)
		}
	}
}

// TestAreaOfOneLand: an area followed by the kind of land it measures
// ("Khu bảo tồn … với diện tích khoảng 1.150 ha rừng phòng hộ") is that
// land's, not the commune's natural area (it was a rival of it).
func TestAreaOfOneLand(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Trên địa bàn xã có Khu rừng phòng hộ Cồn Bãi với diện tích khoảng 1.150 ha rừng phòng hộ ven biển.\n" +
		"Xã có diện tích tự nhiên 3.210,5 ha, chia thành 08 ấp.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"profile.area_ha": "3210.5", "profile.hamlets": "8"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
}

// TestIncomeWithOtherYearAside: the income of the report's year followed
// by another year's in brackets ("… năm 2024 đạt 48,6 triệu đồng (năm
// 2023: 44,9 triệu đồng)") is read: the bracket is an aside, the amount
// ends before it (it was missed). Words of another kind in the bracket
// ("(mỗi tháng)") still say it is no year's income per head.
func TestIncomeWithOtherYearAside(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có 2.310 hộ. "
	tail := "\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	for body, want := range map[string]string{
		"Thu nhập bình quân đầu người năm 2024 đạt 48,6 triệu đồng (năm 2023: 44,9 triệu đồng).": "48600000",
		"Thu nhập bình quân đầu người năm 2024 đạt 4,1 triệu đồng (mỗi tháng).":                  "",
	} {
		if got := foundValues(readText(t, head+body+tail))["profile.income_per_capita_vnd"]; got != want {
			t.Errorf("%q: income %q, want %q", body, got, want)
		}
	}
}

// TestAreaThenItsParts: the natural area followed by "trong đó" and its
// parts ("5.120,6 ha trong đó đất nông nghiệp 3.004 ha") is the commune's:
// "trong" there is no land planted ("ha trồng lúa").
func TestAreaThenItsParts(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Xã có diện tích tự nhiên 5.120,6 ha trong đó đất nông nghiệp 3.004 ha.\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	wantFound(t, readText(t, doc), map[string]string{"profile.area_ha": "5120.6"})
}

// TestOnePeopleAlone: one people named with its share ("đồng bào dân tộc
// Tà Ôi chiếm 96,4%") is no list of the peoples (a single dominant people
// is none: ethnic_groups stays null), nor the minorities' share, which is
// read only as stated (TestJointMinorityShare). Two peoples with their
// shares are still the list.
func TestOnePeopleAlone(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	tail := "\nII. KẾT QUẢ\n1. Đoàn ra: Không có.\n"
	for _, line := range []string{
		"Xã có 06 thôn, 540 hộ, 2.130 khẩu, đồng bào dân tộc Tà Ôi chiếm 96,4%. Đảng bộ xã có 09 chi bộ.",
		"Xã có 06 thôn, 540 hộ; dân tộc Kinh chiếm 91,3%. Đảng bộ xã có 09 chi bộ.",
	} {
		res := readText(t, head+line+tail)
		wantFound(t, res, map[string]string{"profile.ethnic_minority_share_pct": "", "profile.ethnic_groups[0].name": "", "profile.party_cells": "9"})
		if res.Report.Profile.EthnicGroups != nil {
			t.Errorf("%q: ethnic groups %+v, want none", line, res.Report.Profile.EthnicGroups)
		}
	}
	res := readText(t, head+"Xã có 06 thôn; dân tộc Tà Ôi chiếm 60,2%, dân tộc Kinh 39,8%. Đảng bộ xã có 09 chi bộ."+tail)
	wantFound(t, res, map[string]string{"profile.ethnic_minority_share_pct": "", "profile.ethnic_groups[1].name": "Kinh"})
}
