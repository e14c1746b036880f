package web_test

// A real reporting year in Chromium, as four people, on the demo's data
// (Định Hóa's 23 communes in 2024, the 2025 reform, Thái Nguyên's 92
// communes after it): each test reads what its pages say — through the
// same comparisons as TestPagesSayWhatTheAPISays, on the browser's DOM —
// against the API's answer, runs axe-core, and takes screenshots at
// 1366×768 and 390×844 (written to docs/screenshots/ with
// UPDATE_SCREENSHOTS=1).

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"doingoai/api"
	"doingoai/app"
	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// demoNow is when the year is read: December 2025, the 2025 round under
// way, 2024's closed.
var demoNow = time.Date(2025, 12, 10, 9, 0, 0, 0, models.Vietnam)

// newYearSite is the service as `serve --demo` starts it, with the web
// tests' passwords for the demo's accounts (and tinh19, the province's
// officer), an admin token and the commune's token for the API.
func newYearSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	clock := testenv.NewClock(demoNow)
	st := testenv.Open(t, clock)
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	users, err := st.ListUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if !slices.ContainsFunc(users, func(u models.User) bool { return u.Login == p.Login }) {
			if p.UnitCode == "05599" {
				continue // not needed
			}
			if _, err := (app.Accounts{Store: st}).Create(ctx, models.CommandLine, p); err != nil {
				t.Fatal(err)
			}
		} else if _, err := (app.Accounts{Store: st}).ResetPassword(ctx, models.CommandLine, p.Login, p.Password); err != nil {
			t.Fatal(err)
		}
	}
	env := &apitest.Env{Store: st, Clock: clock, Tokens: map[string]string{
		"admin":   testenv.Token(t, st, models.RoleAdmin, "", "test admin"),
		"commune": testenv.Token(t, st, models.RoleCommune, demo.CommuneCode, "test commune"),
	}}
	env.Handler = api.New(api.Config{Store: st})
	srv := httptest.NewServer(env.Handler)
	t.Cleanup(srv.Close)
	return &site{Env: env, URL: srv.URL}
}

// browserReader reads pages as the browser ctx shows them and compares
// them with the API.
func browserReader(t *testing.T, s *site, ctx context.Context) *reader {
	c := s.client(t)
	c.signIn("admin") // for the files, which the browser downloads as the same bytes
	r := &reader{t: t, s: s, c: c}
	r.view = func(path string) string {
		var h string
		run(t, ctx, "open "+path, chromedp.Navigate(s.URL+path), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.OuterHTML("html", &h, chromedp.ByQuery))
		return h
	}
	return r
}

// shots takes the page at 1366×768 (whole) and 390×844 (the first screen).
func shots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	screenshot(t, ctx, name+"-1366.png", 1366, 768, true)
	screenshot(t, ctx, name+"-390.png", 390, 844, false)
}

// TestYearAsMergedCommuneClerk: the clerk of Bộc Nhiêu (05596), merged into
// xã Trung Hội (05581) on 1 July 2025, signs in, reads the 2024 report as
// the API holds it, sends a change, and for 2025 is told which unit now
// reports for the territory.
func TestYearAsMergedCommuneClerk(t *testing.T) {
	s := newYearSite(t)
	clerk := newPerson(t)
	signInBrowser(t, clerk, s.URL, "xa05596")
	r := browserReader(t, s, clerk)

	r.commune("05596", "2024")
	axeCheck(t, clerk, "the clerk's 2024 form")
	var periods []string
	run(t, clerk, "read the periods offered", chromedp.Evaluate(`[...document.querySelectorAll(".cf-periods a")].map(a => a.getAttribute("href"))`, &periods))
	if slices.Contains(periods, "/xa/05596/2025") {
		t.Errorf("the form offers a 2025 report of a commune that ended on 2025-06-30: %v", periods)
	}
	shots(t, clerk, "year-clerk-05596-2024")

	// A change sent from the form is what the API then holds.
	run(t, clerk, "change the party members and send",
		chromedp.Evaluate(`document.querySelector('input[name="profile.party_members"]').value = ""`, nil),
		chromedp.SendKeys(`input[name="profile.party_members"]`, "341", chromedp.ByQuery),
		chromedp.Click(`#cf-submit`, chromedp.ByQuery),
		chromedp.WaitVisible(`#cf-notice`, chromedp.ByQuery))
	rep, _ := r.apiRevision("05596", "2024")
	if rep.Revision != 2 || rep.Status != models.StatusSubmitted || figureAt(rep.Body, "profile.party_members") != "341" {
		t.Errorf("after sending, the API holds revision %d, %s, party_members %s; want 2, submitted, 341", rep.Revision, rep.Status, figureAt(rep.Body, "profile.party_members"))
	}
	r.commune("05596", "2024")

	// 2025: the commune no longer exists; the page names its successor as
	// the API does, and the form offers no 2025 report.
	var unit struct {
		Successors []struct{ Code, Name string }
	}
	if st := r.api("/api/v1/units/05596?at=2025-06-30", &unit); st != http.StatusOK || len(unit.Successors) == 0 {
		t.Fatalf("the API's successors of 05596: %d %v", st, unit.Successors)
	}
	run(t, clerk, "open 2025", chromedp.Navigate(s.URL+"/xa/05596/2025"), chromedp.WaitReady("body", chromedp.ByQuery))
	says := bodyText(t, clerk)
	for _, succ := range unit.Successors {
		if !strings.Contains(says, succ.Name) || !strings.Contains(says, succ.Code) {
			t.Errorf("/xa/05596/2025 does not name %s (%s), which reports for Bộc Nhiêu's territory in 2025; it says: %.600s", succ.Name, succ.Code, says)
		}
	}
	var submit bool
	run(t, clerk, "look for the send button", chromedp.Evaluate(`!!document.querySelector("#cf-submit:not([disabled])")`, &submit))
	if submit {
		t.Errorf("/xa/05596/2025 offers to send a report of a commune that ended on 2025-06-30")
	}
	if res := s.Do(t, "GET", "/api/v1/reports/05596/2025", "admin", "", nil); res.Status != http.StatusNotFound {
		t.Errorf("GET /reports/05596/2025: %d, want 404", res.Status)
	}
	axeCheck(t, clerk, "the clerk's 2025 page")
	shots(t, clerk, "year-clerk-05596-2025")
}

// TestYearAsDistrictOfficer2024: Định Hóa's officer reads the 2024
// overview, returns Bộc Nhiêu's report with a comment, accepts the
// resubmission, sets a due date that has passed and sees the late flags —
// every count, status, flag and figure read against the API.
func TestYearAsDistrictOfficer2024(t *testing.T) {
	s := newYearSite(t)
	officer := newPerson(t)
	signInBrowser(t, officer, s.URL, "huyen167")
	r := browserReader(t, s, officer)

	r.overview("167", "2024")
	axeCheck(t, officer, "the district's 2024 overview")
	r.report("05596", "2024")

	comment := "Đề nghị xã bổ sung số liệu công dân xuất cảnh và người đi lao động ở nước ngoài."
	run(t, officer, "return with a comment",
		chromedp.Navigate(s.URL+"/r/05596/2024"),
		chromedp.WaitVisible(`#comment`, chromedp.ByQuery),
		chromedp.SendKeys(`#comment`, comment, chromedp.ByQuery),
		chromedp.Click(`button[name=decision][value=return]`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.ok`, chromedp.ByQuery))
	rep, _ := r.apiRevision("05596", "2024")
	if rep.Status != models.StatusReturned || rep.Review == nil || rep.Review.Comment != comment {
		t.Errorf("after returning, the API holds %s with review %+v", rep.Status, rep.Review)
	}
	r.report("05596", "2024")
	run(t, officer, "the report returned", chromedp.Navigate(s.URL+"/r/05596/2024"), chromedp.WaitVisible(`article.doc`, chromedp.ByQuery))
	shots(t, officer, "year-district-167-returned")

	// The commune resubmits with the two figures; the officer accepts.
	seed := apitest.Seed(t)
	apitest.Obj(seed, "consular")["citizens_exited"] = 3
	apitest.Obj(seed, "overseas_vietnamese")["labor_export_workers"] = 12
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("resubmit: %d %s", res.Status, res.Body)
	}
	r.report("05596", "2024")
	run(t, officer, "accept",
		chromedp.Navigate(s.URL+"/r/05596/2024"),
		chromedp.WaitVisible(`button[name=decision][value=accept]`, chromedp.ByQuery),
		chromedp.Click(`button[name=decision][value=accept]`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.ok`, chromedp.ByQuery))
	if rep, _ := r.apiRevision("05596", "2024"); rep.Status != models.StatusAccepted {
		t.Errorf("after accepting, the API holds %s", rep.Status)
	}
	r.report("05596", "2024")
	run(t, officer, "the history", chromedp.Navigate(s.URL+"/xa/05596/2024/lich-su"), chromedp.WaitReady("body", chromedp.ByQuery))
	axeCheck(t, officer, "the history of Bộc Nhiêu's 2024 report")
	shots(t, officer, "year-district-05596-history")

	// A due date that has passed: Bộc Nhiêu's first submission came after
	// it, and the overview says so as the API does.
	run(t, officer, "set a due date in the past",
		chromedp.Navigate(s.URL+"/u/167/2024"),
		chromedp.WaitVisible(`#due_date`, chromedp.ByQuery),
		chromedp.SetValue(`#due_date`, "2024-11-25", chromedp.ByQuery),
		chromedp.SendKeys(`#reference`, "7253/UBND-VP", chromedp.ByQuery),
		chromedp.Click(`#han-nop button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.due strong`, chromedp.ByQuery))
	comp := r.completeness("167", "2024")
	if comp.Late == 0 {
		t.Fatalf("after a due date in the past the API counts no late report: %+v", comp)
	}
	r.overview("167", "2024")
	axeCheck(t, officer, "the district's 2024 overview with late reports")
	shots(t, officer, "year-district-167-2024")
}

// TestYearAsProvinceOfficer2025: the province's officer reads Thái Nguyên's
// 2025 overview across the reform — the 92 communes, their statuses, and
// every indicator beside 2024 with its change — and xã Trung Hội's report.
func TestYearAsProvinceOfficer2025(t *testing.T) {
	s := newYearSite(t)
	officer := newPerson(t)
	signInBrowser(t, officer, s.URL, "tinh19")
	r := browserReader(t, s, officer)

	r.overview("19", "2025")
	axeCheck(t, officer, "the province's 2025 overview")
	shots(t, officer, "year-province-19-2025")
	r.report("05581", "2025")
	run(t, officer, "back to the report", chromedp.Navigate(s.URL+"/r/05581/2025"), chromedp.WaitVisible(`article.doc`, chromedp.ByQuery))
	axeCheck(t, officer, "xã Trung Hội's 2025 report")
	shots(t, officer, "year-province-05581-2025")
}

// TestYearAsAdmin: the admin makes a token on the token page; the list on
// the page is the API's list, line by line.
func TestYearAsAdmin(t *testing.T) {
	s := newYearSite(t)
	admin := newPerson(t)
	signInBrowser(t, admin, s.URL, "admin")
	r := browserReader(t, s, admin)
	run(t, admin, "create a token",
		chromedp.Navigate(s.URL+"/quan-tri/ma-truy-cap"),
		chromedp.WaitVisible(`#tao-ma`, chromedp.ByQuery),
		chromedp.SetValue(`#role`, "district", chromedp.ByQuery),
		chromedp.SendKeys(`#unit`, "19", chromedp.ByQuery),
		chromedp.SendKeys(`#name`, "Bảng theo dõi của Sở Ngoại vụ", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#days").value = ""`, nil),
		chromedp.SendKeys(`#days`, "90", chromedp.ByQuery),
		chromedp.Click(`#tao-ma button[type=submit]`, chromedp.ByQuery))
	run(t, admin, "the new token", chromedp.WaitVisible(`#secret`, chromedp.ByQuery))
	var secret string
	run(t, admin, "read the secret", chromedp.Value(`#secret`, &secret, chromedp.ByQuery))
	if p, err := s.Store.Authenticate(context.Background(), secret); err != nil || p.Role != models.RoleDistrict {
		t.Errorf("the secret on the page does not authenticate as a district token: %v %+v", err, p)
	}
	axeCheck(t, admin, "the token page")
	shots(t, admin, "year-admin-tokens")

	var list struct{ Items []models.Token }
	r.api("/api/v1/tokens", &list)
	doc := r.read("/quan-tri/ma-truy-cap")
	tbl := readTable(first(section(doc, "h-list"), tag("table")))
	if len(tbl.Rows) != len(list.Items) {
		t.Errorf("the page lists %d tokens, the API %d", len(tbl.Rows), len(list.Items))
	}
	roles := map[models.Role]string{}
	for _, tok := range list.Items {
		id := fmt.Sprint(tok.ID)
		row := first(doc, withAttr("id", "ma-"+id))
		if row == nil {
			t.Errorf("token %s (%s) is not on the page", id, tok.Name)
			continue
		}
		unit := tok.UnitCode
		if unit == "" {
			unit = "—"
		}
		got := textOfCells(row)
		want := []string{id, tok.Name, "", unit, vnTime(tok.CreatedAt)}
		for i, w := range want {
			if w != "" && (i >= len(got) || got[i] != w) {
				t.Errorf("token %s: column %d says %q, the API %q", id, i+1, at(got, i), w)
			}
		}
		if roles[tok.Role] == "" {
			roles[tok.Role] = at(got, 2)
		} else if roles[tok.Role] != at(got, 2) {
			t.Errorf("token %s: role %s is called %q here and %q elsewhere", id, tok.Role, at(got, 2), roles[tok.Role])
		}
		expires := "không hết hạn"
		if tok.ExpiresAt != nil {
			expires = vnTime(*tok.ExpiresAt)
		}
		if at(got, 5) != expires {
			t.Errorf("token %s expires %q on the page, the API %q", id, at(got, 5), expires)
		}
		state := "Đang dùng"
		if tok.RevokedAt != nil {
			state = "Đã thu hồi " + vnTime(*tok.RevokedAt)
		}
		if at(got, 7) != state {
			t.Errorf("token %s is %q on the page, the API %q", id, at(got, 7), state)
		}
	}
}

// textOfCells is the text of each cell of a table row.
func textOfCells(row *html.Node) []string {
	var out []string
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			out = append(out, nodeText(c))
		}
	}
	return out
}

func at(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return ""
}
