package consolidated

import (
	"fmt"
	"strings"

	"doingoai/models"
)

// phrase says one indicator in a sentence: pos with the number (and its
// unit) for a value, zero for a reported zero, label for "not reported".
// An empty zero leaves a reported zero unsaid (the people of no
// delegation).
type phrase struct {
	code, pos, zero, label string
}

func (b *builder) say(p phrase) string {
	v := b.values[p.code]
	expected := b.roll.CommunesExpected
	switch {
	case v.Value == nil:
		return fmt.Sprintf("%s: chưa có số liệu (%d/%d %s chưa báo cáo số liệu này)", p.label, expected-v.Reporting, expected, b.noun())
	case isZero(v.Value):
		return p.zero + b.coverage(v)
	}
	return fmt.Sprintf(p.pos, Number(v.Value)) + b.coverage(v)
}

// partial tells whether some communes' reports are not in the figures:
// then no sentence may speak for the whole unit.
func (b *builder) partial() bool { return b.roll.CommunesReported < b.roll.CommunesExpected }

// ground is what a statement about the unit rests on: its whole territory
// when every commune's report is counted ("toàn huyện"), else the reports
// counted, said in the sentence ("theo báo cáo của 1/23 xã, thị trấn đã
// gửi,"). whole is the subject for the first case.
func (b *builder) ground(whole string) string {
	if !b.partial() {
		return whole
	}
	sent := "đã gửi"
	if b.comp.Reported != b.roll.CommunesReported {
		sent = "được tổng hợp" // some sent reports are returned or not yet accepted
	}
	return fmt.Sprintf("theo báo cáo của %d/%d %s %s,", b.roll.CommunesReported, b.roll.CommunesExpected, b.noun(), sent)
}

// coverage notes a figure that fewer communes gave than reported.
func (b *builder) coverage(v models.IndicatorValue) string {
	if v.Reporting < b.roll.CommunesReported {
		return fmt.Sprintf(" (theo số liệu của %d/%d %s)", v.Reporting, b.roll.CommunesExpected, b.noun())
	}
	return ""
}

func (b *builder) sayAll(ps ...phrase) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.zero == "" && isZero(b.values[p.code].Value) {
			continue
		}
		parts = append(parts, b.say(p))
	}
	return strings.Join(parts, "; ")
}

func text(s string) Paragraph    { return Paragraph{Kind: "text", Text: s} }
func todo(s string) Paragraph    { return Paragraph{Kind: "todo", Text: s} }
func heading(s string) Paragraph { return Paragraph{Kind: "heading", Text: s} }

// sections writes the body, I to V.
func (b *builder) sections(r *Report) []Section {
	w := &body{b: b, noun: b.noun(), whole: "toàn " + kindWord(b.unit.Name), year: b.period.Phrase()}
	w.profile()
	w.results(r)
	w.troubles()
	w.plan()
	w.recommendations()
	return w.out
}

// body is the report's body as it is written, section by section, with
// the words every section uses: the communes' noun, "toàn <unit>" and the
// period.
type body struct {
	b                 *builder
	out               []Section
	noun, whole, year string
}

// add appends a section and returns it, to be filled before the next add.
func (w *body) add(level int, heading string, ps ...Paragraph) *Section {
	if ps == nil {
		ps = []Paragraph{} // [] in JSON, as the document says, never null
	}
	w.out = append(w.out, Section{Heading: heading, Level: level, Paragraphs: ps})
	return &w.out[len(w.out)-1]
}

func (w *body) annexRef(n int) Paragraph {
	return text(fmt.Sprintf("(Chi tiết từng %s tại Biểu số %d, Phụ lục kèm theo.)", w.noun, n))
}

// counted adds a section that says counted figures in one sentence about
// subject (the whole unit, or the reports it rests on: see ground), points
// to its annex and quotes the communes' section.
func (w *body) counted(heading, subject string, annex int, section string, ps ...phrase) {
	s := w.add(2, heading, text(w.statement(subject, ps...)), w.annexRef(annex))
	w.b.quotes(s, section)
}

// statement is a sentence of counted figures about subject in the period:
// "Trong năm 2024, toàn huyện không có đoàn ra nước ngoài; …", or, where
// some communes have not reported, "Trong năm 2024, theo báo cáo của 1/23
// xã, thị trấn đã gửi, không có đoàn ra nước ngoài; …". Where no commune
// gave any of the figures it says only that.
func (w *body) statement(subject string, ps ...phrase) string {
	given := false
	for _, p := range ps {
		given = given || w.b.values[p.code].Value != nil
	}
	if !given {
		return upperFirst(w.b.sayAll(ps...)) + "."
	}
	return fmt.Sprintf("Trong %s, %s %s.", w.year, w.b.ground(subject), w.b.sayAll(ps...))
}

// listed adds to s an introduction and the gathered items, if any.
func (w *body) listed(s *Section, intro string, gs []Gathered) {
	if len(gs) == 0 {
		return
	}
	s.Paragraphs = append(s.Paragraphs, text(intro))
	for _, g := range gs {
		s.Paragraphs = append(s.Paragraphs, item(g))
	}
}

// profile writes I, the profile of the unit.
func (w *body) profile() {
	b := w.b
	var kinds []string
	for _, k := range models.CommuneKinds {
		if n := b.kinds[k]; n > 0 {
			kinds = append(kinds, fmt.Sprintf("%d %s", n, k.Noun()))
		}
	}
	intro := fmt.Sprintf("%s có %d đơn vị hành chính cấp xã (%s).", upperFirst(w.whole), b.roll.CommunesExpected, strings.Join(kinds, ", "))
	if b.roll.CommunesExpected == 0 {
		intro = upperFirst(w.whole) + " chưa có đơn vị hành chính cấp xã nào trong danh mục của kỳ báo cáo."
	}
	w.add(1, "I. ĐẶC ĐIỂM TÌNH HÌNH",
		text(intro+" "+fmt.Sprintf("Tổng hợp từ báo cáo của %d/%d %s: ", b.roll.CommunesReported, b.roll.CommunesExpected, w.noun)+b.sayAll(
			phrase{"area_ha", "diện tích tự nhiên %s ha", "diện tích tự nhiên 0 ha", "diện tích tự nhiên"},
			phrase{"households", "%s hộ", "0 hộ", "số hộ"},
			phrase{"population", "dân số %s người", "dân số 0 người", "dân số"},
			phrase{"party_members", "%s đảng viên", "không có đảng viên", "số đảng viên"},
			phrase{"poor_households", "%s hộ nghèo", "không còn hộ nghèo", "số hộ nghèo"},
			phrase{"poverty_rate_pct", "tỷ lệ hộ nghèo %s%% (tổng số hộ nghèo trên tổng số hộ)", "tỷ lệ hộ nghèo 0%", "tỷ lệ hộ nghèo"},
			phrase{"near_poverty_rate_pct", "tỷ lệ hộ cận nghèo %s%%", "tỷ lệ hộ cận nghèo 0%", "tỷ lệ hộ cận nghèo"},
			phrase{"income_per_capita_vnd", "thu nhập bình quân đầu người %s đồng/người/năm (bình quân theo dân số)", "thu nhập bình quân đầu người 0 đồng", "thu nhập bình quân đầu người"},
			phrase{"ethnic_minority_share_pct", "tỷ lệ người dân tộc thiểu số %s%% (bình quân theo dân số)", "không có người dân tộc thiểu số", "tỷ lệ người dân tộc thiểu số"},
		)+"."),
		w.annexRef(1),
		todo(b.todo("khái quát đặc điểm tình hình của "+kindWord(b.unit.Name)+" liên quan đến công tác đối ngoại")),
	)
}

// results writes II, the results of sections 1 to 13.
func (w *body) results(r *Report) {
	b := w.b
	w.add(1, "II. KẾT QUẢ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI "+strings.ToUpper(w.year),
		todo(b.todo("đánh giá chung về công tác lãnh đạo, chỉ đạo, triển khai công tác đối ngoại "+w.year)))
	w.counted("1. Công tác quản lý đoàn ra, đoàn vào", w.whole, 2, "delegations",
		phrase{"delegations_out", "có %s đoàn ra nước ngoài", "không có đoàn ra nước ngoài", "số đoàn ra nước ngoài"},
		phrase{"delegations_out_people", "%s lượt người đi nước ngoài", "", "số lượt người đi nước ngoài"},
		phrase{"delegations_in_domestic", "tiếp đón %s đoàn trong nước đến làm việc", "không có đoàn trong nước đến làm việc", "số đoàn trong nước đến làm việc"},
		phrase{"delegations_in_foreign", "tiếp đón %s đoàn nước ngoài", "không có đoàn nước ngoài", "số đoàn nước ngoài"},
		phrase{"delegations_in_foreign_people", "%s lượt khách nước ngoài", "", "số lượt khách nước ngoài"},
	)
	w.counted("2. Công tác quản lý các thỏa thuận hợp tác quốc tế do địa phương ký kết", w.whole, 3, "international_agreements",
		phrase{"international_agreements", "ký kết %s thỏa thuận hợp tác quốc tế",
			"không có thỏa thuận hợp tác quốc tế nào do địa phương ký kết", "số thỏa thuận hợp tác quốc tế"})
	w.counted("3. Công tác tổ chức, quản lý hội nghị, hội thảo quốc tế", w.whole, 3, "international_conferences",
		phrase{"international_conferences", "tổ chức %s hội nghị, hội thảo quốc tế",
			"không tổ chức hội nghị, hội thảo quốc tế", "số hội nghị, hội thảo quốc tế"})
	s := w.add(2, "4. Công tác ngoại giao kinh tế")
	w.listed(s, fmt.Sprintf("Các %s đã báo cáo triển khai các văn bản:", w.noun), b.g.economicDocs.list())
	b.quotes(s, "economic_diplomacy")
	s = w.add(2, "5. Công tác đối ngoại nhân dân và vận động, quản lý viện trợ phi chính phủ nước ngoài")
	b.quotes(s, "people_diplomacy")
	s.Paragraphs = append(s.Paragraphs, text("Về công tác vận động viện trợ phi chính phủ nước ngoài: "+lowerFirst(w.statement(w.whole,
		phrase{"ngo_projects", "có %s dự án", "không có dự án", "số dự án viện trợ phi chính phủ nước ngoài"},
		phrase{"ngo_aid_committed_vnd", "tổng giá trị cam kết %s đồng", "", "giá trị cam kết"},
		phrase{"ngo_aid_disbursed_vnd", "giá trị giải ngân %s đồng", "", "giá trị giải ngân"},
	))))
	for _, p := range b.g.projects {
		s.Paragraphs = append(s.Paragraphs, projectItem(p))
	}
	s.Paragraphs = append(s.Paragraphs, w.annexRef(3))
	b.quotes(s, "ngo_aid")
	s = w.add(2, "6. Công tác văn hóa đối ngoại")
	w.listed(s, fmt.Sprintf("Các %s đã báo cáo triển khai các văn bản:", w.noun), b.g.culturalDocs.list())
	w.listed(s, "Các cơ quan, tổ chức phối hợp:", b.g.partners.list())
	b.quotes(s, "cultural_diplomacy")
	s = w.add(2, "7. Công tác thông tin, tuyên truyền đối ngoại")
	b.quotes(s, "information")
	w.counted("8. Công tác lãnh sự, bảo hộ công dân", "trên địa bàn "+lowerKind(b.unit.Name), 4, "consular",
		phrase{"foreign_residents", "có %s người nước ngoài tạm trú", "không có người nước ngoài tạm trú", "số người nước ngoài tạm trú"},
		phrase{"foreigner_incidents", "%s vụ việc liên quan đến người nước ngoài", "không có vụ việc liên quan đến người nước ngoài", "số vụ việc liên quan đến người nước ngoài"},
		phrase{"citizens_exited", "%s công dân xuất cảnh", "không có công dân xuất cảnh", "số công dân xuất cảnh"},
	)
	w.counted("9. Công tác đối với người Việt Nam ở nước ngoài", w.whole, 4, "overseas_vietnamese",
		phrase{"labor_export_workers", "có %s người đi lao động ở nước ngoài theo hợp đồng",
			"không có người đi lao động ở nước ngoài theo hợp đồng", "số người đi lao động ở nước ngoài"})
	w.counted("10. Công tác đào tạo, bồi dưỡng, cập nhật kiến thức đối ngoại", w.whole, 5, "training",
		phrase{"officials_trained", "có %s lượt cán bộ, công chức được bồi dưỡng kiến thức đối ngoại",
			"không có cán bộ, công chức được bồi dưỡng kiến thức đối ngoại", "số cán bộ, công chức được bồi dưỡng"})
	w.counted("11. Tình hình tiếp nhận các hình thức khen thưởng của nhà nước, tổ chức, cá nhân nước ngoài", w.whole, 5, "foreign_awards_received",
		phrase{"foreign_awards_received", "nhận %s hình thức khen thưởng của nước ngoài",
			"không nhận hình thức khen thưởng nào của nước ngoài", "số hình thức khen thưởng của nước ngoài"})
	w.counted("12. Tình hình kiến nghị tặng, xét tặng các hình thức khen thưởng cấp nhà nước, cấp tỉnh", w.whole, 5, "award_nominations",
		phrase{"award_nominations", "có %s kiến nghị khen thưởng",
			"không có kiến nghị tặng, xét tặng khen thưởng cấp nhà nước, cấp tỉnh", "số kiến nghị khen thưởng"})
	s = w.add(2, "13. Tình hình thực hiện chế độ thông tin, báo cáo", b.completenessParagraphs(r.Completeness)...)
	b.quotes(s, "reporting_compliance")
}

// troubles writes III, the difficulties and causes gathered from the
// communes, with the places a person writes.
func (w *body) troubles() {
	b := w.b
	s := w.add(1, "III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN")
	s.Paragraphs = append(s.Paragraphs, heading("1. Khó khăn, vướng mắc"))
	s.Paragraphs = append(s.Paragraphs, b.gathered(b.g.difficulties.list(), "khó khăn")...)
	s.Paragraphs = append(s.Paragraphs, heading("2. Nguyên nhân"))
	s.Paragraphs = append(s.Paragraphs, b.gathered(b.g.causes.list(), "nguyên nhân")...)
	s.Paragraphs = append(s.Paragraphs, todo(b.todo("đánh giá của "+ubnd(b.unit)+" về khó khăn, hạn chế và nguyên nhân")))
}

// plan writes IV, the tasks ahead, with the communes' for reference.
func (w *body) plan() {
	b := w.b
	s := w.add(1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CÔNG TÁC ĐỐI NGOẠI "+strings.ToUpper(nextPhrase(b.period)),
		todo(b.todo("phương hướng, nhiệm vụ công tác đối ngoại "+nextPhrase(b.period)+" của "+ubnd(b.unit))))
	if p := b.g.plan.list(); len(p) > 0 {
		s.Paragraphs = append(s.Paragraphs, text(fmt.Sprintf("Nhiệm vụ các %s đề ra trong báo cáo (để tham khảo):", w.noun)))
		s.Paragraphs = append(s.Paragraphs, b.gathered(p, "")...)
	}
}

// recommendations writes V, the communes' recommendations by addressee.
func (w *body) recommendations() {
	b := w.b
	s := w.add(1, "V. ĐỀ XUẤT, KIẾN NGHỊ")
	recs := b.g.recommendations.list()
	if len(recs) > 0 {
		s.Paragraphs = append(s.Paragraphs, text(fmt.Sprintf("Kiến nghị của các %s:", w.noun)))
	}
	last := "\x00"
	for _, g := range recs {
		if g.Addressee != last {
			to := g.Addressee
			if to == "" {
				to = "Không nêu cơ quan"
			}
			s.Paragraphs = append(s.Paragraphs, heading(upperFirst(to)+":"))
			last = g.Addressee
		}
		s.Paragraphs = append(s.Paragraphs, item(g))
	}
	if len(recs) == 0 {
		s.Paragraphs = append(s.Paragraphs, text(fmt.Sprintf("Các %s đã báo cáo không có kiến nghị.", w.noun)))
	}
	s.Paragraphs = append(s.Paragraphs, todo(b.todo("kiến nghị, đề xuất của "+ubnd(b.unit)+" với cấp trên")))
}

// projectItem is the line of an NGO project: its name, donor, place and
// amounts.
func projectItem(p NgoProject) Paragraph {
	line := p.Name
	if p.Donor != "" {
		line += ", nhà tài trợ " + p.Donor
		if p.Country != "" {
			line += " (" + p.Country + ")"
		}
	}
	line += ", tại " + lowerKind(p.Commune.Name)
	if p.CommittedVND != nil {
		line += ": cam kết " + Number(int64Amount(*p.CommittedVND)) + " đồng"
	}
	if p.DisbursedVND != nil {
		line += ", giải ngân " + Number(int64Amount(*p.DisbursedVND)) + " đồng"
	}
	return Paragraph{Kind: "item", Text: "- " + line + ";", Source: lowerKind(p.Commune.Name)}
}

func item(g Gathered) Paragraph {
	src := names(g.Communes, namesLimit)
	return Paragraph{Kind: "item", Text: "- " + strings.TrimRight(g.Text, ".;: ") + " (" + src + ").", Source: src}
}

// namesLimit is how many communes a gathered item names before "và N đơn
// vị khác" (a district has about twenty; a province several hundred).
const namesLimit = 30

func (b *builder) gathered(gs []Gathered, what string) []Paragraph {
	if len(gs) == 0 {
		if what == "" {
			return nil
		}
		return []Paragraph{text(fmt.Sprintf("Các %s đã báo cáo không nêu %s.", b.noun(), what))}
	}
	out := make([]Paragraph, len(gs))
	for i, g := range gs {
		out[i] = item(g)
	}
	return out
}

// maxQuotes bounds the communes quoted under one section; the others are
// counted.
const maxQuotes = 3

func (b *builder) quotes(s *Section, section string) {
	qs := b.g.quotes[section]
	for i, q := range qs {
		if i == maxQuotes {
			s.Paragraphs = append(s.Paragraphs, text(fmt.Sprintf("Ngoài ra, %d %s khác có báo cáo nội dung này.", len(qs)-maxQuotes, b.noun())))
			break
		}
		s.Paragraphs = append(s.Paragraphs, Paragraph{Kind: "quote", Text: q.Text, Source: lowerKind(q.Commune.Name)})
	}
}

func (b *builder) completenessParagraphs(c Completeness) []Paragraph {
	noun := b.noun()
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d/%d %s %s", c.Reported, c.Expected, noun, strings.ToLower(models.ReportedLabel))
	if c.DueDate != nil {
		d := c.DueDate.String()
		fmt.Fprintf(&sb, " (hạn gửi ngày %s/%s/%s)", d[8:10], d[5:7], d[0:4])
	}
	if len(c.Missing) > 0 {
		fmt.Fprintf(&sb, "; chưa báo cáo: %s", names(c.Missing, 1000))
	}
	sb.WriteString(".")
	if len(c.Late) > 0 {
		fmt.Fprintf(&sb, " Gửi muộn so với thời hạn: %s.", names(c.Late, 1000))
	}
	if len(c.Returned) > 0 {
		fmt.Fprintf(&sb, " Báo cáo bị trả lại để hoàn thiện, chưa tính vào số liệu tổng hợp: %s.", names(c.Returned, 1000))
	}
	if len(c.Pending) > 0 {
		fmt.Fprintf(&sb, " Báo cáo đã gửi nhưng chưa được duyệt, chưa tính vào số liệu tổng hợp: %s.", names(c.Pending, 1000))
	}
	sb.WriteString(" " + models.CountedSentence(c.Counted, b.roll.Counted))
	return []Paragraph{text(sb.String())}
}
