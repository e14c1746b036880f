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
