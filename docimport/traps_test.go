package docimport

import (
	"strings"
	"testing"
)

// trapDoc is a short report of the period title ("năm 2024") whose profile
// and results are given.
func trapDoc(title, profile, results string) string {
	return "UBND XÃ THỬ\nThử, ngày 02 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại " + title + "\n" +
		"I. ĐẶC ĐIỂM TÌNH HÌNH\n" + profile + "\nII. KẾT QUẢ\n" + results + "\n"
}

// trapCase is a short document and what it must give: each field of want
// is read as its value, or not read at all when the value is "", or
// either when it is "?value" (unread rather than wrong).
type trapCase struct {
	name, title, profile, results string
	want                          map[string]string
}

func runTraps(t *testing.T, cases []trapCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			title := tc.title
			if title == "" {
				title = "năm 2024"
			}
			got := foundValues(readText(t, trapDoc(title, tc.profile, tc.results)))
			for k, v := range tc.want {
				if g, ok := got[k]; strings.HasPrefix(v, "?") {
					if ok && g != v[1:] {
						t.Errorf("%s read as %s, want %s or not read", k, g, v[1:])
					}
				} else if v == "" && ok {
					t.Errorf("%s read as %s, want it not read", k, g)
				} else if v != "" && g != v {
					t.Errorf("%s = %q, want %s", k, g, v)
				}
			}
		})
	}
}

// tableTrap is a table under head, read as text and as .docx: each field
// of want is not read at all when its value is "", else read as that
// value (a leading "?" dropped) or not read.
type tableTrap struct {
	name, head string
	rows       [][]string
	want       map[string]string
}

func runTableTraps(t *testing.T, cases []tableTrap) {
	t.Helper()
	for _, tc := range cases {
		for kind, data := range map[string][]byte{"text": textTable(tc.head, tc.rows), "docx": tableDocx(tc.head, tc.rows)} {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				lines, _, err := Lines(data)
				if err != nil {
					t.Fatal(err)
				}
				got := foundValues(Read(lines))
				for k, v := range tc.want {
					if g, ok := got[k]; ok && (v == "" || g != strings.TrimPrefix(v, "?")) {
						t.Errorf("%s read as %s, want %s", k, g, v)
					}
				}
			})
		}
	}
}

// TestPrecisionTrapsDelegations: counts of delegations in narrative that
// share a sentence with another period, a running total, a change, a
// plan, a wider unit's figure or a breakdown that does not cover them all.
func TestPrecisionTrapsDelegations(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "running total beside the year's", results: sec +
			"Đoàn ra: năm 2024 xã cử 01 đoàn với 05 người sang Lào; lũy kế từ đầu nhiệm kỳ 04 đoàn với 21 người.",
			want: map[string]string{"delegations.outbound.count": "1", "delegations.outbound.people": "5"}},
		{name: "same period last year after", results: sec +
			"Đoàn vào: tiếp 03 đoàn nước ngoài với 18 người; cùng kỳ năm trước tiếp 05 đoàn nước ngoài với 30 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "18"}},
		{name: "a breakdown that covers a part", results: sec +
			"Đoàn vào: tiếp 10 đoàn nước ngoài, trong đó có 02 đoàn Nhật Bản và 03 đoàn Hàn Quốc.",
			want: map[string]string{"delegations.inbound_foreign.count": "10"}},
		{name: "the district's count, then the commune's", results: sec +
			"Trong năm, toàn huyện đón 15 đoàn nước ngoài; riêng xã đón 02 đoàn nước ngoài với 11 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "11"}},
		{name: "a change after the count", results: sec +
			"Đoàn vào: tiếp 04 đoàn nước ngoài với 20 người, giảm 02 đoàn và 09 người so với năm 2023.",
			want: map[string]string{"delegations.inbound_foreign.count": "4", "delegations.inbound_foreign.people": "?20"}},
		{name: "a plan after the year's", results: sec +
			"Đoàn vào: tiếp 02 đoàn nước ngoài. Năm 2025 phấn đấu đón 05 đoàn nước ngoài.",
			want: map[string]string{"delegations.inbound_foreign.count": "2"}},
		{name: "items of a list, one of another year", results: sec +
			"Đoàn vào gồm:\n- 01 đoàn Đại sứ quán Úc (04 người) thăm trường tiểu học, tháng 3/2024;\n- 01 đoàn tổ chức JICA (05 người) khảo sát, tháng 11/2023.",
			want: map[string]string{"delegations.inbound_foreign.count": "1"}},
		{name: "a dated item that is no delegation", results: sec +
			"Đoàn vào:\n+ Tháng 3/2024: đoàn Đại sứ quán Úc (04 người) thăm trường tiểu học.\n+ Tháng 9/2024: xã tổ chức hội nghị tổng kết công tác đối ngoại với 60 đại biểu.",
			want: map[string]string{"delegations.inbound_foreign.count": "?1", "delegations.inbound_foreign.people": "?4"}},
		{name: "the mass organisations in the list", results: sec +
			"Đoàn vào gồm: 01 đoàn Đại sứ quán Úc với 04 người; 03 đoàn thể của xã phối hợp đón tiếp.",
			want: map[string]string{"delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": "4"}},
		{name: "the year's, then the plan, by an arrow", results: sec +
			"Đoàn ra: năm 2024: 02 đoàn/11 người → kế hoạch năm 2025: 03 đoàn/16 người.",
			want: map[string]string{"delegations.outbound.count": "?2", "delegations.outbound.people": "?11"}},
		{name: "the province's delegation the commune joined", results: sec +
			"Đoàn ra: không có. Xã cử 02 cán bộ tham gia đoàn công tác của tỉnh gồm 15 người sang Lào.",
			want: map[string]string{"delegations.outbound.count": "0", "delegations.outbound.people": "0"}},
		{name: "a total then two items, one of last year", results: sec +
			"Đoàn ra: 02 đoàn, 13 người — 01 đoàn sang Lào (08 người) và năm 2023 01 đoàn sang Trung Quốc (05 người).",
			want: map[string]string{"delegations.outbound.count": "2", "delegations.outbound.people": "13"}},
		{name: "a total, then one of its delegations", results: sec +
			"Đoàn ra: 02 đoàn, 13 người — 01 đoàn sang Lào (08 người) dự hội chợ thương mại.",
			want: map[string]string{"delegations.outbound.count": "2", "delegations.outbound.people": "13"}},
		{name: "a total, then one of them by a colon", results: sec +
			"Đoàn vào: tiếp 03 đoàn nước ngoài với 25 người: 01 đoàn Đại sứ quán Úc (04 người) thăm trường.",
			want: map[string]string{"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "25"}},
		{name: "the district's delegations the commune received", results: sec +
			"Đoàn vào: phối hợp với huyện đón 02 đoàn nước ngoài; tổng số đoàn nước ngoài đến huyện là 12 đoàn.",
			want: map[string]string{"delegations.inbound_foreign.count": "2"}},
		{name: "a list, then the same year's running total", results: sec +
			"Đoàn vào gồm: 01 đoàn Đại sứ quán Úc (04 người); 01 đoàn tổ chức JICA (05 người); nâng tổng số đoàn nước ngoài từ đầu nhiệm kỳ lên 09 đoàn.",
			want: map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "9"}},
		{name: "persons of a delegation counted by sessions", results: sec +
			"Đoàn ra: 01 đoàn gồm 05 đồng chí sang Lào, tham gia 03 buổi làm việc với 40 lượt người.",
			want: map[string]string{"delegations.outbound.count": "1", "delegations.outbound.people": "5"}},
		{name: "people as visits", results: sec +
			"Đoàn vào: tiếp 02 đoàn nước ngoài; trong năm có 120 lượt khách nước ngoài đến tham quan.",
			want: map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": ""}},
	})
}

// TestPrecisionTrapsProjects: NGO projects that are not this period's
// running projects, and amounts that are not a project's value.
func TestPrecisionTrapsProjects(t *testing.T) {
	const sec = "13. Viện trợ phi chính phủ nước ngoài\n"
	runTraps(t, []trapCase{
		{name: "a project ended last year beside a running one", results: sec +
			"Dự án “Nước sạch cho cộng đồng” do tổ chức World Vision tài trợ đã kết thúc năm 2023. Trong năm, xã triển khai 01 dự án “Bếp ăn bán trú” do tổ chức Plan International tài trợ, tổng kinh phí 450 triệu đồng.",
			want: map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "450000000"}},
		{name: "proposed projects by label", results: sec +
			"- Số dự án đang triển khai: 01\n- Số dự án đề xuất mới: 02\n- Giá trị cam kết (đồng): 300.000.000",
			want: map[string]string{"ngo_aid.projects": "?1"}},
		{name: "a cumulative amount of all projects", results: sec +
			"Xã có 01 dự án “Trường học an toàn” do tổ chức Save the Children tài trợ, giá trị 200 triệu đồng. Lũy kế từ năm 2015 đến nay, xã đã tiếp nhận 12 dự án với tổng kinh phí 5 tỷ đồng.",
			want: map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "200000000"}},
		{name: "a domestic programme in the list", results: sec +
			"+ Dự án “Nhà văn hóa thôn” - Tổ chức KOICA: giá trị 20.000 USD (tương đương 500.000.000 đồng).\n+ Chương trình “Nông thôn mới” - UBND huyện: giá trị 800 triệu đồng.",
			want: map[string]string{"ngo_aid.projects": "1"}},
	})
}

// TestPrecisionTrapsProfile: figures of the profile said of another year,
// a change, a programme's households or another organisation.
func TestPrecisionTrapsProfile(t *testing.T) {
	runTraps(t, []trapCase{
		{name: "a change of households", profile: "Tổng số hộ toàn xã tăng 120 hộ so với năm 2023.",
			want: map[string]string{"profile.households": ""}},
		{name: "last year's population of the commune", profile: "Dân số toàn xã năm 2023 là 7.100 người.",
			want: map[string]string{"profile.population": ""}},
		{name: "a programme's households and people", profile: "Chương trình nước sạch nông thôn đã hỗ trợ 350 hộ, 1.400 người.",
			want: map[string]string{"profile.households": "", "profile.population": ""}},
		{name: "the poor households' fall and its rate", profile: "Hộ nghèo giảm 35 hộ; tỷ lệ giảm 2,1%.",
			want: map[string]string{"profile.poor_households": "", "profile.poor_households_rate_pct": ""}},
		{name: "youth union members in branches", profile: "Đoàn thanh niên có 412 đoàn viên sinh hoạt tại 18 chi đoàn.",
			want: map[string]string{"profile.party_members": "", "profile.party_cells": ""}},
		{name: "last year's income in a half-year's report", title: "6 tháng đầu năm 2025",
			profile: "Thu nhập bình quân đầu người năm 2024 đạt 48 triệu đồng.",
			want:    map[string]string{"profile.income_per_capita_vnd": ""}},
		{name: "the district's hamlets", profile: "Toàn huyện có 120 thôn, khối dân cư.",
			want: map[string]string{"profile.hamlets": ""}},
		{name: "the plan's poor households", profile: "Hộ nghèo: 247 hộ; kế hoạch năm 2025 giảm còn 200 hộ, tỷ lệ: 25,1%.",
			want: map[string]string{"profile.poor_households": "247", "profile.poor_households_rate_pct": ""}},
	})
}

// TestPrecisionTrapsTables: tables of periods with rows that are not the
// report's period.
func TestPrecisionTrapsTables(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "a running total row", results: sec +
			"Thời gian\tĐoàn ra (đoàn)\tĐoàn ra (người)\nNăm 2024\t02\t09\nLũy kế 2021 - 2024\t08\t40\n",
			want: map[string]string{"delegations.outbound.count": "2", "delegations.outbound.people": "9"}},
		{name: "the halves and last year, no total", results: sec +
			"Thời gian\tĐoàn ra (đoàn)\tĐoàn ra (người)\n6 tháng đầu năm 2024\t01\t05\n6 tháng cuối năm 2024\t02\t07\nCùng kỳ năm 2023\t04\t20\n",
			want: map[string]string{"delegations.outbound.count": "", "delegations.outbound.people": ""}},
		{name: "quarters and a plan row", results: sec +
			"Thời gian\tĐoàn ra (đoàn)\tĐoàn ra (người)\nQuý I/2024\t01\t05\nQuý II/2024\t01\t04\nKế hoạch năm 2024\t06\t30\n",
			want: map[string]string{"delegations.outbound.count": "", "delegations.outbound.people": ""}},
		{name: "bare years, a comparison column", profile: "Chỉ tiêu\t2023\t2024\tSo sánh (%)\nDân số\t7.100\t7.215\t101,6\n",
			want: map[string]string{"profile.population": "7215"}},
	})
}

// TestPrecisionTrapsMore: lists whose items give their people after a
// dash, tables with plan and last year's columns, the profile in a
// half-year's report.
func TestPrecisionTrapsMore(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "items whose people follow a dash", results: sec +
			"Đoàn ra gồm: 01 đoàn sang Lào – 05 người; 01 đoàn sang Trung Quốc – 04 người.",
			want: map[string]string{"delegations.outbound.count": "?2", "delegations.outbound.people": "?9"}},
		{name: "two alike counts of other people, in two sentences", results: sec +
			"Đoàn vào: tiếp 01 đoàn Đại sứ quán Úc (04 người). Ngoài ra tiếp 01 đoàn tổ chức JICA (05 người).",
			want: map[string]string{"delegations.inbound_foreign.count": "?2", "delegations.inbound_foreign.people": "?9"}},
		{name: "items each after a dash", results: sec +
			"Đoàn vào: - 01 đoàn Đại sứ quán Úc (04 người); - 01 đoàn tổ chức JICA (05 người).",
			want: map[string]string{"delegations.inbound_foreign.count": "?2", "delegations.inbound_foreign.people": "?9"}},
		{name: "a half of the year beside the year", results: sec +
			"Đoàn ra: cả năm xã cử 03 đoàn với 15 người sang Lào; riêng 6 tháng cuối năm 01 đoàn với 04 người.",
			want: map[string]string{"delegations.outbound.count": "?3", "delegations.outbound.people": "?15"}},
		{name: "a table with last year's and the plan's columns", results: sec +
			"Nội dung\tNăm 2023\tNăm 2024\tKế hoạch năm 2025\nĐoàn ra (đoàn)\t03\t01\t04\nĐoàn ra (người)\t15\t06\t20\n",
			want: map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?6"}},
		{name: "a table with a change column", results: sec +
			"Nội dung\tNăm 2024\tTăng, giảm so với năm 2023\nĐoàn vào nước ngoài (đoàn)\t02\t-1\nSố người\t12\t-4\n",
			want: map[string]string{"delegations.inbound_foreign.count": "?2", "delegations.inbound_foreign.people": "?12"}},
		{name: "a table of periods with a plan row first", results: sec +
			"Thời gian\tĐoàn vào nước ngoài (đoàn)\tSố người\nKế hoạch năm 2024\t05\t30\nThực hiện năm 2024\t03\t18\n",
			want: map[string]string{"delegations.inbound_foreign.count": "?3", "delegations.inbound_foreign.people": "?18"}},
		{name: "income in a half-year's report", title: "6 tháng đầu năm 2025",
			profile: "Thu nhập bình quân đầu người ước đạt 25 triệu đồng.",
			want:    map[string]string{"profile.income_per_capita_vnd": ""}},
		{name: "a profile table with last year and the plan", profile: "Chỉ tiêu\tĐVT\tNăm 2023\tNăm 2024\tKế hoạch 2025\nDân số\tngười\t7.100\t7.215\t7.300\nHộ nghèo\thộ\t250\t230\t200\n",
			want: map[string]string{"profile.population": "?7215", "profile.poor_households": "?230"}},
		{name: "the households of a programme in a profile table", profile: "Chỉ tiêu\tSố lượng\nSố hộ được hỗ trợ nhà ở\t35\nSố hộ sử dụng nước sạch\t1.150\n",
			want: map[string]string{"profile.households": ""}},
		{name: "party members of the youth in a table", profile: "Chỉ tiêu\tSố lượng\nChi đoàn\t18\nĐoàn viên\t412\n",
			want: map[string]string{"profile.party_cells": "", "profile.party_members": ""}},
		{name: "classes of the school", results: "8. Đào tạo, bồi dưỡng kiến thức đối ngoại\nTrường tiểu học có 12 lớp học tiếng Anh với 350 học sinh.",
			want: map[string]string{"training.courses": "", "training.officials_trained": ""}},
		{name: "an NGO project finished, in a table", results: "13. Viện trợ phi chính phủ nước ngoài\nTT\tTên dự án, nhà tài trợ\tKinh phí (triệu đồng)\tGhi chú\n1\tDự án “Cầu treo” - Tổ chức Bridges to Prosperity\t900\tĐã hoàn thành năm 2023\n2\tDự án “Nhà vệ sinh trường học” - Tổ chức Plan International\t300\tĐang triển khai\n",
			want: map[string]string{"ngo_aid.projects": "?1", "ngo_aid.projects[0].committed_vnd": "?300000000"}},
		{name: "a proposed project in a table", results: "13. Viện trợ phi chính phủ nước ngoài\nTT\tTên dự án, nhà tài trợ\tKinh phí (triệu đồng)\tGhi chú\n1\tDự án “Trạm y tế” - Tổ chức KOICA\t1.200\tĐang đề xuất, chưa được phê duyệt\n",
			want: map[string]string{"ngo_aid.projects": "?0", "ngo_aid.projects[0].committed_vnd": ""}},
	})
}

// TestPrecisionTrapsTablesBothWays: tables of periods and by column, as
// text and as .docx, whose rows or columns are another period, a change,
// a running total or a plan.
func TestPrecisionTrapsTablesBothWays(t *testing.T) {
	head := func(title string) string {
		return "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại " + title + "\nII. KẾT QUẢ\n1. Công tác đoàn ra, đoàn vào\n"
	}
	twoRows := [][]string{
		{"!Thời gian", "!>2 Đoàn ra", "!>2 Đoàn vào nước ngoài"},
		{"^", "Đoàn", "Người", "Đoàn", "Người"},
	}
	for _, tc := range []struct {
		name, title string
		rows        [][]string
		want        map[string]string
	}{
		{"last year, the year, the change", "năm 2024", append(twoRows[:2:2],
			[]string{"Năm 2023", "3", "15", "2", "10"}, []string{"Năm 2024", "1", "6", "4", "20"}, []string{"Tăng, giảm", "-2", "-9", "+2", "+10"}),
			map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?6", "delegations.inbound_foreign.count": "?4", "delegations.inbound_foreign.people": "?20"}},
		{"the halves with no total and a plan", "năm 2024", append(twoRows[:2:2],
			[]string{"6 tháng đầu năm 2024", "1", "6", "1", "5"}, []string{"6 tháng cuối năm 2024", "2", "5", "3", "15"}, []string{"Kế hoạch năm 2025", "4", "20", "5", "30"}),
			map[string]string{"delegations.outbound.count": "?3", "delegations.outbound.people": "?11", "delegations.inbound_foreign.count": "?4", "delegations.inbound_foreign.people": "?20"}},
		{"the year and the term's running total", "năm 2024", append(twoRows[:2:2],
			[]string{"Năm 2024", "2", "9", "1", "4"}, []string{"Lũy kế nhiệm kỳ 2021 - 2026", "10", "40", "6", "30"}),
			map[string]string{"delegations.outbound.count": "?2", "delegations.outbound.people": "?9", "delegations.inbound_foreign.count": "?1", "delegations.inbound_foreign.people": "?4"}},
		{"a half-year's report beside last year", "6 tháng đầu năm 2025", append(twoRows[:2:2],
			[]string{"Cả năm 2024", "3", "15", "2", "10"}, []string{"6 tháng đầu năm 2025", "1", "5", "0", "0"}),
			map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?5", "delegations.inbound_foreign.count": "?0"}},
		{"quarters of a year with no total", "năm 2024", append(twoRows[:2:2],
			[]string{"Quý I/2024", "1", "5", "0", "0"}, []string{"Quý II/2024", "1", "4", "1", "6"}, []string{"Quý III/2024", "0", "0", "2", "9"}),
			map[string]string{"delegations.outbound.count": "?2", "delegations.outbound.people": "?9", "delegations.inbound_foreign.count": "?3", "delegations.inbound_foreign.people": "?15"}},
		{"month columns of a half-year with no total", "6 tháng đầu năm 2025", [][]string{
			{"Nội dung", "Tháng 4", "Tháng 5", "Tháng 6"},
			{"Đoàn ra (đoàn)", "1", "0", "2"},
			{"Đoàn ra (người)", "5", "0", "8"}},
			map[string]string{"delegations.outbound.count": "?3", "delegations.outbound.people": "?13"}},
		{"residents by nationality with last year's row", "năm 2024", [][]string{
			{"Quốc tịch", "Người nước ngoài tạm trú (người)"},
			{"Hàn Quốc", "8"}, {"Trung Quốc", "4"}, {"Cộng", "12"}, {"Cùng kỳ năm 2023", "10"}},
			map[string]string{"consular.foreign_residents": "?12"}},
		{"a total and a part of its breakdown", "năm 2024", [][]string{
			{"!Người nước ngoài tạm trú (người)", "!>2 Trong đó"},
			{"^", "Hàn Quốc", "Trung Quốc"},
			{"15", "8", "4"}},
			map[string]string{"consular.foreign_residents": "?15"}},
	} {
		for kind, data := range map[string][]byte{"text": textTable(head(tc.title), tc.rows), "docx": tableDocx(head(tc.title), tc.rows)} {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				lines, _, err := Lines(data)
				if err != nil {
					t.Fatal(err)
				}
				got := foundValues(Read(lines))
				for k, v := range tc.want {
					if g, ok := got[k]; ok && g != strings.TrimPrefix(v, "?") {
						t.Errorf("%s read as %s, want %s or not read", k, g, v)
					}
				}
			})
		}
	}
}

// TestPrecisionTrapsProfileProse: the profile's wordings added this
// session, beside a change, another group, a part of the commune, a plan.
func TestPrecisionTrapsProfileProse(t *testing.T) {
	runTraps(t, []trapCase{
		{name: "the commune's population, a change", profile: "Dân số toàn xã tăng 94 người so với năm 2023.",
			want: map[string]string{"profile.population": ""}},
		{name: "an earlier year's mean population", title: "năm 2025", profile: "Dân số trung bình năm 2024 là 7.100 người.",
			want: map[string]string{"profile.population": ""}},
		{name: "a hamlet's households and people", profile: "Xã có 12 thôn. Thôn Bản Lìn có 120 hộ, 520 người, là thôn giáp biên.",
			want: map[string]string{"profile.households": "", "profile.population": ""}},
		{name: "the minorities' households and people", profile: "Toàn xã có 1.402 hộ, 5.786 người; đồng bào dân tộc thiểu số có 350 hộ, 1.400 người.",
			want: map[string]string{"profile.households": "?1402", "profile.population": "?5786"}},
		{name: "a rate after the near-poor households", profile: "Hộ nghèo: 247 hộ; hộ cận nghèo: 120 hộ; tỷ lệ: 12,5%.",
			want: map[string]string{"profile.poor_households": "?247", "profile.poor_households_rate_pct": "", "profile.near_poor_households": "?120", "profile.near_poor_households_rate_pct": "?12.5"}},
		{name: "a plan's income in a half-year's report", title: "6 tháng đầu năm 2025", profile: "Thu nhập bình quân đầu người năm 2025 phấn đấu đạt 60 triệu đồng.",
			want: map[string]string{"profile.income_per_capita_vnd": ""}},
		{name: "income and its rise", profile: "Thu nhập bình quân đầu người đạt 45 triệu đồng/người/năm, tăng 3 triệu đồng/người so với năm 2023.",
			want: map[string]string{"profile.income_per_capita_vnd": "?45000000"}},
		{name: "the share's change", profile: "Tỷ trọng nông nghiệp giảm 2,5% so với năm 2023.",
			want: map[string]string{"profile.economy_structure_pct.agriculture_forestry": ""}},
		{name: "cells of the hamlets among all", profile: "Đảng bộ xã có 18 chi bộ, trong đó 12 chi bộ thôn, với 412 đảng viên.",
			want: map[string]string{"profile.party_cells": "?18", "profile.party_members": "?412"}},
		{name: "party members admitted in the year", profile: "Trong năm kết nạp 12 đảng viên mới, nâng tổng số đảng viên lên 412 đồng chí.",
			want: map[string]string{"profile.party_members": "?412"}},
		{name: "hamlets and residential groups", profile: "Xã có 10 thôn; 25 tổ tự quản an ninh trật tự.",
			want: map[string]string{"profile.hamlets": "?10"}},
		{name: "poor households by the district", profile: "Toàn huyện còn 2.500 hộ nghèo, tỷ lệ 15,2%; xã còn 132 hộ nghèo.",
			want: map[string]string{"profile.poor_households": "?132", "profile.poor_households_rate_pct": ""}},
	})
}

// TestPrecisionTrapsProjectsProse: projects' values said in other words.
func TestPrecisionTrapsProjectsProse(t *testing.T) {
	const sec = "13. Viện trợ phi chính phủ nước ngoài\n"
	runTraps(t, []trapCase{
		{name: "the donor's part and the work's whole cost", results: sec +
			"Dự án “Đường liên thôn” do tổ chức World Vision tài trợ 300 triệu đồng; tổng mức đầu tư của công trình 1,2 tỷ đồng (gồm vốn đối ứng của xã).",
			want: map[string]string{"ngo_aid.projects": "?1", "ngo_aid.projects[0].committed_vnd": "?300000000"}},
		{name: "disbursed of the whole", results: sec +
			"Dự án “Nhà văn hóa” do tổ chức Plan International tài trợ, đã giải ngân 200 triệu đồng trên tổng số 500 triệu đồng.",
			want: map[string]string{"ngo_aid.projects[0].committed_vnd": "?500000000", "ngo_aid.projects[0].disbursed_vnd": "?200000000"}},
		{name: "the count label of the projects ended", results: sec +
			"- Số dự án đã kết thúc: 02\n- Số dự án đang triển khai: 01",
			want: map[string]string{"ngo_aid.projects": "?1"}},
		{name: "projects of the district", results: sec +
			"Trên địa bàn huyện có 15 dự án phi chính phủ nước ngoài; xã có 01 dự án “Bếp ăn bán trú” do tổ chức Plan International tài trợ.",
			want: map[string]string{"ngo_aid.projects": "?1"}},
		{name: "a footnote of the whole programme", results: sec +
			"Xã tiếp nhận 01 dự án “Nước sạch” do tổ chức World Vision tài trợ3.\n3 Tổng kinh phí của chương trình toàn tỉnh giai đoạn 2021 - 2025 là 50 tỷ đồng.",
			want: map[string]string{"ngo_aid.projects": "?1", "ngo_aid.projects[0].committed_vnd": ""}},
	})
}

// TestPrecisionTrapsOtherParts: the plan's part, a section's words in
// another sense, citizens counted in other ways.
func TestPrecisionTrapsOtherParts(t *testing.T) {
	runTraps(t, []trapCase{
		{name: "the plan's part tells of delegations", results: "1. Công tác đoàn ra, đoàn vào\nĐoàn ra: không có. Đoàn vào: tiếp 01 đoàn nước ngoài với 04 người.\n" +
			"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\nTổ chức 02 đoàn ra sang Lào với 12 người; đón 03 đoàn vào nước ngoài.",
			want: map[string]string{"delegations.outbound.count": "0", "delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": "?4"}},
		{name: "the plan's part, no heading number", results: "1. Công tác đoàn ra, đoàn vào\nĐoàn vào: tiếp 01 đoàn nước ngoài với 04 người.\n" +
			"Phương hướng năm 2025\nXây dựng kế hoạch đón 03 đoàn vào nước ngoài và tổ chức 02 đoàn ra.",
			want: map[string]string{"delegations.outbound.count": "", "delegations.inbound_foreign.count": "1"}},
		{name: "women of the commune married abroad", results: "6. Công tác lãnh sự, quản lý người nước ngoài\nTrong năm có 06 phụ nữ của xã kết hôn với người nước ngoài (Trung Quốc, Hàn Quốc).",
			want: map[string]string{"consular.foreign_residents": ""}},
		{name: "foreigners residing counted by stays", results: "6. Công tác lãnh sự, quản lý người nước ngoài\nTrong năm có 45 lượt người nước ngoài đăng ký tạm trú trên địa bàn xã.",
			want: map[string]string{"consular.foreign_residents": ""}},
		{name: "workers who came home", results: "9. Người Việt Nam ở nước ngoài\nTrong năm có 12 lao động đi làm việc ở nước ngoài đã hết hạn hợp đồng về nước.",
			want: map[string]string{"overseas_vietnamese.labor_export_workers": ""}},
		{name: "people advised on work abroad", results: "9. Người Việt Nam ở nước ngoài\nTư vấn cho 150 lượt người dân về đi làm việc ở nước ngoài theo hợp đồng.",
			want: map[string]string{"overseas_vietnamese.labor_export_workers": ""}},
		{name: "nominations dated, in the awards section", results: "11. Khen thưởng của nước ngoài\nKhông có.\n12. Kiến nghị khen thưởng\nTháng 5/2024, xã đề nghị tỉnh tặng Bằng khen cho 02 tập thể.",
			want: map[string]string{"foreign_awards_received.count": "?0"}},
		{name: "an agreement of an earlier year still carried out", results: "2. Thỏa thuận quốc tế\n- Thỏa thuận hợp tác với bản Na Son (Lào) ký năm 2022 tiếp tục được thực hiện.",
			want: map[string]string{"international_agreements.count": "?0"}},
		{name: "a short line naming a section inside the profile", profile: "Xã có 1.402 hộ.\nKhen thưởng\nNăm 2024 xã có 15 tập thể, 40 cá nhân được khen thưởng trong phong trào thi đua.",
			want: map[string]string{"foreign_awards_received.count": "", "award_nominations.count": ""}},
	})
}

// TestPrecisionTrapsProfileTables: tables of the profile and of projects,
// as text and as .docx, whose columns or rows are a plan, another year, a
// change or a part of the commune.
func TestPrecisionTrapsProfileTables(t *testing.T) {
	const profHead = "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	const ngoHead = "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n13. Viện trợ phi chính phủ nước ngoài\n"
	runTableTraps(t, []tableTrap{
		{"a plan and done under the year", profHead, [][]string{
			{"!Chỉ tiêu", "!ĐVT", "!>2 Năm 2024"},
			{"^", "^", "Kế hoạch", "Thực hiện"},
			{"Dân số", "người", "7.300", "7.215"},
			{"Hộ nghèo", "hộ", "120", "132"}},
			map[string]string{"profile.population": "?7215", "profile.poor_households": "?132"}},
		{"a change column", profHead, [][]string{
			{"Chỉ tiêu", "Số lượng", "Tăng, giảm so với cùng kỳ"},
			{"Số hộ", "1.402", "25"},
			{"Dân số", "5.786", "94"}},
			map[string]string{"profile.households": "?1402", "profile.population": "?5786"}},
		{"the hamlets one by one", profHead, [][]string{
			{"Thôn", "Số hộ", "Số khẩu"},
			{"Thôn Nà Lạn", "120", "520"},
			{"Thôn Bản Lìn", "95", "410"}},
			map[string]string{"profile.households": "", "profile.population": "", "profile.hamlets": "?2"}},
		{"years laid out across", profHead, [][]string{
			{"Năm", "Số hộ", "Số khẩu", "Hộ nghèo"},
			{"Năm 2023", "1.380", "5.692", "150"},
			{"Năm 2024", "1.402", "5.786", "132"}},
			map[string]string{"profile.households": "?1402", "profile.population": "?5786", "profile.poor_households": "?132"}},
		{"projects with a running total row", ngoHead, [][]string{
			{"TT", "Tên dự án, nhà tài trợ", "Giá trị cam kết (triệu đồng)", "Giải ngân (triệu đồng)"},
			{"1", "Dự án “Bếp ăn bán trú” - Tổ chức Plan International", "450", "300"},
			{"", "Lũy kế các dự án từ năm 2015", "5.000", "4.200"}},
			map[string]string{"ngo_aid.projects": "?1", "ngo_aid.projects[0].committed_vnd": "?450000000", "ngo_aid.projects[1].committed_vnd": ""}},
		{"projects with last year's disbursed column", ngoHead, [][]string{
			{"TT", "Tên dự án, nhà tài trợ", "Giá trị cam kết (triệu đồng)", "Giải ngân năm 2023 (triệu đồng)", "Giải ngân năm 2024 (triệu đồng)"},
			{"1", "Dự án “Bếp ăn bán trú” - Tổ chức Plan International", "450", "100", "300"}},
			map[string]string{"ngo_aid.projects[0].committed_vnd": "?450000000", "ngo_aid.projects[0].disbursed_vnd": "?300000000"}},
	})
}

// TestPrecisionTrapsListsAndLabels: dated items that are no delegations,
// a label of people that is not theirs, awards proposed under the
// received heading.
func TestPrecisionTrapsListsAndLabels(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "a dated training at the province in the outbound list", results: sec +
			"Đoàn ra:\n+ Tháng 3/2024: đoàn cán bộ xã sang Lào dự lễ hội (06 người).\n+ Tháng 10/2024: cán bộ xã dự tập huấn tại tỉnh (03 người).",
			want: map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?6"}},
		{name: "a dated meeting at home in the inbound list", results: sec +
			"Đoàn vào:\n- Ngày 12/3/2024: đoàn Đại sứ quán Úc thăm trường tiểu học (04 người).\n- Ngày 20/5/2024: họp dân thôn Nà Lạn về công tác biên giới (45 người).",
			want: map[string]string{"delegations.inbound_foreign.count": "?1", "delegations.inbound_foreign.people": "?4"}},
		{name: "residents' people labelled after the count", results: sec +
			"Đoàn vào: tiếp 02 đoàn nước ngoài; số người nước ngoài tạm trú: 11 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": ""}},
		{name: "the year's people after a count of another kind", results: sec +
			"Đoàn vào: tiếp 02 đoàn nước ngoài, 05 đoàn trong nước; tổng số khách đến tham quan trong năm 15.000 người.",
			want: map[string]string{"delegations.inbound_foreign.people": "", "delegations.inbound_domestic.people": ""}},
		{name: "an award proposed under the received heading", results: "11. Khen thưởng của nước ngoài\nTháng 5/2024, xã đề nghị Chủ tịch nước tặng Huân chương Hữu nghị cho 01 chuyên gia Lào.",
			want: map[string]string{"foreign_awards_received.count": "?0"}},
		{name: "an award dated, given to the province", results: "11. Khen thưởng của nước ngoài\nTháng 5/2024, Nhà nước Lào tặng Huân chương Hữu nghị cho tỉnh; xã không nhận được hình thức khen thưởng nào.",
			want: map[string]string{"foreign_awards_received.count": "?0"}},
		{name: "a heading with its content, the province's conference", results: "2, 3. Thỏa thuận quốc tế, hội nghị quốc tế. Trong kỳ, xã không ký kết thỏa thuận quốc tế; tỉnh tổ chức 02 hội nghị quốc tế, xã cử 03 cán bộ tham dự.",
			want: map[string]string{"international_agreements.count": "0", "international_conferences.count": "?0"}},
		{name: "nominations of last year", results: "12. Kiến nghị khen thưởng\nNăm 2023 xã đề nghị tặng Bằng khen cho 02 nghệ nhân; năm 2024 không đề nghị.",
			want: map[string]string{"award_nominations.count": "?0"}},
	})
}

// TestPrecisionTrapsLeadsAndHeadings: a lead's group carried too far, the
// plan's part numbered in words, a heading's content of another year.
func TestPrecisionTrapsLeadsAndHeadings(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "an official who went with the district's delegation", results: sec +
			"Đoàn ra: Không. Đoàn vào: tiếp 02 đoàn nước ngoài. Ngoài ra, xã cử 01 cán bộ đi Lào theo đoàn của huyện.",
			want: map[string]string{"delegations.outbound.count": "0", "delegations.inbound_foreign.count": "2"}},
		{name: "a list's items, one of last December", results: sec +
			"Đoàn ra gồm: 01 đoàn sang Lào (05 người); 01 đoàn tháng 12/2023 sang Trung Quốc (04 người).",
			want: map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?5"}},
		{name: "the breakdown's items, then another kind", results: sec +
			"Đoàn vào: 09 đoàn nước ngoài, trong đó:\n+ 05 đoàn doanh nghiệp Hàn Quốc;\n+ 04 đoàn Nhật Bản.\nĐoàn trong nước: tiếp 06 đoàn.",
			want: map[string]string{"delegations.inbound_foreign.count": "9", "delegations.inbound_domestic.count": "?6"}},
		{name: "the plan numbered in words", results: sec + "Đoàn vào: tiếp 01 đoàn nước ngoài với 04 người.\n" +
			"III. PHƯƠNG HƯỚNG NHIỆM VỤ\nThứ nhất, tiếp tục làm tốt công tác đoàn ra, đoàn vào; phấn đấu đón 03 đoàn nước ngoài.",
			want: map[string]string{"delegations.inbound_foreign.count": "1"}},
		{name: "a heading's content of last year", results: "1. Đoàn ra, đoàn vào. Năm 2023 xã tiếp 05 đoàn nước ngoài; năm 2024 tiếp 02 đoàn nước ngoài với 10 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "?2", "delegations.inbound_foreign.people": "?10"}},
		{name: "the sub-heading's kind and a clause of the other", results: sec +
			"a) Đoàn vào\nTrong năm tiếp 02 đoàn nước ngoài với 09 người. Xã cũng cử 01 đoàn 05 người sang Lào dự lễ hội.",
			want: map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "9", "delegations.outbound.count": "?1"}},
		{name: "the youth union's members and the visitors", results: sec +
			"Đoàn vào: Đoàn thanh niên xã với 40 đoàn viên phối hợp đón 01 đoàn nước ngoài gồm 06 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": "?6"}},
		{name: "hamlets of the plan", profile: "Xã có 12 thôn; dự kiến sáp nhập còn 8 thôn vào năm 2025.",
			want: map[string]string{"profile.hamlets": "?12"}},
		{name: "the members before their cells, of the district", profile: "Toàn huyện có 5.200 đảng viên sinh hoạt tại 180 chi bộ; Đảng bộ xã có 412 đảng viên.",
			want: map[string]string{"profile.party_cells": "", "profile.party_members": "?412"}},
	})
}

// TestPrecisionTrapsProjectLists: lists of projects with one that ended or
// is only proposed, the commune's share, a proposal with its amount.
func TestPrecisionTrapsProjectLists(t *testing.T) {
	const sec = "13. Viện trợ phi chính phủ nước ngoài\n"
	runTraps(t, []trapCase{
		{name: "a counted list with one that ended", results: sec +
			"Trên địa bàn xã có 02 dự án:\n- Dự án “Bếp ăn bán trú” - Tổ chức Plan International: 300 triệu đồng.\n- Dự án “Cầu treo” - Tổ chức Bridges to Prosperity (đã kết thúc năm 2023): 900 triệu đồng.",
			want: map[string]string{"ngo_aid.projects[1].committed_vnd": ""}},
		{name: "the lines under a project, the commune's share last", results: sec +
			"Dự án “Nước sạch cho trường học”\n- Nhà tài trợ: Tổ chức World Vision\n- Tổng kinh phí: 500 triệu đồng\n- Kinh phí đối ứng của xã: 100 triệu đồng",
			want: map[string]string{"ngo_aid.projects": "?1", "ngo_aid.projects[0].committed_vnd": "?500000000"}},
		{name: "a proposal with its amount", results: sec +
			"Trong năm không có dự án viện trợ. Xã có đề xuất 01 dự án “Trạm y tế” do tổ chức KOICA tài trợ với kinh phí 2 tỷ đồng, đang chờ tỉnh thẩm định.",
			want: map[string]string{"ngo_aid.projects": "?0", "ngo_aid.projects[0].committed_vnd": ""}},
		{name: "a value only in dollars", results: sec +
			"Dự án “Thư viện xanh” do tổ chức Room to Read tài trợ, giá trị 20.000 USD.",
			want: map[string]string{"ngo_aid.projects[0].committed_vnd": ""}},
		{name: "the whole programme's cost beside the commune's part", results: sec +
			"Dự án “Sinh kế bền vững” do tổ chức Oxfam tài trợ cho 05 xã của huyện với tổng kinh phí 3 tỷ đồng; phần của xã 450 triệu đồng.",
			want: map[string]string{"ngo_aid.projects[0].committed_vnd": "?450000000"}},
		{name: "two years' disbursed, the year's first", results: sec +
			"Dự án “Bếp ăn bán trú” do tổ chức Plan International tài trợ 450 triệu đồng; năm 2023 giải ngân 150 triệu đồng.",
			want: map[string]string{"ngo_aid.projects[0].disbursed_vnd": ""}},
	})
}

// TestPrecisionTrapsTableLabels: rows and captions whose words make the
// figure another: a month's income, farmland, another period's caption,
// a table across with last year's row.
func TestPrecisionTrapsTableLabels(t *testing.T) {
	const profHead = "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	const delHead = "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Công tác đoàn ra, đoàn vào\n"
	const conHead = "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n6. Quản lý người nước ngoài\n"
	runTableTraps(t, []tableTrap{
		{"a month's income, farmland", profHead, [][]string{
			{"Chỉ tiêu", "Số liệu"},
			{"Thu nhập bình quân (triệu đồng/người/tháng)", "4,5"},
			{"Diện tích đất nông nghiệp (ha)", "1.250"},
			{"Diện tích đất lâm nghiệp (ha)", "3.400"}},
			map[string]string{"profile.income_per_capita_vnd": "", "profile.area_ha": ""}},
		{"across, with last year's row", delHead, [][]string{
			{"!Thời gian", "!>2 Đoàn ra", "!>2 Đoàn vào"},
			{"^", "Đoàn", "Người", "Đoàn", "Người"},
			{"Cùng kỳ năm 2023", "3", "15", "2", "10"},
			{"Năm 2024", "1", "6", "4", "20"}},
			map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?6"}},
		{"a total and its parts under last year's caption", conHead + "Người nước ngoài tạm trú cùng kỳ năm 2023:\n", [][]string{
			{"!Tổng số", "!>2 Trong đó"},
			{"^", "Hàn Quốc", "Trung Quốc"},
			{"15", "8", "7"}},
			map[string]string{"consular.foreign_residents": ""}},
		{"poor households with their rate, two years", profHead, [][]string{
			{"Năm", "Hộ nghèo (tỷ lệ)", "Hộ cận nghèo (tỷ lệ)"},
			{"Năm 2023", "45 (3,2%)", "60 (4,3%)"},
			{"Năm 2024", "38 (2,7%)", "52 (3,7%)"}},
			map[string]string{"profile.poor_households": "?38", "profile.poor_households_rate_pct": "?2.7", "profile.near_poor_households": "?52"}},
	})
}

// TestPrecisionTrapsNone: "không" said of a part, a kind or a half, beside
// a figure of the whole.
func TestPrecisionTrapsNone(t *testing.T) {
	runTraps(t, []trapCase{
		{name: "none in the first half, one in the second", results: "1. Công tác đoàn ra, đoàn vào\nĐoàn ra: 6 tháng đầu năm không có đoàn ra; 6 tháng cuối năm cử 01 đoàn với 05 người sang Lào.",
			want: map[string]string{"delegations.outbound.count": "?1", "delegations.outbound.people": "?5"}},
		{name: "no new project, one carried on", results: "13. Viện trợ phi chính phủ nước ngoài\nKhông có dự án mới; dự án “Bếp ăn bán trú” do tổ chức Plan International tài trợ (chuyển tiếp từ năm 2023) tiếp tục triển khai, kinh phí 450 triệu đồng.",
			want: map[string]string{"ngo_aid.projects": "?1"}},
		{name: "none for long, some for short", results: "6. Quản lý người nước ngoài\nKhông có người nước ngoài tạm trú dài hạn; có 03 người nước ngoài tạm trú ngắn hạn.",
			want: map[string]string{"consular.foreign_residents": "?3"}},
		{name: "no new workers, many abroad", results: "9. Người Việt Nam ở nước ngoài\nTrong năm không có lao động mới đi làm việc ở nước ngoài; hiện có 41 lao động đang làm việc ở nước ngoài.",
			want: map[string]string{"overseas_vietnamese.labor_export_workers": "?41"}},
		{name: "no course of its own, officials sent", results: "8. Đào tạo, bồi dưỡng kiến thức đối ngoại\nXã không tổ chức lớp bồi dưỡng riêng; cử 03 cán bộ tham gia 01 lớp bồi dưỡng do huyện tổ chức.",
			want: map[string]string{"training.officials_trained": "?3", "training.courses": "?1"}},
		{name: "no foreign delegation, domestic ones", results: "1. Công tác đoàn ra, đoàn vào\nĐoàn vào: không có đoàn nước ngoài; tiếp 05 đoàn trong nước với 40 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "?0", "delegations.inbound_domestic.count": "?5", "delegations.inbound_domestic.people": "?40"}},
	})
}

// TestPrecisionTrapsVisitors: tourists and visits are no delegations nor
// their people.
func TestPrecisionTrapsVisitors(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "tourists alone", results: sec + "Trong năm có 1.200 lượt khách du lịch nước ngoài đến tham quan, trải nghiệm tại xã.",
			want: map[string]string{"delegations.inbound_foreign.count": "", "delegations.inbound_foreign.people": ""}},
		{name: "delegations, then tourists", results: sec + "Đoàn vào: tiếp 02 đoàn nước ngoài; ngoài ra có 1.200 lượt khách du lịch nước ngoài đến tham quan.",
			want: map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": ""}},
		{name: "traders across the border", results: sec + "Đoàn vào: không có. Có 350 lượt cư dân biên giới Lào sang trao đổi hàng hóa tại chợ biên giới.",
			want: map[string]string{"delegations.inbound_foreign.count": "0", "delegations.inbound_foreign.people": "?0"}},
		{name: "officials' trips counted by visits", results: sec + "Đoàn ra: cán bộ xã có 04 lượt sang Lào phối hợp tuần tra biên giới.",
			want: map[string]string{"delegations.outbound.count": "", "delegations.outbound.people": ""}},
	})
}

// TestPrecisionTrapsTroubles: the difficulties part numbered in words or
// by a short line tells of figures that are not the results.
func TestPrecisionTrapsTroubles(t *testing.T) {
	runTraps(t, []trapCase{
		{name: "difficulties numbered in words", results: "1. Công tác đoàn ra, đoàn vào\nĐoàn vào: tiếp 01 đoàn nước ngoài với 04 người.\n" +
			"III. KHÓ KHĂN, VƯỚNG MẮC\nThứ nhất, công tác quản lý đoàn ra, đoàn vào còn hạn chế: năm 2023 có 02 đoàn nước ngoài vào xã không báo cáo.",
			want: map[string]string{"delegations.inbound_foreign.count": "1", "delegations.inbound_foreign.people": "?4"}},
		{name: "a short line naming the section in the recommendations", results: "1. Công tác đoàn ra, đoàn vào\nĐoàn vào: tiếp 01 đoàn nước ngoài.\n" +
			"IV. KIẾN NGHỊ, ĐỀ XUẤT\nĐoàn ra, đoàn vào\nĐề nghị huyện hướng dẫn thủ tục đón 03 đoàn nước ngoài dự kiến vào năm 2025.",
			want: map[string]string{"delegations.inbound_foreign.count": "1"}},
	})
}

// TestPrecisionTrapsLabelsInProse: a heading that is a label of another
// year, the people of a course for the people, courses said in the
// plural, the majority's share.
func TestPrecisionTrapsLabelsInProse(t *testing.T) {
	runTraps(t, []trapCase{
		{name: "a heading labelling last year's figure", results: "3. Số hội nghị, hội thảo quốc tế tổ chức năm 2023: 02",
			want: map[string]string{"international_conferences.count": ""}},
		{name: "the people of a course for the people", results: "8. Đào tạo, bồi dưỡng kiến thức đối ngoại\nTổ chức 01 lớp tập huấn về phòng chống mua bán người cho nhân dân; số người tham gia: 85 người.",
			want: map[string]string{"training.officials_trained": ""}},
		{name: "courses in the plural", results: "8. Đào tạo, bồi dưỡng kiến thức đối ngoại\nCán bộ xã tham gia các hội nghị tập huấn do huyện tổ chức.",
			want: map[string]string{"training.courses": ""}},
		{name: "the majority's share", profile: "Trên địa bàn có 3 dân tộc, dân tộc Kinh chiếm 60%, còn lại là Tày, Nùng.",
			want: map[string]string{"profile.ethnic_minority_share_pct": "?40"}},
		{name: "the share, then last year's", profile: "Tỷ trọng nông nghiệp 45%; năm 2023 là 48%.",
			want: map[string]string{"profile.economy_structure_pct.agriculture_forestry": "?45"}},
	})
}

// TestPrecisionTrapsBreakdowns: a total with the people of one part, a
// part of another kind, a part said of the province.
func TestPrecisionTrapsBreakdowns(t *testing.T) {
	const sec = "1. Công tác đoàn ra, đoàn vào\n"
	runTraps(t, []trapCase{
		{name: "the total's people, then a part's", results: sec +
			"Đoàn vào: tiếp 05 đoàn nước ngoài với 30 người, trong đó 02 đoàn của tỉnh Hủa Phăn (Lào) với 12 người.",
			want: map[string]string{"delegations.inbound_foreign.count": "5", "delegations.inbound_foreign.people": "30"}},
		{name: "a total, a part by its kind of work", results: sec +
			"Đoàn vào: tiếp 07 đoàn, trong đó 03 đoàn doanh nghiệp.",
			want: map[string]string{"delegations.inbound_foreign.count": "", "delegations.inbound_domestic.count": ""}},
		{name: "the commune's and the province's in one sentence", results: sec +
			"Đoàn vào: xã phối hợp đón 02 đoàn nước ngoài trong tổng số 14 đoàn nước ngoài của tỉnh đến thăm.",
			want: map[string]string{"delegations.inbound_foreign.count": "?2"}},
		{name: "the people in visits, the delegations", results: sec +
			"Đoàn ra: 02 đoàn với 11 người, tổng cộng 25 lượt người qua lại biên giới.",
			want: map[string]string{"delegations.outbound.count": "2", "delegations.outbound.people": "?11"}},
	})
}
