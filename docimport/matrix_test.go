package docimport

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// The precision matrix: every figure the reader fills, each in its usual
// sentence of its usual section, said with each modality that makes it
// not the period's figure — another period, an aim, a change, another
// area, an unknown, a range, a percentage of the plan. The sentence
// without the modality must read the figure (so the cell proves the
// refusal, not a sentence the reader never reads); with it, the figure
// must not be read (null, or unresolved). The wording is invented.

// matrixIndicator is one figure: the section's heading ("" for the
// profile), its sentence — {S} the subject (the commune), {F} the figure's
// words, {N} in them the number — and how a change, an unknown or a plan
// names it.
type matrixIndicator struct {
	field, want string
	heading     string
	sentence    string // with {S} and {F}
	subject     string // "xã", "của xã" … what another area replaces
	figure      string // with {N}
	num, rng    string // the number and a range of its kind
	noun        string // "số hộ của xã": the subject of a change or an unknown
	unit        string // the unit after a change's number
}

// matrixModality makes the sentence of an indicator say a figure that is
// not the period's.
type matrixModality struct {
	name  string
	title string // the report's period words, "" for "năm 2024"
	say   func(ind matrixIndicator) string
}

func (ind matrixIndicator) render(subject, num string) string {
	f := strings.ReplaceAll(ind.figure, "{N}", num)
	s := strings.ReplaceAll(ind.sentence, "{F}", f)
	return strings.ReplaceAll(s, "{S}", subject)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// matrixDoc is a report of the title's period with the indicator's
// sentence in its section.
func matrixDoc(ind matrixIndicator, title, text string) string {
	if title == "" {
		title = "năm 2024"
	}
	if ind.heading == "" {
		return trapDoc(title, text, "")
	}
	return trapDoc(title, "", ind.heading+"\n"+text)
}

var matrixIndicators = []matrixIndicator{
	// The profile.
	{field: "profile.area_ha", want: "3456.7", sentence: "{S} có diện tích tự nhiên {F}.", subject: "xã",
		figure: "{N} ha", num: "3.456,7", rng: "3.400–3.500", noun: "diện tích tự nhiên của xã", unit: "ha"},
	{field: "profile.hamlets", want: "14", sentence: "{S} có {F}.", subject: "xã",
		figure: "{N} thôn", num: "14", rng: "14–16", noun: "số thôn của xã", unit: "thôn"},
	{field: "profile.households", want: "1234", sentence: "{S} có tổng số {F}.", subject: "xã",
		figure: "{N} hộ", num: "1.234", rng: "1.200–1.300", noun: "số hộ của xã", unit: "hộ"},
	{field: "profile.population", want: "5321", sentence: "Dân số của {S} là {F}.", subject: "xã",
		figure: "{N} người", num: "5.321", rng: "5.000–5.500", noun: "dân số của xã", unit: "người"},
	{field: "profile.ethnic_minority_share_pct", want: "62.5", sentence: "Đồng bào dân tộc thiểu số của {S} chiếm {F} dân số.", subject: "xã",
		figure: "{N}%", num: "62,5", rng: "60–65", noun: "tỷ lệ đồng bào dân tộc thiểu số", unit: "%"},
	{field: "profile.party_cells", want: "18", sentence: "Đảng bộ {S} có {F}.", subject: "xã",
		figure: "{N} chi bộ", num: "18", rng: "18–20", noun: "số chi bộ của Đảng bộ xã", unit: "chi bộ"},
	{field: "profile.party_members", want: "412", sentence: "Đảng bộ {S} có {F}.", subject: "xã",
		figure: "{N} đảng viên", num: "412", rng: "400–420", noun: "số đảng viên của Đảng bộ xã", unit: "đảng viên"},
	{field: "profile.poor_households", want: "87", sentence: "{S} có {F}.", subject: "xã",
		figure: "{N} hộ nghèo", num: "87", rng: "80–90", noun: "số hộ nghèo của xã", unit: "hộ"},
	{field: "profile.poor_households_rate_pct", want: "7.05", sentence: "Tỷ lệ hộ nghèo của {S} là {F}.", subject: "xã",
		figure: "{N}%", num: "7,05", rng: "7–8", noun: "tỷ lệ hộ nghèo của xã", unit: "%"},
	{field: "profile.near_poor_households", want: "65", sentence: "{S} có {F}.", subject: "xã",
		figure: "{N} hộ cận nghèo", num: "65", rng: "60–70", noun: "số hộ cận nghèo của xã", unit: "hộ"},
	{field: "profile.near_poor_households_rate_pct", want: "5.27", sentence: "Tỷ lệ hộ cận nghèo của {S} là {F}.", subject: "xã",
		figure: "{N}%", num: "5,27", rng: "5–6", noun: "tỷ lệ hộ cận nghèo của xã", unit: "%"},
	{field: "profile.income_per_capita_vnd", want: "48600000", sentence: "{S} có thu nhập bình quân đầu người đạt {F}.", subject: "xã",
		figure: "{N} triệu đồng", num: "48,6", rng: "45–50", noun: "thu nhập bình quân đầu người của xã", unit: "triệu đồng"},
	{field: "profile.economy_structure_pct.agriculture_forestry", want: "45", sentence: "Cơ cấu kinh tế của {S}: nông, lâm nghiệp {F}; công nghiệp, dịch vụ, du lịch 40%; khác 15%.", subject: "xã",
		figure: "{N}%", num: "45", rng: "40–45", noun: "tỷ trọng nông, lâm nghiệp của xã", unit: "%"},
	{field: "profile.economy_structure_pct.industry_services_tourism", want: "40", sentence: "Cơ cấu kinh tế của {S}: nông, lâm nghiệp 45%; công nghiệp, dịch vụ, du lịch {F}; khác 15%.", subject: "xã",
		figure: "{N}%", num: "40", rng: "35–40", noun: "tỷ trọng công nghiệp, dịch vụ, du lịch của xã", unit: "%"},

	// Delegations.
	{field: "delegations.outbound.count", want: "3", heading: "1. Công tác đoàn ra, đoàn vào", sentence: "Đoàn ra: {S} cử {F} sang Lào trao đổi kinh nghiệm.", subject: "xã",
		figure: "{N} đoàn với 17 người", num: "03", rng: "03–04", noun: "số đoàn ra của xã", unit: "đoàn"},
	{field: "delegations.outbound.people", want: "17", heading: "1. Công tác đoàn ra, đoàn vào", sentence: "Đoàn ra: {S} cử {F} sang Lào trao đổi kinh nghiệm.", subject: "xã",
		figure: "03 đoàn với {N} người", num: "17", rng: "15–20", noun: "số người đi công tác nước ngoài của xã", unit: "người"},
	{field: "delegations.inbound_domestic.count", want: "5", heading: "1. Công tác đoàn ra, đoàn vào", sentence: "Đoàn vào: {S} đón {F} đến làm việc.", subject: "xã",
		figure: "{N} đoàn trong nước với 42 người", num: "05", rng: "05–06", noun: "số đoàn trong nước đến xã", unit: "đoàn"},
	{field: "delegations.inbound_domestic.people", want: "42", heading: "1. Công tác đoàn ra, đoàn vào", sentence: "Đoàn vào: {S} đón {F} đến làm việc.", subject: "xã",
		figure: "05 đoàn trong nước với {N} người", num: "42", rng: "40–45", noun: "số khách trong nước đến làm việc với xã", unit: "người"},
	{field: "delegations.inbound_foreign.count", want: "2", heading: "1. Công tác đoàn ra, đoàn vào", sentence: "Đoàn vào: {S} đón {F} đến thăm và làm việc.", subject: "xã",
		figure: "{N} đoàn nước ngoài với 9 người", num: "02", rng: "02–03", noun: "số đoàn nước ngoài đến xã", unit: "đoàn"},
	{field: "delegations.inbound_foreign.people", want: "9", heading: "1. Công tác đoàn ra, đoàn vào", sentence: "Đoàn vào: {S} đón {F} đến thăm và làm việc.", subject: "xã",
		figure: "02 đoàn nước ngoài với {N} người", num: "9", rng: "8–10", noun: "số khách nước ngoài đến làm việc với xã", unit: "người"},

	// Agreements, conferences.
	{field: "international_agreements.count", want: "2", heading: "2. Ký kết và thực hiện thỏa thuận quốc tế", sentence: "{S} ký kết {F} với huyện bạn.", subject: "xã",
		figure: "{N} thỏa thuận quốc tế", num: "02", rng: "02–03", noun: "số thỏa thuận quốc tế của xã", unit: "thỏa thuận"},
	{field: "international_conferences.count", want: "1", heading: "3. Tổ chức hội nghị, hội thảo quốc tế", sentence: "{S} tổ chức {F} về phát triển du lịch cộng đồng.", subject: "xã",
		figure: "{N} hội thảo quốc tế", num: "01", rng: "01–02", noun: "số hội nghị, hội thảo quốc tế của xã", unit: "hội thảo"},

	// NGO aid.
	{field: "ngo_aid.projects", want: "1", heading: "5. Đối ngoại nhân dân, viện trợ phi chính phủ nước ngoài", sentence: "Trên địa bàn {S} triển khai {F} do tổ chức Good Neighbors tài trợ.", subject: "xã",
		figure: "{N} dự án “Nhà văn hóa cộng đồng”", num: "01", rng: "01–02", noun: "số dự án phi chính phủ nước ngoài của xã", unit: "dự án"},
	{field: "ngo_aid.projects[0].committed_vnd", want: "750000000", heading: "5. Đối ngoại nhân dân, viện trợ phi chính phủ nước ngoài", sentence: "Trên địa bàn {S} triển khai 01 dự án “Nhà văn hóa cộng đồng” do tổ chức Good Neighbors tài trợ, tổng kinh phí {F}.", subject: "xã",
		figure: "{N} triệu đồng", num: "750", rng: "700–800", noun: "kinh phí viện trợ phi chính phủ nước ngoài của xã", unit: "triệu đồng"},

	// Consular, overseas.
	{field: "consular.foreign_residents", want: "6", heading: "8. Công tác lãnh sự, bảo hộ công dân", sentence: "Trên địa bàn {S} có {F} đăng ký tạm trú.", subject: "xã",
		figure: "{N} người nước ngoài", num: "06", rng: "06–08", noun: "số người nước ngoài tạm trú trên địa bàn xã", unit: "người"},
	{field: "consular.foreigner_incidents", want: "2", heading: "8. Công tác lãnh sự, bảo hộ công dân", sentence: "Trên địa bàn {S} xảy ra {F} liên quan đến người nước ngoài.", subject: "xã",
		figure: "{N} vụ việc", num: "02", rng: "02–03", noun: "số vụ việc liên quan đến người nước ngoài trên địa bàn xã", unit: "vụ"},
	{field: "consular.citizens_exited", want: "83", heading: "8. Công tác lãnh sự, bảo hộ công dân", sentence: "Trên địa bàn {S} có {F} xuất cảnh đi Lào.", subject: "xã",
		figure: "{N} lượt công dân", num: "83", rng: "80–90", noun: "số công dân của xã xuất cảnh", unit: "lượt"},
	{field: "overseas_vietnamese.labor_export_workers", want: "57", heading: "9. Công tác người Việt Nam ở nước ngoài", sentence: "{S} có {F} đang làm việc ở nước ngoài theo hợp đồng.", subject: "xã",
		figure: "{N} lao động", num: "57", rng: "50–60", noun: "số lao động của xã làm việc ở nước ngoài", unit: "lao động"},

	// Training, awards, nominations.
	{field: "training.officials_trained", want: "12", heading: "10. Đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại", sentence: "{S} cử {F} tham gia 02 lớp bồi dưỡng kiến thức đối ngoại.", subject: "xã",
		figure: "{N} cán bộ", num: "12", rng: "10–12", noun: "số cán bộ của xã được bồi dưỡng kiến thức đối ngoại", unit: "cán bộ"},
	{field: "training.courses", want: "2", heading: "10. Đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại", sentence: "{S} cử 12 cán bộ tham gia {F} kiến thức đối ngoại.", subject: "xã",
		figure: "{N} lớp bồi dưỡng", num: "02", rng: "02–03", noun: "số lớp bồi dưỡng kiến thức đối ngoại của xã", unit: "lớp"},
	{field: "foreign_awards_received.count", want: "2", heading: "11. Khen thưởng của nước ngoài", sentence: "{S} nhận {F} của nước ngoài.", subject: "xã",
		figure: "{N} Bằng khen", num: "02", rng: "02–03", noun: "số hình thức khen thưởng của nước ngoài xã nhận", unit: "Bằng khen"},
	{field: "award_nominations.count", want: "3", heading: "12. Kiến nghị khen thưởng cấp nhà nước, cấp tỉnh", sentence: "{S} đề nghị khen thưởng cho {F} có thành tích trong công tác đối ngoại.", subject: "xã",
		figure: "{N} tập thể", num: "03", rng: "03–04", noun: "số tập thể, cá nhân được xã đề nghị khen thưởng", unit: "tập thể"},
}

func prefixed(p string) func(matrixIndicator) string {
	return func(ind matrixIndicator) string {
		return p + lowerFirst(ind.render(ind.subject, ind.num))
	}
}

func suffixed(x string) func(matrixIndicator) string {
	return func(ind matrixIndicator) string {
		b := upperFirst(ind.render(ind.subject, ind.num))
		return strings.TrimSuffix(b, ".") + x + "."
	}
}

func otherArea(a string) func(matrixIndicator) string {
	return func(ind matrixIndicator) string {
		return upperFirst(ind.render(a, ind.num))
	}
}

var matrixModalities = []matrixModality{
	// Another period.
	{name: "another year", say: prefixed("Năm 2023, ")},
	{name: "last year's same period", say: prefixed("Cùng kỳ năm trước, ")},
	{name: "the first half in a year's report", say: prefixed("6 tháng đầu năm, ")},
	{name: "the first half in a second half's report", title: "6 tháng cuối năm 2024", say: prefixed("6 tháng đầu năm 2024, ")},
	{name: "a running total", say: prefixed("Lũy kế từ năm 2020 đến nay, ")},
	{name: "a plan's term", say: prefixed("Giai đoạn 2021–2025, ")},
	// An aim.
	{name: "an aim", say: prefixed("Phấn đấu đến cuối năm ")},
	{name: "a plan", say: prefixed("Kế hoạch đề ra: ")},
	{name: "a target", say: prefixed("Mục tiêu đề ra: ")},
	{name: "a quota", say: prefixed("Chỉ tiêu được giao: ")},
	{name: "an expectation", say: prefixed("Dự kiến ")},
	// A change.
	{name: "a rise", say: func(ind matrixIndicator) string {
		return upperFirst(ind.noun) + " tăng " + ind.num + " " + ind.unit + " so với năm 2023."
	}},
	{name: "a fall", say: func(ind matrixIndicator) string {
		return upperFirst(ind.noun) + " giảm " + ind.num + " " + ind.unit + "."
	}},
	// Another area.
	{name: "the district", say: otherArea("toàn huyện")},
	{name: "the province", say: otherArea("toàn tỉnh")},
	{name: "the country", say: otherArea("cả nước")},
	{name: "the city", say: otherArea("thành phố Cao Bằng")},
	// Unknown.
	{name: "no data", say: func(ind matrixIndicator) string {
		return upperFirst(ind.noun) + ": chưa có số liệu thống kê."
	}},
	{name: "not counted", say: func(ind matrixIndicator) string {
		return upperFirst(ind.noun) + " chưa thống kê được."
	}},
	{name: "not known", say: func(ind matrixIndicator) string {
		return "Xã không nắm được " + ind.noun + "."
	}},
	// A range, a share of the plan.
	{name: "a range", say: func(ind matrixIndicator) string {
		return upperFirst(ind.render(ind.subject, ind.rng))
	}},
	{name: "a share of the plan", say: func(ind matrixIndicator) string {
		return upperFirst(ind.noun) + " đạt 85% kế hoạch."
	}},
	// Other words of the same kinds.
	{name: "in another year", say: prefixed("Trong năm 2023, ")},
	{name: "up to the end of another year", say: prefixed("Tính đến hết năm 2023, ")},
	{name: "up to a month of another year", say: prefixed("Tính đến tháng 10/2023, ")},
	{name: "up to a day of another year, in words", say: prefixed("Tính đến ngày 15 tháng 10 năm 2023, ")},
	{name: "the year before", say: prefixed("Năm trước, ")},
	{name: "since the term began", say: prefixed("Từ đầu nhiệm kỳ đến nay, ")},
	{name: "a plan's term with spaces", say: prefixed("Giai đoạn 2020 - 2025, ")},
	{name: "the first half in a year's report, in words", say: prefixed("Sáu tháng đầu năm, ")},
	{name: "a quarter", say: prefixed("Quý III, ")},
	{name: "a quarter of the year named", say: prefixed("Trong quý IV/2024, ")},
	{name: "next year's plan", say: prefixed("Kế hoạch năm 2025: ")},
	{name: "next year's aim", say: prefixed("Năm 2025 phấn đấu ")},
	{name: "next year's quota", say: prefixed("Chỉ tiêu năm 2025: ")},
	{name: "the whole country", say: otherArea("toàn quốc")},
	{name: "the town", say: otherArea("toàn thị xã")},
	{name: "a range in words", say: func(ind matrixIndicator) string {
		r := strings.SplitN(strings.ReplaceAll(ind.rng, "–", "-"), "-", 2)
		return upperFirst(ind.render(ind.subject, "từ "+r[0]+" đến "+r[1]))
	}},
	{name: "a range with spaces", say: func(ind matrixIndicator) string {
		return upperFirst(ind.render(ind.subject, strings.ReplaceAll(ind.rng, "–", " - ")))
	}},
	{name: "closing: in another year", say: suffixed(" trong năm 2023")},
	{name: "closing: by another year", say: suffixed(" vào năm 2023")},
	{name: "closing: another year's data", say: suffixed(" (số liệu năm 2023)")},
	{name: "closing: the plan", say: suffixed(" (kế hoạch)")},
	{name: "closing: the aim", say: suffixed(", là mục tiêu đến năm 2025")},
	{name: "closing: the district's data", say: suffixed(" (số liệu toàn huyện)")},
	{name: "closing: last year's", say: suffixed(" của năm trước")},
	{name: "no data at all", say: func(ind matrixIndicator) string {
		return upperFirst(ind.noun) + ": không có số liệu."
	}},
}

// matrixControls are the report's own period said with the figure: each
// must still read it (no refusal is too wide).
var matrixControls = []matrixModality{
	{name: "the year", say: prefixed("Năm 2024, ")},
	{name: "in the year", say: prefixed("Trong năm, ")},
	{name: "in the year named", say: prefixed("Trong năm 2024, ")},
	{name: "the second half in its report", title: "6 tháng cuối năm 2024", say: prefixed("6 tháng cuối năm 2024, ")},
	{name: "the period", say: prefixed("Trong kỳ báo cáo, ")},
	{name: "a national programme", say: prefixed("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, ")},
	{name: "closing: in the year", say: suffixed(" trong năm 2024")},
	{name: "closing: an aside of another year", say: suffixed(" (năm 2023 không có)")},
	{name: "closing: a comparison", say: suffixed(", bằng cùng kỳ năm trước")},
	{name: "closing: a project's span", say: suffixed(", thực hiện từ năm 2023")},
	{name: "closing: a schedule", say: suffixed(", dự kiến hoàn thành trong quý II/2025")},
}

// matrixLabelModalities are said in the label of the indicator's line
// "Số hộ nghèo của xã: 87 hộ." — "Số hộ nghèo của xã năm 2023: 87 hộ.".
var matrixLabelModalities = []string{
	" năm 2023", " cùng kỳ năm trước", " 6 tháng đầu năm", " lũy kế từ năm 2020", " giai đoạn 2021–2025",
	" (kế hoạch)", " (dự kiến)", " kế hoạch năm 2025", " phấn đấu đến năm 2025", " theo chỉ tiêu được giao",
	" toàn huyện", " toàn tỉnh", " cả nước",
}

// TestPrecisionMatrixLabels: each indicator said as a label and its value,
// with each modality in the label.
func TestPrecisionMatrixLabels(t *testing.T) {
	cells, failed, moot := 0, 0, 0
	for _, ind := range matrixIndicators {
		line := func(label string) string { return upperFirst(ind.noun) + label + ": " + ind.num + " " + ind.unit + "." }
		if foundValues(readText(t, matrixDoc(ind, "", line(""))))[ind.field] != ind.want {
			moot += len(matrixLabelModalities) // the label itself is not read (an NGO project needs its name)
			continue
		}
		for _, m := range matrixLabelModalities {
			cells++
			if got, ok := foundValues(readText(t, matrixDoc(ind, "", line(m))))[ind.field]; ok {
				failed++
				t.Errorf("%s: %q read as %s", ind.field, line(m), got)
			}
		}
	}
	t.Logf("%d cells, %d failed; %d not applicable", cells, failed, moot)
}

// TestPrecisionMatrixTableRows: each indicator as a row of a table
// "TT | Chỉ tiêu | Đơn vị tính | Số lượng", with each modality in the row's
// label; and the label with the report's own year still read.
func TestPrecisionMatrixTableRows(t *testing.T) {
	cells, failed := 0, 0
	for _, ind := range matrixIndicators {
		row := func(label string) string {
			return "TT\tChỉ tiêu\tĐơn vị tính\tSố lượng\n1\t" + upperFirst(ind.noun) + label + "\t" + ind.unit + "\t" + ind.num + "\n"
		}
		if got := foundValues(readText(t, matrixDoc(ind, "", row(""))))[ind.field]; got != ind.want {
			if !strings.HasPrefix(ind.field, "ngo_aid.") {
				t.Errorf("%s: the row without a modality gives %q, want %s", ind.field, got, ind.want)
			}
			continue // an NGO project needs its name
		}
		if got := foundValues(readText(t, matrixDoc(ind, "", row(" năm 2024"))))[ind.field]; got != ind.want {
			t.Errorf("%s: the row of the report's year gives %q, want %s", ind.field, got, ind.want)
		}
		for _, m := range matrixLabelModalities {
			cells++
			if got, ok := foundValues(readText(t, matrixDoc(ind, "", row(m))))[ind.field]; ok {
				failed++
				t.Errorf("%s: the row %q read as %s", ind.field, upperFirst(ind.noun)+m, got)
			}
		}
	}
	t.Logf("%d cells, %d failed", cells, failed)
}

// TestPrecisionMatrix: each indicator × each modality. A cell whose
// sentence without the modality is not read in the report's period
// (income in a half-year's report) is counted apart.
func TestPrecisionMatrix(t *testing.T) {
	cells, failed, moot := 0, 0, 0
	for _, ind := range matrixIndicators {
		t.Run(ind.field, func(t *testing.T) {
			base := upperFirst(ind.render(ind.subject, ind.num))
			reads := map[string]bool{}
			for _, title := range []string{"", "6 tháng cuối năm 2024"} {
				reads[title] = foundValues(readText(t, matrixDoc(ind, title, base)))[ind.field] == ind.want
			}
			if !reads[""] {
				t.Fatalf("the sentence without a modality (%q) is not read as %s", base, ind.want)
			}
			for _, m := range matrixModalities {
				if !reads[m.title] {
					moot++
					continue
				}
				cells++
				text := m.say(ind)
				if got, ok := foundValues(readText(t, matrixDoc(ind, m.title, text)))[ind.field]; ok {
					failed++
					t.Errorf("%s: %q read as %s", m.name, text, got)
				}
			}
		})
	}
	t.Logf("%d cells, %d failed; %d not applicable", cells, failed, moot)
}

// knownOverRefusals are controls the reader refuses by the words of one
// figure's own rules (they were refused before the refusals were put in
// one place, modality.go): recall left for later.
var knownOverRefusals = map[string]bool{
	"profile.households / closing: in the year":                         true,
	"profile.party_members / closing: in the year":                      true,
	"profile.income_per_capita_vnd / closing: in the year":              true,
	"profile.income_per_capita_vnd / closing: an aside of another year": true,
	// A year anywhere in an item of sections 2, 3 and 11 makes it
	// another year's (read.go: counted, namesOtherYear): "01 thỏa thuận ký năm
	// 2019" is one modality.go does not hide.
	"international_agreements.count / closing: a project's span":  true,
	"international_conferences.count / closing: a project's span": true,
	"foreign_awards_received.count / closing: a project's span":   true,
	// "giảm nghèo", the programme's name, taken for a change by the
	// households' own rule (profile.go: isChange), and the population not
	// read in a clause about the poor ("nghèo").
	"profile.population / a national programme":           true,
	"profile.poor_households / a national programme":      true,
	"profile.near_poor_households / a national programme": true,
}

// TestPrecisionMatrixControls: the same sentences said of the report's own
// period are read.
func TestPrecisionMatrixControls(t *testing.T) {
	for _, ind := range matrixIndicators {
		t.Run(ind.field, func(t *testing.T) {
			for _, m := range matrixControls {
				if ind.field == "profile.income_per_capita_vnd" && m.title != "" {
					continue // not read in a half-year's report
				}
				text := m.say(ind)
				got := foundValues(readText(t, matrixDoc(ind, m.title, text)))[ind.field]
				if knownOverRefusals[ind.field+" / "+m.name] {
					if got == ind.want {
						t.Errorf("%s: %q is read now: take it off knownOverRefusals", m.name, text)
					}
					continue
				}
				if got != ind.want {
					t.Errorf("%s: %q read as %q, want %s", m.name, text, got, ind.want)
				}
			}
		})
	}
}

// TestModalityCostIsLinear: a line made of modalities — one clause of
// thousands, thousands of clauses, labels, ranges, changes — is hidden in
// time proportional to its length (a quadratic pass took minutes on a
// quarter of a megabyte).
func TestModalityCostIsLinear(t *testing.T) {
	for _, unit := range []string{"năm 2023 ", "Năm 2023: 1; ", "toàn huyện 12 ", "Số hộ năm 2023: 1.234 hộ (kế hoạch); ", "ngày 12/3/2023 năm 2023 tăng 5 ", "15-20 ", "1 trong năm 2023, "} {
		tx := newText(strings.Repeat(unit, (256<<10)/len(unit)))
		start := time.Now()
		maskOther(tx, period{year: "2024"})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q × %d: %v", unit, (256<<10)/len(unit), d)
		}
	}
}

// TestTrailingPeriodAfterAnAward: a period that closes a clause governs the
// count before it even when an award's name ("Bằng khen", folded as the
// comparative "bằng") or a gift ("tặng", folded as "tăng") stands between;
// a comparison ("bằng cùng kỳ") still does not.
func TestTrailingPeriodAfterAnAward(t *testing.T) {
	for s, hidden := range map[string]bool{
		"Hợp tác xã Suối Mơ nhận 03 Bằng khen của bạn Lào trong năm 2022.": true,
		"Hội Nông dân được tặng 04 cờ thi đua của năm trước.":              true,
		"Đội văn nghệ được Tặng 04 kỷ niệm chương vào năm 2021.":           true,
		"Thôn Nà Pò đón 07 đoàn, bằng cùng kỳ năm trước.":                  false,
	} {
		f := maskOther(newText(s), period{year: "2024"}).fold
		if got := strings.Contains(f, "#"); got != hidden {
			t.Errorf("%q → %q: hidden %v, want %v", s, f, got, hidden)
		}
	}
}

// TestAimVerbBeforeItsFigure: an aim said by a verb right before its figure
// ("sẽ tổ chức 02 …", "dự kiến 03 đoàn") hides it; a plan's noun before a
// number names a document ("Kế hoạch 125/KH-UBND") and hides nothing.
func TestAimVerbBeforeItsFigure(t *testing.T) {
	for s, hidden := range map[string]bool{
		"Hội Phụ nữ sẽ tổ chức 02 buổi giao lưu với bạn Lào.":            true,
		"Thôn Nà Pò sẽ đón 04 đoàn khách Thái Lan.":                      true,
		"Dự kiến 03 đoàn của xã sang thăm Lào.":                          true,
		"Thực hiện Kế hoạch 125/KH-UBND, xã đón 06 đoàn khách Hàn Quốc.": false,
	} {
		f := maskOther(newText(s), period{year: "2024"}).fold
		if got := strings.Contains(f, "#"); got != hidden {
			t.Errorf("%q → %q: hidden %v, want %v", s, f, got, hidden)
		}
	}
}

// TestEconomySharesOfAnotherKind: the sectors' shares said of another year,
// as a change, a comparison or an aim are hidden by modality.go (the
// economy's items keep no refusal of their own).
func TestEconomySharesOfAnotherKind(t *testing.T) {
	for _, s := range []string{
		"Cơ cấu kinh tế năm 2022: nông nghiệp 51%, công nghiệp 17%, dịch vụ 32%.",
		"Cơ cấu kinh tế: nông nghiệp tăng 51%, công nghiệp giảm 17%, dịch vụ 32%.",
		"Cơ cấu kinh tế: nông nghiệp so với cùng kỳ 51%, công nghiệp 17%, dịch vụ 32%.",
		"Chỉ tiêu cơ cấu kinh tế: nông nghiệp 51%, công nghiệp 17%, dịch vụ 32%.",
		"Cơ cấu kinh tế: nông nghiệp năm 2022 là 51%, công nghiệp 17%, dịch vụ 32%.",
	} {
		if got, ok := foundValues(readText(t, trapDoc("năm 2024", s, "")))["profile.economy_structure_pct.agriculture_forestry"]; ok {
			t.Errorf("%q: agriculture read as %s", s, got)
		}
	}
	s := "Cơ cấu kinh tế: nông nghiệp 51%, công nghiệp 17%, dịch vụ 32%."
	if got := foundValues(readText(t, trapDoc("năm 2024", s, "")))["profile.economy_structure_pct.agriculture_forestry"]; got != "51" {
		t.Errorf("%q: agriculture read as %q, want 51", s, got)
	}
}

// TestDisbursedOfAnotherPeriod: an amount disbursed that the words before
// it give to another period or an aim is not the project's — hidden by
// modality.go ("cùng kỳ", "dự kiến") or by the rule of the disbursements
// (another year, "kỳ tới").
func TestDisbursedOfAnotherPeriod(t *testing.T) {
	for s, want := range map[string]string{
		"đã giải ngân 745 triệu đồng.":                                         "745000000",
		"cùng kỳ năm trước giải ngân 415 triệu đồng.":                          "",
		"dự kiến giải ngân 415 triệu đồng.":                                    "",
		"năm 2022 giải ngân 415 triệu đồng.":                                   "",
		"trong năm giải ngân 745 triệu đồng; kỳ tới giải ngân 415 triệu đồng.": "745000000",
	} {
		doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n5. Đối ngoại nhân dân, viện trợ phi chính phủ nước ngoài\n" +
			"- Dự án \"Giếng nước sạch cho bản Nà Lừa\" do tổ chức Nước Trong (Clear Water) tài trợ, tổng giá trị 1,9 tỷ đồng, " + s + "\n6. Văn hóa đối ngoại: Không.\n"
		if got := foundValues(readText(t, doc))["ngo_aid.projects[0].disbursed_vnd"]; got != want {
			t.Errorf("%q: disbursed %q, want %q", s, got, want)
		}
	}
}

// TestDelegationsOfAnotherPeriodByModality: a count of delegations that
// another period's or an aim's words govern is hidden by modality.go (the
// delegations' own rule keeps only another year, a term and a running
// total); the report's own count beside them is read.
func TestDelegationsOfAnotherPeriodByModality(t *testing.T) {
	for s, want := range map[string]string{
		"Kỳ trước thôn Pác Bó đón 04 đoàn khách nước ngoài.":                     "",
		"So với cùng kỳ, thôn Pác Bó đón 04 đoàn khách nước ngoài.":              "",
		"Thôn Pác Bó dự kiến đón 04 đoàn khách nước ngoài.":                      "",
		"Nâng tổng số đoàn khách nước ngoài đến thôn Pác Bó lên 11 đoàn.":        "",
		"Lũy kế, thôn Pác Bó đón 11 đoàn khách nước ngoài.":                      "",
		"Thôn Pác Bó đón 06 đoàn khách nước ngoài, so với cùng kỳ tăng 02 đoàn.": "6",
		"Thôn Pác Bó đón 06 đoàn khách nước ngoài (năm trước 04 đoàn).":          "6",
	} {
		got := foundValues(readText(t, trapDoc("năm 2024", "", "1. Đoàn ra, đoàn vào\n"+s)))["delegations.inbound_foreign.count"]
		if got != want {
			t.Errorf("%q: inbound foreign %q, want %q", s, got, want)
		}
	}
}

// TestWholeYearInAHalfYearsReport: in a half-year's report, the whole
// year's count ("Cả năm 2024, …", "trọn năm …") is not the half's, whatever
// it counts (the delegations' own rule, otherPart, is now modality.go's).
func TestWholeYearInAHalfYearsReport(t *testing.T) {
	half := period{year: "2024", half: "cuoi"}
	for s, hidden := range map[string]bool{
		"Cả năm 2024, Hội Nông dân ký 03 thỏa thuận với bạn Lào.": true,
		"Trọn năm, bản Lũng Cú đón 09 đoàn khách Trung Quốc.":     true,
		"Bản Lũng Cú đón 04 đoàn khách Trung Quốc.":               false,
	} {
		f := maskOther(newText(s), half).fold
		if got := strings.Contains(f, "#"); got != hidden {
			t.Errorf("%q → %q: hidden %v, want %v", s, f, got, hidden)
		}
	}
	if f := maskOther(newText("Cả năm 2024, Hội Nông dân ký 03 thỏa thuận với bạn Lào."), period{year: "2024"}).fold; strings.Contains(f, "#") {
		t.Errorf("a year's report: %q", f)
	}
}

// TestPoorHouseholdsFellByATotal: "giảm tổng cộng 15 hộ" is a change, not
// the poor households ("tổng cộng" folds to "tong cong", whose "con" was
// taken for "còn", the word that gives the count left: "giảm còn 15 hộ").
func TestPoorHouseholdsFellByATotal(t *testing.T) {
	for s, want := range map[string]string{
		"Hộ nghèo giảm tổng cộng 15 hộ.":             "",
		"Số hộ nghèo giảm cộng dồn 15 hộ.":           "",
		"Hộ nghèo giảm còn 15 hộ.":                   "15",
		"Số hộ nghèo cuối năm còn 15 hộ.":            "15",
		"Hộ nghèo: 15 hộ, giảm 4 hộ so với đầu năm.": "15",
	} {
		if got := foundValues(readText(t, trapDoc("năm 2024", s, "")))["profile.poor_households"]; got != want {
			t.Errorf("%q: poor households read as %q, want %q", s, got, want)
		}
	}
}
