package web_test

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// demoSite is what `serve --demo` serves on 7 December 2025: Định Hóa in
// 2024, the 2025 reform, Bộc Nhiêu's 2024 report (loaded on the server
// itself) and Trung Hội's 2025 example; with the demo's accounts signed in
// by role.
type demoSite struct {
	URL    string
	people map[models.Role]demo.Person
	t      *testing.T
}

func newDemoSite(t *testing.T) *demoSite {
	t.Helper()
	s := testenv.Open(t, testenv.NewClock(time.Date(2025, 12, 7, 9, 0, 0, 0, models.Vietnam)))
	res, err := demo.Load(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Config{Store: s}))
	t.Cleanup(srv.Close)
	d := &demoSite{URL: srv.URL, people: map[models.Role]demo.Person{}, t: t}
	for _, p := range res.People {
		d.people[p.Role] = p
	}
	return d
}

// as is a person of the demo with the role, signed in.
func (d *demoSite) as(role models.Role) *client {
	c := (&site{URL: d.URL}).client(d.t)
	p := d.people[role]
	res := c.post("/login", url.Values{"login": {p.Login}, "password": {p.Password}})
	expectRedirect(d.t, "sign in as "+p.Login, res, "/")
	return c
}

// text is a page's words without its tags, entities decoded, spaces
// collapsed.
func textOf(body string) string {
	body = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>`).ReplaceAllString(body, " ")
	body = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " ")
	return strings.Join(strings.Fields(html.UnescapeString(body)), " ")
}

// TestWordsOf2025: after 1 July 2025 there are no districts and no thị
// trấn: the province's commune list names the kinds among the units it
// lists (against the units' kinds in the API), the head of a report names
// the committee with the kind in lower case, nothing done on the server is
// shown in English, and the demo's tokens have Vietnamese names.
func TestWordsOf2025(t *testing.T) {
	d := newDemoSite(t)
	officer := d.as(models.RoleDistrict)
	admin := d.as(models.RoleAdmin)

	// The kinds listed: those of the units in the API's completeness.
	for _, tc := range []struct{ unit, period, want string }{
		{"19", "2025", "Các xã, phường ("},
		{"167", "2024", "Các xã, thị trấn (23)"},
	} {
		page := textOf(admin.get("/u/" + tc.unit + "/" + tc.period).Body)
		if !strings.Contains(page, tc.want) {
			t.Errorf("/u/%s/%s: no %q in %q", tc.unit, tc.period, tc.want, page[:min(len(page), 600)])
		}
	}
	p := admin.get("/u/19/2025")
	kinds := map[string]bool{}
	for _, code := range regexp.MustCompile(`<td>(\d{5})</td>`).FindAllStringSubmatch(p.Body, -1) {
		kinds[strings.Fields(textOf(regexp.MustCompile(`<td>` + code[1] + `</td>\s*<td><a[^>]*>([^<]*)</a>`).FindStringSubmatch(p.Body)[1]))[0]] = true
	}
	if kinds["Thị"] || !kinds["Xã"] || !kinds["Phường"] || strings.Contains(textOf(p.Body), "thị trấn (") {
		t.Errorf("the 2025 list: kinds %v, heading %q", kinds, regexp.MustCompile(`Các [^(]*\(\d+\)`).FindString(textOf(p.Body)))
	}

	// The committee in the head of a report, kind in lower case.
	for _, path := range []string{"/r/05581/2025", "/r/05596/2024"} {
		page := textOf(admin.get(path).Body)
		if strings.Contains(page, "UBND Xã") || !regexp.MustCompile(`UBND xã (Trung Hội|Bộc Nhiêu)`).MatchString(page) {
			t.Errorf("%s: the head names the committee %q", path, regexp.MustCompile(`UBND \S+ \S+`).FindString(page))
		}
	}

	// No English: the report loaded on the server, the tokens page.
	for _, path := range []string{"/r/05596/2024", "/xa/05596/2024/lich-su", "/quan-tri/ma-truy-cap", "/u/19/2025", "/r/05581/2025"} {
		page := textOf(admin.get(path).Body)
		for _, english := range []string{"command line", "demo ", "admin", "province", "district", "commune", "draft", "submitted"} {
			if strings.Contains(page, english) {
				i := strings.Index(page, english)
				t.Errorf("%s says %q: …%s…", path, english, page[max(0, i-60):min(len(page), i+60)])
			}
		}
	}
	if page := textOf(officer.get("/r/05596/2024").Body); !strings.Contains(page, "bởi Quản trị hệ thống (trên máy chủ)") {
		t.Errorf("the report loaded on the server does not say who: %q", page)
	}
	if page := textOf(admin.get("/xa/05596/2024/lich-su").Body); strings.Contains(page, "điền thay") {
		t.Errorf("the history says a report loaded on the server was filled in by the level above: %q", page)
	}
}

// TestWordsOfTheClerksRound: a clerk saves a draft and then sends; the
// notices say "cấp trên" and count sendings (the draft is not one), as the
// API's revisions do; the head of the report dates the document as an
// official writes it; the history and the comparison show dates as
// dd/mm/yyyy; an accepted report is not said to be still sendable; Số hộ
// and Dân số offer no "Không có".
func TestWordsOfTheClerksRound(t *testing.T) {
	s := newEmptySite(t)
	c := s.client(t)
	c.signIn("xa05596")
	const base = "/xa/05596/2024"
	form := seedForm(t)
	form.Set("document.issued_on", "2024-11-20")

	// Số hộ and Dân số cannot be 0: no "Không có" beside them; Số xóm can.
	page := c.get(base).Body
	for id, want := range map[string]bool{"f-profile-households": false, "f-profile-population": false, "f-profile-hamlets": true} {
		if got := strings.Contains(page, `data-none="`+id+`"`); got != want {
			t.Errorf("%s: Không có offered %v, want %v", id, got, want)
		}
	}

	p := c.post(base, withAction(c.formOf(base, form), "draft"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("draft: %d %s", p.Status, p.Body)
	}
	notice := textOf(c.get(p.Header.Get("Location")).Body)
	if !strings.Contains(notice, "Bản nháp chưa được gửi lên cấp trên.") || strings.Contains(notice, "lên huyện") {
		t.Errorf("the draft's notice: %q", notice)
	}
	p = c.post(base, withAction(c.formOf(base, form), "submit"))
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d %s", p.Status, p.Body)
	}
	notice = textOf(c.get(p.Header.Get("Location")).Body)
	var list models.RevisionList
	s.Do(t, "GET", "/api/v1/reports/05596/2024/revisions", "district", "", nil).JSON(t, &list)
	sendings := 0
	for _, r := range list.Items {
		if r.Status != models.StatusDraft {
			sendings++
		}
	}
	if len(list.Items) != 2 || sendings != 1 || !strings.Contains(notice, "Đã gửi báo cáo lên cấp trên (lần gửi 1).") {
		t.Errorf("the first sending after a draft: %d revisions, %d sendings; the notice %q", len(list.Items), sendings, notice)
	}

	officer := s.client(t)
	officer.signIn("huyen167")
	report := textOf(officer.get("/r/05596/2024").Body)
	var view models.ReportView
	s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil).JSON(t, &view)
	if view.Document == nil || view.Document.IssuedOn == nil || view.Document.IssuedOn.String() != "2024-11-20" {
		t.Fatalf("the API's issued_on: %+v", view.Document)
	}
	for _, want := range []string{"Lần gửi thứ 1,", "UBND xã Bộc Nhiêu", "Bộc Nhiêu, ngày 20 tháng 11 năm 2024"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report page lacks %q: %q", want, report[:min(len(report), 800)])
		}
	}

	// The clerk changes the date of issue and sends again: the history and
	// the comparison say 20/11/2024 → 05/12/2024, never 2024-11-20.
	form.Set("document.issued_on", "2024-12-05")
	if p = c.post(base, withAction(c.formOf(base, form), "submit")); p.Status != http.StatusSeeOther {
		t.Fatalf("second sending: %d %s", p.Status, p.Body)
	}
	history := textOf(c.get(base + "/lich-su").Body)
	diff := textOf(officer.get("/r/05596/2024/so-sanh?tu=2&den=3").Body)
	for what, page := range map[string]string{"history": history, "comparison": diff} {
		if !strings.Contains(page, "20/11/2024") || !strings.Contains(page, "05/12/2024") {
			t.Errorf("the %s lacks 20/11/2024 or 05/12/2024: %q", what, page)
		}
		if iso := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`).FindString(page); iso != "" {
			t.Errorf("the %s shows the date %s", what, iso)
		}
	}
	if !strings.Contains(textOf(officer.get("/r/05596/2024").Body), "Bộc Nhiêu, ngày 05 tháng 12 năm 2024") {
		t.Error("the head of the report does not follow the new date of issue")
	}

	// Accepted: the form is read-only and says nothing of sending.
	var cur models.ReportView
	res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil)
	res.JSON(t, &cur)
	if r := s.Do(t, "POST", "/api/v1/reports/05596/2024/review", "district", `{"decision":"accept"}`, map[string]string{"If-Match": res.Header.Get("ETag")}); r.Status != http.StatusOK {
		t.Fatalf("accept: %d %s", r.Status, r.Body)
	}
	if page := textOf(c.get(base).Body); strings.Contains(page, "vẫn gửi được") || !strings.Contains(page, "cảnh báo cần xem lại") {
		t.Errorf("the accepted report's form: %q", page[:min(len(page), 1200)])
	}
}
