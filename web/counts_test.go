package web_test

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"doingoai/docx"
	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestReportedMeansOneThing: with a report sent and another sent and
// returned, 2 of 23 communes have reported (completeness.reported) and the
// figures add up 1 report (the rollup's communes_reported). The overview,
// the workbook and the Word draft, as a district officer downloads them
// from the overview, each say both, in the same words, with the API's
// numbers.
func TestReportedMeansOneThing(t *testing.T) {
	s := newSite(t)
	m := apitest.Seed(t)
	m["unit_code"] = "05599"
	if res := s.Do(t, "POST", "/api/v1/reports", "other-commune", apitest.Body(t, m), nil); res.Status != 201 {
		t.Fatalf("Sơn Phú's report: %d %s", res.Status, res.Body)
	}
	if res := s.Do(t, "POST", "/api/v1/reports/05599/2024/review", "district", `{"decision":"return","comment":"Bổ sung số liệu."}`, nil); res.Status != 200 {
		t.Fatalf("return: %d %s", res.Status, res.Body)
	}
	var comp models.Completeness
	s.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil).JSON(t, &comp)
	var roll models.Rollup
	s.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024", "district", "", nil).JSON(t, &roll)
	if comp.Reported != 2 || roll.CommunesReported != 1 {
		t.Fatalf("the API: reported %d, communes_reported %d; want 2 and 1", comp.Reported, roll.CommunesReported)
	}
	reported := fmt.Sprintf("%d/%d", comp.Reported, comp.Expected)
	counted := models.CountedSentence(roll.CommunesReported, roll.Counted)

	officer := s.client(t)
	officer.signIn("huyen167")
	page := officer.get("/u/167/2024")
	expect(t, "the overview", page, 200)
	body := html.UnescapeString(page.Body)
	if !strings.Contains(body, "<dt>"+models.ReportedLabel+"</dt><dd>"+reported+"</dd>") {
		t.Errorf("the overview does not say %s %s", models.ReportedLabel, reported)
	}
	if !strings.Contains(body, counted) {
		t.Errorf("the overview does not say %q", counted)
	}

	wb := officer.get("/u/167/2024/tai-ve/tong-hop.xlsx")
	expect(t, "the workbook", wb, 200)
	f, err := excelize.OpenReader(bytes.NewReader([]byte(wb.Body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		line, err := f.GetCellValue(sheet, "A2")
		if err != nil {
			t.Fatal(err)
		}
		if want := models.ReportedLabel + ": " + reported + " đơn vị cấp xã. " + counted; !strings.Contains(line, want) {
			t.Errorf("the workbook's sheet %q says %q, want %q", sheet, line, want)
		}
	}

	draft := officer.get("/u/167/2024/tai-ve/bao-cao-tong-hop.docx")
	expect(t, "the Word draft", draft, 200)
	doc, err := docx.ReadDocument([]byte(draft.Body))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(doc.Paragraphs, "\n")
	for _, want := range []string{reported + " xã, thị trấn " + strings.ToLower(models.ReportedLabel), counted} {
		if !strings.Contains(text, want) {
			t.Errorf("the Word draft does not say %q", want)
		}
	}
}
