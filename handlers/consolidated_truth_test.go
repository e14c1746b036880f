package handlers_test

import (
	"strings"
	"testing"

	"doingoai/consolidated"
	"doingoai/docx"
	"doingoai/internal/apitest"
	"doingoai/models"
)

// countedSections are the headings of the sections that state counted
// figures about the whole unit.
var countedSections = []string{"1. ", "2. ", "3. ", "8. ", "9. ", "10. ", "11. ", "12. "}

// statements returns, for each counted section, its first paragraph: the
// sentence of its figures.
func statements(t *testing.T, rep *consolidated.Report) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, s := range rep.Sections {
		for _, prefix := range countedSections {
			if s.Level == 2 && strings.HasPrefix(s.Heading, prefix) {
				if len(s.Paragraphs) == 0 {
					t.Fatalf("section %q has no paragraph", s.Heading)
				}
				out[prefix] = s.Paragraphs[0].Text
			}
		}
	}
	if len(out) != len(countedSections) {
		t.Fatalf("found %d of the %d counted sections", len(out), len(countedSections))
	}
	return out
}

// inDocument fails unless the .docx holds the paragraph as it is in the
// JSON answer.
func inDocument(t *testing.T, doc *docx.Read, para string) {
	t.Helper()
	for _, p := range doc.Paragraphs {
		if p == para {
			return
		}
	}
	t.Errorf("the .docx lacks the paragraph %q", para)
}

// TestConsolidatedSaysWhatItRestsOn: with 4 of 23 communes reporting (3
// counted, one returned), no sentence states a figure of the whole
// district: each says it rests on the 3 reports counted. Once every
// commune's report counts, the same sentences speak for the whole
// district, plainly.
func TestConsolidatedSaysWhatItRestsOn(t *testing.T) {
	env := consolidatedEnv(t)
	rep, doc := getConsolidated(t, env, "")
	ground := "Trong năm 2024, theo báo cáo của 3/23 xã, thị trấn được tổng hợp, "
	for sec, s := range statements(t, rep) {
		if !strings.HasPrefix(s, ground) {
			t.Errorf("section %s: %q does not begin %q", sec, s, ground)
		}
		inDocument(t, doc, s)
	}
	want := []string{
		ground + "không có đoàn ra nước ngoài; tiếp đón 16 đoàn trong nước đến làm việc; tiếp đón 1 đoàn nước ngoài; 5 lượt khách nước ngoài.",
		ground + "không có thỏa thuận hợp tác quốc tế nào do địa phương ký kết.",
		ground + "có 7 người đi lao động ở nước ngoài theo hợp đồng (theo số liệu của 1/23 xã, thị trấn).",
		"Về công tác vận động viện trợ phi chính phủ nước ngoài: trong năm 2024, theo báo cáo của 3/23 xã, thị trấn được tổng hợp, có 1 dự án; tổng giá trị cam kết 1.500.000.000 đồng; giá trị giải ngân 900.000.000 đồng.",
	}
	for _, w := range want {
		inDocument(t, doc, w)
	}
	for _, p := range doc.Paragraphs {
		l := strings.ToLower(p)
		if strings.Contains(l, "toàn huyện") && !strings.HasPrefix(p, "Toàn huyện có 23 đơn vị hành chính cấp xã") {
			t.Errorf("a paragraph speaks for the whole district from 3 of 23 reports: %q", p)
		}
		if strings.Contains(l, "trên địa bàn huyện") {
			t.Errorf("a paragraph speaks for the district's territory from 3 of 23 reports: %q", p)
		}
	}

	// Every commune reports (Phú Tiến amends its returned report): plain.
	allReport(t, env)
	rep, doc = getConsolidated(t, env, "")
	if rep.Completeness.Counted != 23 {
		t.Fatalf("%d reports counted, want 23", rep.Completeness.Counted)
	}
	for sec, s := range statements(t, rep) {
		if strings.Contains(s, "theo báo cáo của") {
			t.Errorf("section %s: with every report in, %q still qualifies itself", sec, s)
		}
		inDocument(t, doc, s)
	}
	inDocument(t, doc, "Trong năm 2024, toàn huyện không có đoàn ra nước ngoài; tiếp đón 136 đoàn trong nước đến làm việc; tiếp đón 1 đoàn nước ngoài; 5 lượt khách nước ngoài.")
	for _, tb := range rep.Annex.Tables {
		if total := tb.Rows[len(tb.Rows)-1]; total.Name != "Tổng cộng" {
			t.Errorf("%s: with every report in, the total is named %q", tb.Title, total.Name)
		}
	}
	inDocument(t, doc, "Trong năm 2024, trên địa bàn huyện Định Hóa không có người nước ngoài tạm trú; không có vụ việc liên quan đến người nước ngoài; số công dân xuất cảnh: chưa có số liệu (23/23 xã, thị trấn chưa báo cáo số liệu này).")
}

// allReport sends the seed report for every commune of Định Hóa that has
// no counted report, and amends the returned one.
func allReport(t *testing.T, env *apitest.Env) {
	t.Helper()
	res := env.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil)
	var c models.Completeness
	res.JSON(t, &c)
	for _, u := range c.Units {
		if u.Status != models.StatusMissing && u.Status != models.StatusReturned {
			continue
		}
		m := apitest.Seed(t)
		m["unit_code"] = u.Code
		if u.Status == models.StatusReturned {
			apitest.Obj(m, "delegations")["narrative"] = "Đã bổ sung số liệu đoàn vào theo yêu cầu."
		}
		submit(t, env, "district", apitest.Body(t, m))
	}
}

// TestConsolidatedAnnexAgreesWithSection13: the annex and section 13 say
// who is late and who has sent nothing from one source, the API's
// completeness: the late marked (**) in every table, the communes with no
// report named once above the tables instead of a row of "–" each.
func TestConsolidatedAnnexAgreesWithSection13(t *testing.T) {
	env := consolidatedEnv(t)
	rep, doc := getConsolidated(t, env, "")
	res := env.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil)
	var c models.Completeness
	res.JSON(t, &c)
	late, sent, missing := map[string]bool{}, map[string]bool{}, []string{}
	for _, u := range c.Units {
		if u.OnTime != nil && !*u.OnTime {
			late[u.Name] = true
		}
		if u.Status == models.StatusMissing || u.Status == models.StatusDraft {
			missing = append(missing, lowerFirstWord(u.Name))
		} else {
			sent[u.Name] = true
		}
	}
	if len(late) != 2 || len(sent) != 4 || len(missing) != 19 {
		t.Fatalf("the round: %d late, %d sent, %d missing; want 2, 4, 19", len(late), len(sent), len(missing))
	}
	inDocument(t, doc, "Các xã, thị trấn chưa báo cáo (19/23), không có số liệu trong các biểu: "+strings.Join(missing, ", ")+".")
	if len(rep.Annex.NotReported) != 19 {
		t.Errorf("the annex's not_reported lists %d communes, want 19", len(rep.Annex.NotReported))
	}
	for _, tb := range rep.Annex.Tables {
		rows := 0
		for _, row := range tb.Rows {
			if row.Kind != "commune" {
				continue
			}
			rows++
			if !sent[row.Name] {
				t.Errorf("%s: a row for %s, which has sent nothing", tb.Title, row.Name)
			}
			if row.Late != late[row.Name] {
				t.Errorf("%s: %s late=%v, the API says on_time=%v", tb.Title, row.Name, row.Late, !late[row.Name])
			}
		}
		if rows != len(sent) {
			t.Errorf("%s: %d commune rows, want %d", tb.Title, rows, len(sent))
		}
	}
	tables := 0
	for _, tb := range doc.Tables {
		if len(tb) == 0 || len(tb[0]) < 3 || tb[0][1] != "Đơn vị" || tb[0][2] == "Dự án" {
			continue
		}
		tables++
		if len(tb) != 1+len(sent)+1 {
			t.Errorf("table %q: %d rows, want a header, %d communes and a total", tb[0][2], len(tb), len(sent))
		}
		for _, row := range tb[1 : len(tb)-1] {
			name, marked := strings.CutSuffix(row[1], " (**)")
			name = strings.TrimSuffix(name, " (*)")
			if marked != late[name] {
				t.Errorf("table %q: %q marked late=%v, the API says late=%v", tb[0][2], row[1], marked, late[name])
			}
		}
	}
	if tables != 5 {
		t.Errorf("%d annex tables of indicators, want 5", tables)
	}
}

// lowerFirstWord writes a unit's name as inside a sentence: "xã Lam Vỹ".
func lowerFirstWord(name string) string {
	kind, rest, _ := strings.Cut(name, " ")
	if kind == "Thị" {
		k2, r2, _ := strings.Cut(rest, " ")
		return "thị " + k2 + " " + r2
	}
	return strings.ToLower(kind) + " " + rest
}

// TestConsolidatedQuotesKeepLines: a commune's narrative written in
// several paragraphs is quoted as several paragraphs, never as one
// justified paragraph with line breaks (which Word spreads across the
// line).
func TestConsolidatedQuotesKeepLines(t *testing.T) {
	env := consolidatedEnv(t)
	m := apitest.Seed(t)
	m["unit_code"] = "05599"
	apitest.Obj(m, "information")["narrative"] = "Xã đăng tải 12 tin, bài về hoạt động đối ngoại.\nTổ chức 2 hội nghị tuyên truyền biển, đảo.\n\nKhông có vụ việc phức tạp nảy sinh."
	submit(t, env, "other-commune", apitest.Body(t, m))
	_, doc := getConsolidated(t, env, "")
	for _, p := range doc.Paragraphs {
		if strings.Contains(p, "\n") {
			t.Errorf("a paragraph carries line breaks: %q", p)
		}
	}
	for _, p := range []string{"- Xã Sơn Phú: “Xã đăng tải 12 tin, bài về hoạt động đối ngoại.",
		"Tổ chức 2 hội nghị tuyên truyền biển, đảo.", "Không có vụ việc phức tạp nảy sinh.”"} {
		inDocument(t, doc, p)
	}
}
