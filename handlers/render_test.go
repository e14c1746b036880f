package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"doingoai/consolidated"
	"doingoai/demo"
	"doingoai/export"
	"doingoai/internal/render"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// These tests render what an officer downloads with real LibreOffice and
// read the pages back (internal/render). With UPDATE_SCREENSHOTS=1 the
// demo district's pages are written to docs/screenshots/.

// renderDownload renders with LibreOffice what the demo district
// downloads from url, saved as name.
func renderDownload(t *testing.T, url, name string) *render.PDF {
	t.Helper()
	render.Require(t)
	res := consolidatedEnv(t).Do(t, "GET", url, "district", "", nil)
	if res.Status != 200 {
		t.Fatalf("%s: %d %s", url, res.Status, res.Body)
	}
	return render.ToPDF(t, name, res.Body)
}

// TestRenderConsolidated renders the district's report: it opens, page 1 is
// the decree's first page without a number, the body is portrait with page
// numbers from page 2, and the annex is landscape, numbered on its own.
func TestRenderConsolidated(t *testing.T) {
	pdf := renderDownload(t, "/api/v1/consolidated/167/2024", "bao-cao.docx")
	pages := pdf.Pages()
	first := pdf.Text(1)
	for _, s := range []string{"UBND HUYỆN ĐỊNH HÓA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: …/BC-UBND", "BÁO CÁO", "I. ĐẶC ĐIỂM TÌNH HÌNH"} {
		if !strings.Contains(first, s) {
			t.Errorf("page 1 lacks %q:\n%s", s, first)
		}
	}
	if regexp.MustCompile(`^\d+$`).MatchString(firstLine(first)) {
		t.Errorf("page 1 carries a page number: %q", firstLine(first))
	}
	annex := 0
	for p := 1; p <= pages; p++ {
		if pdf.Landscape(p) {
			annex = p
			break
		}
		if p > 1 && firstLine(pdf.Text(p)) != itoa(p) {
			t.Errorf("page %d of the body is numbered %q", p, firstLine(pdf.Text(p)))
		}
	}
	if annex == 0 {
		t.Fatalf("no landscape annex in %d pages", pages)
	}
	if !strings.Contains(pdf.Text(annex), "Phụ lục") {
		t.Errorf("the first landscape page is not the annex:\n%s", pdf.Text(annex))
	}
	for p := annex + 1; p <= pages; p++ {
		if !pdf.Landscape(p) {
			t.Errorf("page %d of the annex is portrait", p)
		}
		if got := firstLine(pdf.Text(p)); got != itoa(p-annex+1) {
			t.Errorf("annex page %d is numbered %q, want %d", p, got, p-annex+1)
		}
	}
	// The body of a district with four reports in: five pages; the annex,
	// the 19 communes with no report named in a sentence and five tables of
	// the 4 that sent one, with the projects: two pages (five, a page a
	// table, when every commune had a row).
	if body, ann := annex-1, pages-annex+1; body != 5 || ann != 2 {
		t.Errorf("%d pages of body and %d of annex, want 5 and 2", body, ann)
	}
	all := ""
	for p := 1; p <= pages; p++ {
		all += pdf.Text(p)
	}
	all = strings.Join(strings.Fields(all), " ") // lines joined
	for _, s := range []string{"tiếp đón 16 đoàn trong nước", "Tổng cộng", "1.500.000.000", "TM. ỦY BAN NHÂN DÂN"} {
		if !strings.Contains(all, s) {
			t.Errorf("the rendered document lacks %q", s)
		}
	}
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestRenderWorkbook renders the district's Excel export as it prints: no
// "###" where a number does not fit, the headers whole, numbers with their
// separators, and every page readable: the totals and the series on a page
// each, the breakdown's thirty columns on two pages across, each with the
// communes' codes and names.
func TestRenderWorkbook(t *testing.T) {
	pdf := renderDownload(t, "/api/v1/rollups?unit=167&period=2024&by=child&periods=2023,2024&format=xlsx", "tong-hop.xlsx")
	if n := pdf.Pages(); n != 4 {
		t.Errorf("%d pages, want 4: the totals, the breakdown across two, the series", n)
	}
	all := ""
	for p := 1; p <= pdf.Pages(); p++ {
		text := pdf.Text(p)
		if strings.Contains(text, "###") {
			t.Errorf("page %d shows ### where a number does not fit:\n%s", p, text)
		}
		if !pdf.Landscape(p) {
			t.Errorf("page %d is portrait", p)
		}
		if h := pdf.TextHeight(p); h < minPrintedText {
			t.Errorf("page %d prints its text %.1f pt high, want at least %.0f", p, h, minPrintedText)
		}
		all += text
	}
	for p := 2; p <= 3; p++ {
		if text := pdf.Text(p); !strings.Contains(text, "Tên đơn vị") || !strings.Contains(text, "Xã Bộc Nhiêu") {
			t.Errorf("page %d of the breakdown does not name the communes:\n%s", p, text)
		}
	}
	for _, s := range []string{"Kỳ báo cáo: 2024", "Đơn vị tính", "Cách tổng hợp", "46,000,000", "8,072.01", "Tổng cộng", "Trang 1/4"} {
		if !strings.Contains(all, s) {
			t.Errorf("the workbook lacks %q as printed", s)
		}
	}
	if strings.Contains(all, "delegations_out") {
		t.Error("the workbook prints an indicator's code")
	}
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		for p := 1; p <= pdf.Pages(); p++ {
			writeScreenshot(t, fmt.Sprintf("rollup-167-2024-xlsx-%d.png", p), pdf.PNG(p, 80))
		}
	}
}

// minPrintedText is the smallest height, in points, printed text may have
// to be read on paper (11 pt cells printed at 80%).
const minPrintedText = 8.0

// TestRenderProvinceWorkbook renders the demo province's 2025 breakdown:
// 92 communes and 30 columns, which printed on one page were a blur. It
// prints readable, several pages down and two across, the header row and
// the communes' names on every page of it.
func TestRenderProvinceWorkbook(t *testing.T) {
	render.Require(t)
	s, province, period := demoProvince2025(t)
	ctx := context.Background()
	roll, err := s.Rollup(ctx, store.RollupQuery{Unit: province, Period: period, Indicators: models.Indicators, ByChild: true})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Completeness(ctx, store.CompletenessQuery{Unit: province, Period: period})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.RollupXLSX(&buf, roll, c.Reported); err != nil {
		t.Fatal(err)
	}
	pdf := render.ToPDF(t, "tong-hop-19-2025.xlsx", buf.Bytes())
	pages := pdf.Pages()
	if pages < 5 {
		t.Errorf("%d pages: the breakdown of 92 communes cannot print readable on %d", pages, pages-1)
	}
	for p := 1; p <= pages; p++ {
		text := pdf.Text(p)
		if !pdf.Landscape(p) {
			t.Errorf("page %d is portrait", p)
		}
		if h := pdf.TextHeight(p); h < minPrintedText {
			t.Errorf("page %d prints its text %.1f pt high, want at least %.0f", p, h, minPrintedText)
		}
		if p > 1 && (!strings.Contains(text, "Mã đơn vị") || !strings.Contains(text, "Tên đơn vị")) {
			t.Errorf("page %d of the breakdown lacks the header row or the units' names:\n%s", p, text)
		}
		if !strings.Contains(text, fmt.Sprintf("Trang %d/%d", p, pages)) {
			t.Errorf("page %d is not numbered %d/%d", p, p, pages)
		}
	}
}

// TestRenderDemoReport renders the report of the demo (serve --demo):
// Định Hóa with Bộc Nhiêu's report. With UPDATE_SCREENSHOTS=1 its first page
// is docs/screenshots/consolidated-167-2024.png.
func TestRenderDemoReport(t *testing.T) {
	render.Require(t)
	clock := testenv.NewClock(time.Date(2024, 12, 10, 9, 0, 0, 0, models.Vietnam))
	s := testenv.Open(t, clock)
	ctx := context.Background()
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	tr, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := consolidated.Build(ctx, s, tr.ByCode(demo.DistrictCode), models.Period{Year: 2024}, consolidated.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, s.Now()); err != nil {
		t.Fatal(err)
	}
	pdf := render.ToPDF(t, "bao-cao-doi-ngoai-167-2024.docx", buf.Bytes())
	if !strings.Contains(pdf.Text(1), "1/23 xã, thị trấn") {
		t.Errorf("page 1 does not say one of 23 communes reported:\n%s", pdf.Text(1))
	}
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		writeScreenshot(t, "consolidated-167-2024.png", pdf.PNG(1, 80))
		for p := 1; p <= pdf.Pages(); p++ {
			if pdf.Landscape(p) {
				writeScreenshot(t, "consolidated-167-2024-annex.png", pdf.PNG(p, 80))
				break
			}
		}
	}
}

func writeScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	path := filepath.Join("..", "docs", "screenshots", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// TestRenderProvinceDraft renders the province's 2025 draft of the demo:
// one report counted of 92. The 91 communes that sent nothing are named in
// one sentence of the annex, not a row of "–" each: 7 pages, where a row
// each made 20 (15 of them annex).
func TestRenderProvinceDraft(t *testing.T) {
	render.Require(t)
	s, province, period := demoProvince2025(t)
	ctx := context.Background()
	rep, err := consolidated.Build(ctx, s, province, period, consolidated.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Completeness.Counted != 1 || len(rep.Annex.NotReported) != 91 {
		t.Fatalf("%d reports counted, %d communes not reported; want the demo's 1 and 91", rep.Completeness.Counted, len(rep.Annex.NotReported))
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, s.Now()); err != nil {
		t.Fatal(err)
	}
	pdf := render.ToPDF(t, "bao-cao-doi-ngoai-19-2025.docx", buf.Bytes())
	if n := pdf.Pages(); n > 7 {
		t.Errorf("the province's draft is %d pages, want at most 7", n)
	}
	all := ""
	for p := 1; p <= pdf.Pages(); p++ {
		all += pdf.Text(p)
	}
	all = strings.Join(strings.Fields(all), " ")
	for _, s := range []string{"Các xã, phường chưa báo cáo (91/92), không có số liệu trong các biểu: phường Đức Xuân",
		"Trong năm 2025, theo báo cáo của 1/92 xã, phường đã gửi, không có đoàn ra nước ngoài"} {
		if !strings.Contains(all, s) {
			t.Errorf("the rendered draft lacks %q", s)
		}
	}
	if strings.Contains(all, "Xã Kha Sơn (*)") {
		t.Error("the annex has a row for a commune that sent nothing")
	}
}

// demoProvince2025 is the demo's data in January 2026 (serve --demo): the
// province of Thái Nguyên after the reform, with Trung Hội's 2025 report.
func demoProvince2025(t *testing.T) (*store.Store, *models.TreeUnit, models.Period) {
	t.Helper()
	s := testenv.Open(t, testenv.NewClock(time.Date(2026, 1, 10, 9, 0, 0, 0, models.Vietnam)))
	ctx := context.Background()
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	tr, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	period := models.Period{Year: 2025}
	province, err := tr.Resolve("19", period)
	if err != nil {
		t.Fatal(err)
	}
	return s, province, period
}
