package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/models"
	"doingoai/web"
)

// seedForm is the seed report as the form's inputs, numbers written the
// Vietnamese way ("1.169", "2.690,67").
func seedForm(t *testing.T) url.Values {
	t.Helper()
	b := demo.BocNhieu2024
	v, err := web.ReportToForm(b)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{}
	for k, x := range v {
		form.Set(k, x)
	}
	return form
}

var (
	idemRe = regexp.MustCompile(`name="idem" value="([^"]*)"`)
	etagRe = regexp.MustCompile(`name="etag" value="([^"]*)"`)
)

// formOf reads the hidden fields of the form page and adds them to v.
func (c *client) formOf(path string, v url.Values) url.Values {
	c.t.Helper()
	p := c.get(path)
	if p.Status != http.StatusOK {
		c.t.Fatalf("GET %s: %d\n%s", path, p.Status, p.Body)
	}
	out := url.Values{}
	for k, x := range v {
		out[k] = x
	}
	out.Set("csrf", csrfRe.FindStringSubmatch(p.Body)[1])
	out.Set("idem", idemRe.FindStringSubmatch(p.Body)[1])
	out.Set("etag", strings.ReplaceAll(etagRe.FindStringSubmatch(p.Body)[1], "&#34;", `"`))
	return out
}

type checkAnswer struct {
	Errors []struct {
		Field   string   `json:"field"`
		Targets []string `json:"targets"`
		Message string   `json:"message"`
	} `json:"errors"`
	Warnings []struct {
		Field   string `json:"field"`
		Message string `json:"message"`
	} `json:"warnings"`
	Shown map[string]string `json:"shown"`
}

func (c *client) check(path string, v url.Values) checkAnswer {
	c.t.Helper()
	p := c.post(path+"/kiem-tra", v)
	if p.Status != http.StatusOK {
		c.t.Fatalf("check: %d %s", p.Status, p.Body)
	}
	var a checkAnswer
	if err := json.Unmarshal([]byte(p.Body), &a); err != nil {
		c.t.Fatal(err)
	}
	return a
}

// apiReport reads the stored report through the API.
func apiReport(t *testing.T, s *site, code, period string) map[string]any {
	t.Helper()
	res := s.Do(t, "GET", "/api/v1/reports/"+code+"/"+period, "district", "", nil)
	if res.Status != http.StatusOK {
		t.Fatalf("GET report: %d %s", res.Status, res.Body)
	}
	return apitest.DecodeNumbers(t, res.Body).(map[string]any)
}

func revisions(t *testing.T, s *site, code, period string) int {
	t.Helper()
	res := s.Do(t, "GET", "/api/v1/reports/"+code+"/"+period+"/revisions", "district", "", nil)
	var list models.RevisionList
	res.JSON(t, &list)
	return len(list.Items)
}

// TestCommuneForm is the clerk's round: the page opens on the current
// period with its due date; the seed report typed the Vietnamese way is
// checked by the API's validator (five warnings, no error); a draft is
// saved and sent; the same click twice makes one revision; an impossible
// figure blocks sending with its message at the field; a returned report
// shows the district's comment; an accepted one is read-only; the history
// says who changed what.
func TestCommuneForm(t *testing.T) {
	s := newEmptySite(t)
	res := s.Do(t, "PUT", "/api/v1/deadlines/167/2024", "district", `{"due_date":"2024-11-28","reference":"7253/UBND-VP"}`, nil)
	if res.Status/100 != 2 {
		t.Fatalf("deadline: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("xa05596")

	expectRedirect(t, "/ for a commune", c.get("/"), "/xa/")
	p := c.get("/xa/")
	expectRedirect(t, "/xa/", p, "/xa/05596/2024")
	const base = "/xa/05596/2024"
	expect(t, "the empty form", c.get(base), 200, "Chưa báo cáo", "Hạn nộp: 28/11/2024", "còn 3 ngày", "7253/UBND-VP",
		`<label for="f-profile-households">Số hộ <span class="unit">(hộ)</span></label>`, `placeholder="chưa có số liệu"`,
		"Thu nhập bình quân đầu người", "(đồng/người/năm)", "Diện tích tự nhiên", "(ha)", "Số đoàn", "(đoàn)", "(%)",
		"I. Đặc điểm tình hình", "13. Chế độ thông tin, báo cáo", "V. Kiến nghị", "Gửi báo cáo", "Lưu nháp")

	// The seed, typed the Vietnamese way: the API's five warnings, no error.
	seed := seedForm(t)
	if seed.Get("profile.households") != "1.169" || seed.Get("profile.area_ha") != "2.690,67" {
		t.Fatalf("seed form: %v %v", seed.Get("profile.households"), seed.Get("profile.area_ha"))
	}
	seed.Set("profile.population", "4456") // shown back as 4.456
	a := c.check(base, c.formOf(base, seed))
	if len(a.Errors) != 0 {
		t.Errorf("errors on the seed: %+v", a.Errors)
	}
	got := map[string]string{}
	for _, w := range a.Warnings {
		got[w.Field] = w.Message
	}
	for _, f := range []string{"profile.poor_households_rate_pct", "profile.near_poor_households_rate_pct", "profile.ethnic_groups", "document.number", "document.issued_on"} {
		if got[f] == "" {
			t.Errorf("no warning at %s: %v", f, got)
		}
	}
	if len(a.Warnings) != 5 {
		t.Errorf("%d warnings, want the API's 5: %v", len(a.Warnings), got)
	}
	if m := got["profile.poor_households_rate_pct"]; m != "Tỷ lệ hộ nghèo ghi 5,03% khác với 60 hộ nghèo / 1.169 hộ × 100 = 5,13%." {
		t.Errorf("poor rate warning: %q", m)
	}
	if a.Shown["profile.population"] != "4.456" {
		t.Errorf("population shown back as %q", a.Shown["profile.population"])
	}

	// Save a draft; the figures are stored exactly.
	p = c.post(base, c.formOf(base, withAction(seed, "draft")))
	expectRedirect(t, "draft", p, base+"?da=luu-nhap")
	rep := apiReport(t, s, "05596", "2024")
	prof := rep["profile"].(map[string]any)
	if rep["status"] != "draft" || fmt.Sprint(prof["households"]) != "1169" || fmt.Sprint(prof["area_ha"]) != "2690.67" || fmt.Sprint(prof["population"]) != "4456" {
		t.Fatalf("stored draft: status %v households %v area %v population %v", rep["status"], prof["households"], prof["area_ha"], prof["population"])
	}
	if _, ok := rep["consular"].(map[string]any)["citizens_exited"]; ok && rep["consular"].(map[string]any)["citizens_exited"] != nil {
		t.Errorf("an empty input was stored as %v", rep["consular"].(map[string]any)["citizens_exited"])
	}
	expect(t, "the draft reloaded", c.get(base+"?da=luu-nhap"), 200, "Đã lưu bản nháp", "Bản nháp", `value="1.169"`, `value="2.690,67"`, `value="Tày"`)

	// A draft may keep errors: the form is kept as typed (not a revision),
	// opens with its errors, and can be dropped.
	wrong := withAction(seed, "draft")
	wrong.Set("profile.households", "5.000")
	wrong.Set("training.courses", "ba lớp")
	p = c.post(base, c.formOf(base, wrong))
	expectRedirect(t, "a draft with errors", p, base+"?da=luu-tam")
	p = c.get(base + "?da=luu-tam")
	expect(t, "the kept draft", p, 200, "Đã lưu tạm bản nháp", "bản nháp còn lỗi", `value="5.000"`, `value="ba lớp"`, "nhiều hơn dân số", "không phải là số", "Bỏ bản nháp này")
	if n := revisions(t, s, "05596", "2024"); n != 1 {
		t.Errorf("a draft with errors made a revision: %d", n)
	}
	p = c.post(base, url.Values{"csrf": {c.csrf(base)}, "action": {"discard"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("discard: %d", p.Status)
	}
	p = c.get(base)
	expect(t, "after discarding", p, 200, `value="1.169"`)
	if strings.Contains(p.Body, "bản nháp còn lỗi") {
		t.Error("the kept draft is still shown")
	}

	// Send it twice with the same form (a double click, a retry): one revision.
	send := c.formOf(base, withAction(seed, "submit"))
	for i := 0; i < 2; i++ {
		p = c.post(base, send)
		if p.Status != http.StatusSeeOther {
			t.Fatalf("send %d: %d\n%s", i, p.Status, p.Body)
		}
	}
	if n := revisions(t, s, "05596", "2024"); n != 2 {
		t.Errorf("%d revisions after a draft and a double send, want 2", n)
	}
	// At the same moment, from two connections: still one.
	changed := withAction(seed, "submit")
	changed.Set("information.narrative", "Đã cập nhật thông tin đối ngoại.")
	send = c.formOf(base, changed)
	var wg sync.WaitGroup
	statuses := make([]int, 3)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = c.post(base, send).Status
		}()
	}
	wg.Wait()
	for i, st := range statuses {
		if st != http.StatusSeeOther {
			t.Errorf("concurrent send %d: %d", i, st)
		}
	}
	if n := revisions(t, s, "05596", "2024"); n != 3 {
		t.Errorf("%d revisions after three simultaneous sends of one form, want 3", n)
	}

	// An impossible figure: sending is refused, the message at the field.
	bad := withAction(seed, "submit")
	bad.Set("profile.households", "5.000")
	a = c.check(base, c.formOf(base, bad))
	if len(a.Errors) != 1 || a.Errors[0].Field != "profile.households" || a.Errors[0].Targets[0] != "f-profile-households" {
		t.Fatalf("check of households > population: %+v", a.Errors)
	}
	p = c.post(base, c.formOf(base, bad))
	expect(t, "sending households > population", p, http.StatusUnprocessableEntity, "Chưa gửi được")
	field := regexp.MustCompile(`(?s)<div class="msgs" id="f-profile-households-m">(.*?)</div>`).FindStringSubmatch(p.Body)
	if field == nil || !strings.Contains(field[1], "Số hộ (5.000) nhiều hơn dân số (4.456 người)") {
		t.Errorf("the message is not at the households input: %v", field)
	}
	if !strings.Contains(p.Body, `value="5.000"`) {
		t.Error("the refused form lost what was typed")
	}
	if n := revisions(t, s, "05596", "2024"); n != 3 {
		t.Errorf("a refused report made a revision: %d", n)
	}
	// A number the page cannot read is an error at its input too.
	bad.Set("profile.households", "một nghìn")
	p = c.post(base, c.formOf(base, bad))
	expect(t, "an unreadable number", p, http.StatusUnprocessableEntity, "không phải là số")
	p = c.post(base, c.formOf(base, withAction(seed, "draft")))
	expect(t, "a draft over a sent report", p, http.StatusConflict, "không lưu thành bản nháp")

	// Returned: the comment on top.
	res = s.Do(t, "POST", "/api/v1/reports/05596/2024/review", "district", `{"decision":"return","comment":"Đề nghị bổ sung số và ngày ban hành báo cáo."}`, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("return: %d %s", res.Status, res.Body)
	}
	expect(t, "the returned report", c.get(base), 200, "Báo cáo bị trả lại", "Đề nghị bổ sung số và ngày ban hành báo cáo.", "Lưu nháp")
	fixed := withAction(seed, "submit")
	fixed.Set("document.number", "15/BC-UBND")
	fixed.Set("document.issued_on", "2024-11-20")
	p = c.post(base, c.formOf(base, fixed))
	expectRedirect(t, "resend", p, base+"?da=gui")
	if rep := apiReport(t, s, "05596", "2024"); rep["status"] != "submitted" || len(rep["warnings"].([]any)) != 3 {
		t.Errorf("resent: status %v, %d warnings, want submitted with 3", rep["status"], len(rep["warnings"].([]any)))
	}

	// Accepted: read-only.
	res = s.Do(t, "POST", "/api/v1/reports/05596/2024/review", "district", `{"decision":"accept","comment":""}`, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("accept: %d %s", res.Status, res.Body)
	}
	p = c.get(base)
	expect(t, "the accepted report", p, 200, "Đã duyệt", "chỉ để xem", "readonly")
	if strings.Contains(p.Body, "Gửi báo cáo</button>") {
		t.Error("an accepted report can still be sent")
	}
	p = c.post(base, c.formOf(base, fixed))
	expect(t, "sending an accepted report", p, http.StatusConflict, "đã được duyệt")

	// History: who, when, what changed.
	p = c.get(base + "/lich-su")
	expect(t, "the history", p, 200, "UBND xã Bộc Nhiêu", "Lần đầu", "Thông tin văn bản › Số văn bản", "15/BC-UBND", "Đã cập nhật thông tin đối ngoại.", "Cấp trên đã duyệt lần")
}

// TestHistorySaysTheLastReview: the history says what the level above
// decided last, and quotes a comment only where there is one (an
// acceptance without a comment showed an empty quotation).
func TestHistorySaysTheLastReview(t *testing.T) {
	s := newSite(t)
	if res := s.Do(t, "POST", "/api/v1/reports/05596/2024/review", "district", `{"decision":"accept"}`, nil); res.Status != http.StatusOK {
		t.Fatalf("accept: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("xa05596")
	p := c.get("/xa/05596/2024/lich-su")
	expect(t, "the history after an acceptance without a comment", p, 200, "Cấp trên đã duyệt lần 1", "không kèm ý kiến")
	if strings.Contains(p.Body, "<q></q>") {
		t.Error("the history quotes an empty comment")
	}
}

func withAction(v url.Values, action string) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = append([]string(nil), x...)
	}
	out.Set("action", action)
	return out
}

// TestCommuneOnBehalf: a district officer fills a commune's report on its
// behalf, through the same page; the audit trail names the officer. A
// commune's clerk cannot open another commune's report.
func TestCommuneOnBehalf(t *testing.T) {
	s := newEmptySite(t)
	c := s.client(t)
	c.signIn("huyen167")
	const base = "/xa/05599/2024"
	expect(t, "the form for Sơn Phú", c.get(base), 200, "thay cho Xã Sơn Phú")
	v := url.Values{"profile.households": {"1.000"}, "profile.population": {"4.000"}, "action": {"draft"}}
	p := c.post(base, c.formOf(base, v))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("draft on behalf: %d\n%s", p.Status, p.Body)
	}
	res := s.Do(t, "GET", "/api/v1/audit?unit=05599&period=2024", "district", "", nil)
	if res.Status != http.StatusOK || !strings.Contains(string(res.Body), `"actor":"Phòng Nội vụ Định Hóa (huyen167)"`) || !strings.Contains(string(res.Body), `"on_behalf":true`) {
		t.Errorf("audit: %d %s", res.Status, res.Body)
	}
	expect(t, "the history", c.get(base+"/lich-su"), 200, "Phòng Nội vụ Định Hóa", "cấp trên điền thay")

	other := s.client(t)
	other.signIn("xa05596")
	if p := other.get(base); p.Status != http.StatusForbidden {
		t.Errorf("Bộc Nhiêu's clerk opened Sơn Phú's report: %d", p.Status)
	}
	if p := other.post(base+"/kiem-tra", url.Values{"csrf": {other.csrf("/xa/05596/2024")}}); p.Status != http.StatusForbidden {
		t.Errorf("Bộc Nhiêu's clerk checked Sơn Phú's report: %d", p.Status)
	}
}

// TestCommunePeriodsOfARetiredUnit: a commune that ceased to exist (merged
// by a reform) is offered only the periods it existed in; a period after
// that is not found, and its clerk lands on a period it can report.
func TestCommunePeriodsOfARetiredUnit(t *testing.T) {
	s := newEmptySite(t)
	if res := s.Do(t, "PATCH", "/api/v1/units/05599", "admin", `{"valid_to":"2023-06-30"}`, nil); res.Status != http.StatusOK {
		t.Fatalf("retire Sơn Phú: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("xa05599")
	p := c.get("/xa/")
	// Ended on 2023-06-30, it reports the first half of 2023, not the year.
	expectRedirect(t, "/xa/ for a unit retired in 2023", p, "/xa/05599/2023S1")
	p = c.get("/xa/05599/2023")
	expect(t, "2023", p, 200, "năm 2023", "Xã Sơn Phú không báo cáo năm 2023")
	if strings.Contains(p.Body, `href="/xa/05599/2024"`) {
		t.Error("a period after the unit ceased to exist is offered")
	}
	if p := c.get("/xa/05599/2024"); p.Status != http.StatusNotFound {
		t.Errorf("/xa/05599/2024: %d, want 404", p.Status)
	}
	if p := c.get("/xa/05596/2023"); p.Status != http.StatusForbidden {
		t.Errorf("another commune: %d, want 403", p.Status)
	}
}

// TestCommuneImport: "Bắt đầu từ file Word" reads the document with the
// API's import and opens the form filled, each value with the words it was
// read from; nothing is stored until the clerk saves.
func TestCommuneImport(t *testing.T) {
	s := newEmptySite(t)
	c := s.client(t)
	c.signIn("xa05596")
	const base = "/xa/05596/2024"
	expect(t, "the form", c.get(base), 200, "Bắt đầu từ file Word", `enctype="multipart/form-data"`)
	doc, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	upload := func(name string, content []byte) page { return c.upload(base+"/nhap-tu-file", name, content) }
	p := upload("bao-cao-2024.txt", doc)
	// Post/Redirect/Get: the answer to the upload is a redirect to the form,
	// so that a reload or Back never posts the file again.
	expectRedirect(t, "the upload", p, base+"?da=nhap-file")
	// The count of figures filled is the API import's count of found.
	res := s.Do(t, "POST", "/api/v1/reports/import?unit=05596&period=2024", "commune", string(doc), map[string]string{"Content-Type": "text/plain; charset=utf-8"})
	var api struct{ Found []json.RawMessage }
	if err := json.Unmarshal(res.Body, &api); err != nil || res.Status != 200 {
		t.Fatalf("API import: %d %v", res.Status, err)
	}
	for _, what := range []string{"the form filled from the document", "the same form reloaded"} {
		p = c.get(base + "?da=nhap-file")
		expect(t, what, p, 200, fmt.Sprintf("Đã điền sẵn %d số liệu", len(api.Found)), "bao-cao-2024.txt", `value="1.169"`, `value="2.690,67"`,
			"Đọc từ văn bản: «", "1.169 hộ", `data-dirty="1"`, "Báo cáo chưa được lưu", "Bỏ nội dung đọc từ file")
	}
	if res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil); res.Status != http.StatusNotFound {
		t.Errorf("the import stored a report: %d", res.Status)
	}
	p = upload("anh.png", []byte("\x89PNG\r\n\x1a\nnot a report"))
	expect(t, "a file that is no report", p, http.StatusUnprocessableEntity, "Không đọc được file này")
}

// upload sends a file as the field "file" of a form, with the form's
// token, as the browser does.
func (c *client) upload(path, name string, content []byte) page {
	c.t.Helper()
	return c.uploadTo(path, c.csrf(strings.TrimSuffix(path, "/nhap-tu-file")), name, content)
}
