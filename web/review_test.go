package web_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

func etagOf(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`name="etag" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no review form on the page")
	}
	return html.UnescapeString(m[1])
}

func TestReviewFromThePage(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	p := c.get("/r/05596/2024")
	expect(t, "the report", p, 200, "Xã Bộc Nhiêu", "Đã gửi, chờ duyệt", "I. ĐẶC ĐIỂM TÌNH HÌNH", "V. KIẾN NGHỊ", "4.456", "Lê Đình Ngà", `class="wmark"`)
	token, etag := c.csrf("/r/05596/2024"), etagOf(t, p.Body)

	// Returning needs a comment, said at the field.
	p = c.post("/r/05596/2024/duyet", url.Values{"csrf": {token}, "etag": {etag}, "decision": {"return"}, "comment": {"  "}})
	expect(t, "a return without comment", p, http.StatusUnprocessableEntity, `id="comment-err"`, "xin ghi rõ")

	// The commune amends meanwhile: the page's ETag is stale.
	seed := apitest.Seed(t)
	apitest.Obj(seed, "profile")["hamlets"] = 12
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("amend: %d %s", res.Status, res.Body)
	}
	p = c.post("/r/05596/2024/duyet", url.Values{"csrf": {token}, "etag": {etag}, "decision": {"accept"}})
	expect(t, "a stale review", p, http.StatusPreconditionFailed, "Báo cáo đã thay đổi")
	etag = etagOf(t, p.Body)

	// Return it with a comment.
	comment := "Đề nghị bổ sung số và ngày ban hành báo cáo."
	p = c.post("/r/05596/2024/duyet", url.Values{"csrf": {token}, "etag": {etag}, "decision": {"return"}, "comment": {comment}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("return: %d %s", p.Status, p.Body)
	}
	p = c.get(p.Header.Get("Location"))
	expect(t, "after the return", p, 200, "Đã trả lại báo cáo", "Trả lại", comment)

	// The commune's clerk sees the comment on their page.
	clerk := s.client(t)
	clerk.signIn("xa05596")
	p = clerk.get("/r/05596/2024")
	expect(t, "the clerk's page", p, 200, comment)
	if strings.Contains(p.Body, `name="decision"`) {
		t.Error("the clerk is offered the review form")
	}
	if p := clerk.post("/r/05596/2024/duyet", url.Values{"csrf": {clerk.csrf("/r/05596/2024")}, "etag": {etag}, "decision": {"accept"}}); p.Status != http.StatusForbidden {
		t.Errorf("a clerk reviewed: %d", p.Status)
	}

	// The audit trail names the person.
	var list models.AuditList
	s.Do(t, "GET", "/api/v1/audit?unit=05596&period=2024", "admin", "", nil).JSON(t, &list)
	found := false
	for _, e := range list.Items {
		if e.Action == models.ActionReportReview && e.Actor == "Phòng Nội vụ Định Hóa (huyen167)" && e.Role == models.RoleDistrict {
			found = true
		}
	}
	if !found {
		t.Errorf("no review by huyen167 in the audit trail: %+v", list.Items)
	}

	// The commune resubmits; the district accepts; the history shows both and the diff what changed.
	apitest.Obj(seed, "document")["number"] = "15/BC-UBND"
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("resubmit: %d %s", res.Status, res.Body)
	}
	p = c.get("/r/05596/2024")
	expect(t, "the resubmission", p, 200, "Đã gửi, chờ duyệt", "Lần gửi thứ 3")
	p = c.post("/r/05596/2024/duyet", url.Values{"csrf": {token}, "etag": {etagOf(t, p.Body)}, "decision": {"accept"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", p.Status, p.Body)
	}
	expect(t, "after accepting", c.get("/r/05596/2024"), 200, "Đã duyệt")
	p = c.get("/r/05596/2024/so-sanh?tu=1&den=3")
	expect(t, "the diff", p, 200, "I. Đặc điểm tình hình › Số xóm, thôn, bản", "<del>11</del>", "<ins>12</ins>", "<ins>15/BC-UBND</ins>")
}

func TestDeadlineFromTheOverview(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	token := c.csrf("/u/167/2024")
	p := c.post("/u/167/2024/han-nop", url.Values{"csrf": {token}, "due_date": {"25/11"}, "reference": {"7253/UBND-VP"}})
	expect(t, "a bad date", p, http.StatusUnprocessableEntity, `id="due_date-err"`, `aria-invalid="true"`)
	p = c.post("/u/167/2024/han-nop", url.Values{"csrf": {token}, "due_date": {"2024-11-28"}, "reference": {"7253/UBND-VP"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("set the deadline: %d %s", p.Status, p.Body)
	}
	p = c.get("/u/167/2024")
	expect(t, "the overview", p, 200, "Hạn nộp: <strong>28/11/2024</strong>", "còn 3 ngày", "7253/UBND-VP")
	var d models.Deadline
	s.Do(t, "GET", "/api/v1/deadlines/167/2024", "district", "", nil).JSON(t, &d)
	if d.DueDate.String() != "2024-11-28" || d.SetBy != "Phòng Nội vụ Định Hóa (huyen167)" {
		t.Errorf("the API sees %+v", d)
	}
}

// TestFiguresAreTheAPIs compares every total and count on the overview
// with the API's answer for the same unit and period.
func TestFiguresAreTheAPIs(t *testing.T) {
	s := newSite(t)
	// A second commune reports, so that totals are sums.
	seed := apitest.Seed(t)
	seed["unit_code"] = "05599"
	apitest.Obj(seed, "profile")["population"] = 3001
	if res := s.Do(t, "POST", "/api/v1/reports", "other-commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("second report: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("tinh19")
	for _, unit := range []string{"167", "19"} {
		p := c.get("/u/" + unit + "/2024")
		expect(t, "overview "+unit, p, 200)
		var roll struct {
			Indicators []struct {
				Code      string
				Value     json.Number
				Reporting int
			}
		}
		res := s.Do(t, "GET", "/api/v1/rollups?unit="+unit+"&period=2024", "province", "", nil)
		dec := json.NewDecoder(strings.NewReader(string(res.Body)))
		dec.UseNumber()
		if err := dec.Decode(&roll); err != nil {
			t.Fatal(err)
		}
		for _, iv := range roll.Indicators {
			row := regexp.MustCompile(`chi-tieu=` + iv.Code + `#bieu-do">[^<]*</a></th>\s*<td>[^<]*</td>\s*<td class="num">([^<]*)</td>\s*<td class="num">[^<]*</td>\s*<td class="num">[^<]*</td>\s*<td class="num">([^<]*)</td>`).FindStringSubmatch(p.Body)
			if row == nil {
				t.Fatalf("%s: no row for %s", unit, iv.Code)
			}
			want := "—"
			if iv.Value != "" {
				want = models.FormatVNNumber(string(iv.Value))
			}
			if row[1] != want || row[2] != models.FormatVNNumber(strings.TrimSpace(itoa(iv.Reporting))) {
				t.Errorf("%s %s: page %q (%s communes), API %s (%d)", unit, iv.Code, row[1], row[2], iv.Value, iv.Reporting)
			}
		}
		var comp models.Completeness
		s.Do(t, "GET", "/api/v1/completeness?unit="+unit+"&period=2024", "province", "", nil).JSON(t, &comp)
		for label, n := range map[string]int{"Chưa báo cáo": comp.Missing, "Trễ hạn": comp.Late, "Đã duyệt": comp.Accepted, "Trả lại": comp.Returned} {
			if !strings.Contains(p.Body, "<dt>"+label+"</dt><dd>"+itoa(n)+"</dd>") {
				t.Errorf("%s: %s is not %d on the page", unit, label, n)
			}
		}
		if !strings.Contains(p.Body, "<dt>Đã báo cáo</dt><dd>"+itoa(comp.Reported)+"/"+itoa(comp.Expected)+"</dd>") {
			t.Errorf("%s: reported %d/%d not on the page", unit, comp.Reported, comp.Expected)
		}
	}
	// The line over the years: the API's series in today's tree.
	var series struct {
		Series []struct {
			Period     string
			Indicators []struct{ Value json.Number }
		}
	}
	res := s.Do(t, "GET", "/api/v1/rollups?unit=167&periods=2023,2024&tree=2024-11-25&indicators=population", "province", "", nil)
	dec := json.NewDecoder(strings.NewReader(string(res.Body)))
	dec.UseNumber()
	if err := dec.Decode(&series); err != nil || len(series.Series) != 2 {
		t.Fatalf("series: %v %s", err, res.Body)
	}
	line := c.get("/u/167/2024?chi-tieu=population").Body
	for _, pt := range series.Series {
		if v := pt.Indicators[0].Value; v != "" && !strings.Contains(line, "<title>"+pt.Period+": "+models.FormatVNNumber(string(v))+"</title>") {
			t.Errorf("the line lacks %s: %s", pt.Period, v)
		}
	}
	if !strings.Contains(line, "theo địa giới hành chính hiện nay") {
		t.Error("the line does not say it is drawn in today's tree")
	}
	// Sanity: the sum is there, not one commune's figure.
	if p := c.get("/u/167/2024"); !strings.Contains(p.Body, ">7.457<") {
		t.Error("the population total 4456 + 3001 = 7.457 is not on the overview")
	}
	_ = context.Background()
}

func itoa(n int) string { return strings.TrimSpace(strings.ReplaceAll(jsonString(n), `"`, "")) }

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestDownloads(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	for file, ctype := range map[string]string{
		"tong-hop.xlsx":         "spreadsheetml",
		"tong-hop.csv":          "text/csv",
		"bao-cao-tong-hop.docx": "wordprocessingml",
	} {
		p := c.get("/u/167/2024/tai-ve/" + file)
		if p.Status != 200 || !strings.Contains(p.Header.Get("Content-Type"), ctype) || !strings.Contains(p.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s: %d %q %q", file, p.Status, p.Header.Get("Content-Type"), p.Header.Get("Content-Disposition"))
		}
		// The same bytes as the API's export (the docx carries its creation time, so compare its size).
		api := map[string]string{
			"tong-hop.xlsx":         "/api/v1/rollups?unit=167&period=2024&by=child&format=xlsx",
			"tong-hop.csv":          "/api/v1/rollups?unit=167&period=2024&by=child&format=csv",
			"bao-cao-tong-hop.docx": "/api/v1/consolidated/167/2024",
		}[file]
		res := s.Do(t, "GET", api, "district", "", nil)
		if file == "tong-hop.csv" && string(res.Body) != p.Body {
			t.Errorf("%s differs from the API's %s", file, api)
		}
		if res.Status != 200 || len(res.Body) == 0 || (len(res.Body)-len(p.Body))*20 > len(res.Body) {
			t.Errorf("%s: %d bytes, the API's %s %d bytes (status %d)", file, len(p.Body), api, len(res.Body), res.Status)
		}
	}
	if p := c.get("/u/167/2024/tai-ve/khac.pdf"); p.Status != http.StatusNotFound {
		t.Errorf("an unknown download: %d", p.Status)
	}
}

// TestDownloadsShareExportSlots: the page's CSV, Excel and Word downloads
// go through the API's export slots; with every slot busy both are refused
// 503 with Retry-After, the page with a message for a person.
func TestDownloadsShareExportSlots(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	release := apitest.HoldExports(t)
	for _, dl := range []struct{ format, api, page string }{
		{"csv", "/api/v1/rollups?unit=167&period=2024&by=child&format=csv", "/u/167/2024/tai-ve/tong-hop.csv"},
		{"xlsx", "/api/v1/rollups?unit=167&period=2024&by=child&format=xlsx", "/u/167/2024/tai-ve/tong-hop.xlsx"},
		{"docx", "/api/v1/consolidated/167/2024", "/u/167/2024/tai-ve/bao-cao-tong-hop.docx"},
		{"json", "/api/v1/consolidated/167/2024?format=json", ""},
	} {
		format := dl.format
		res := s.Do(t, "GET", dl.api, "district", "", nil)
		if dl.page == "" {
			if res.Status != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
				t.Errorf("the API's %s with every slot busy: %d %q", dl.api, res.Status, res.Header.Get("Retry-After"))
			}
			continue
		}
		p := c.get(dl.page)
		if res.Status != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
			t.Errorf("the API's %s export with every slot busy: %d %q", format, res.Status, res.Header.Get("Retry-After"))
		}
		if p.Status != res.Status || p.Header.Get("Retry-After") != res.Header.Get("Retry-After") ||
			!strings.Contains(p.Header.Get("Content-Type"), "text/html") || !strings.Contains(p.Body, "Máy chủ đang bận") {
			t.Errorf("the page's %s download with every slot busy: %d %q %q", format, p.Status, p.Header.Get("Retry-After"), p.Header.Get("Content-Type"))
		}
	}
	release()
	for _, file := range []string{"tong-hop.csv", "bao-cao-tong-hop.docx"} {
		if p := c.get("/u/167/2024/tai-ve/" + file); p.Status != http.StatusOK {
			t.Errorf("the page's %s after the slots are free: %d", file, p.Status)
		}
	}
	if res := s.Do(t, "GET", "/api/v1/consolidated/167/2024?format=json", "district", "", nil); res.Status != http.StatusOK {
		t.Errorf("the consolidated report as data after the slots are free: %d", res.Status)
	}
}
