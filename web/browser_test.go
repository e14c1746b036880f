package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// chromium finds Debian's chromium (or $CHROMIUM). Without it the browser
// tests cannot run: under CI=true that is a failure, elsewhere a loud skip.
func chromium(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: the browser tests cannot run (apt-get install chromium; .ci/run does this)")
	}
	t.Skip("!!! SKIPPED: chromium is not installed (apt-get install chromium, or set CHROMIUM); the browser tests did not run")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	path := chromium(t)
	// Not t.TempDir: Chromium's helper processes may still write to the
	// profile for a moment after the browser exits, and TempDir fails the
	// test when its removal finds a new file. This removal runs after the
	// browser is stopped (cleanups run last-registered first) and retries.
	profile, err := os.MkdirTemp("", "doingoai-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 50; i++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("the Chromium profile %s could not be removed", profile)
	})
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1366, 768),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelB := chromedp.NewContext(alloc)
	t.Cleanup(cancelB)
	if err := chromedp.Run(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

// newPerson is a browser of its own (its own profile and cookies).
func newPerson(t *testing.T) context.Context { return newBrowser(t) }

func run(t testing.TB, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		var url, body string
		_ = chromedp.Run(ctx, chromedp.Location(&url), chromedp.Evaluate(`document.body ? document.body.innerText.slice(0, 2000) : ""`, &body))
		t.Fatalf("%s: %v\nat %s:\n%s", what, err, url, body)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	var s string
	run(t, ctx, "read "+sel, chromedp.Text(sel, &s, chromedp.ByQuery))
	return strings.TrimSpace(s)
}

func bodyText(t *testing.T, ctx context.Context) string {
	t.Helper()
	var s string
	run(t, ctx, "read the page", chromedp.Evaluate(`document.body.innerText`, &s))
	return s
}

func signInBrowser(t testing.TB, ctx context.Context, base, login string) {
	t.Helper()
	run(t, ctx, "sign in as "+login,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#login`, chromedp.ByQuery),
		chromedp.SendKeys(`#login`, login, chromedp.ByQuery),
		chromedp.SendKeys(`#password`, password(login), chromedp.ByQuery),
		chromedp.Click(`form[action="/login"] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`header .who`, chromedp.ByQuery),
	)
}

var axeSource []byte

// axeCheck runs axe-core on the page and fails on any serious or critical
// violation.
func axeCheck(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	if axeSource == nil {
		b, err := os.ReadFile("testdata/axe-core/axe.min.js")
		if err != nil {
			t.Fatal(err)
		}
		axeSource = b
	}
	var res struct {
		Violations []struct {
			ID, Impact, Help string
			Nodes            []struct{ Target []any }
		}
		Passes []struct{ ID string }
	}
	run(t, ctx, "axe on "+page,
		chromedp.Evaluate(string(axeSource), nil),
		chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r => ({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({target: n.target}))})), passes: r.passes.map(p => ({id: p.id}))}))`,
			&res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	bad := 0
	for _, v := range res.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad++
			t.Errorf("axe on %s: %s (%s): %s — %v", page, v.ID, v.Impact, v.Help, v.Nodes)
		} else {
			t.Logf("axe on %s, minor: %s (%s): %s", page, v.ID, v.Impact, v.Help)
		}
	}
	t.Logf("axe on %s: %d rules passed, %d serious or critical violations", page, len(res.Passes), bad)
}

// screenshot saves the page as PNG: into docs/screenshots when
// UPDATE_SCREENSHOTS=1 (they are committed and shown in the README),
// else into the test's temporary folder.
func screenshot(t *testing.T, ctx context.Context, name string, w, h int64, full bool) {
	t.Helper()
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var buf []byte
	emulate := chromedp.EmulateViewport(w, h)
	if w < 600 {
		emulate = chromedp.EmulateViewport(w, h, chromedp.EmulateScale(2), chromedp.EmulateMobile)
	}
	shot := chromedp.CaptureScreenshot(&buf)
	if full {
		shot = chromedp.FullScreenshot(&buf, 100)
	}
	var wide []string
	run(t, ctx, "screenshot "+name, emulate, chromedp.Sleep(200*time.Millisecond),
		// Nothing may stick out sideways: the page scrolls only downwards
		// (wide tables scroll inside their own box).
		chromedp.Evaluate(`[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest(".scroll, .chartbox")).slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`, &wide),
		shot, chromedp.EmulateViewport(1366, 768))
	if len(wide) > 0 {
		t.Errorf("%s: elements wider than the %d px screen: %v", name, w, wide)
	}
	if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowser is the district officer's week in a real Chromium: sign in,
// the overview with the right counts, Bộc Nhiêu's report, return it with
// a comment, the status, a forged cross-site form refused, the commune's
// clerk sees the comment and cannot open another commune, a resubmission
// accepted, the Excel download, sign out — with axe-core on the overview
// and the report.
func TestBrowser(t *testing.T) {
	s := newSite(t)
	district := newPerson(t)

	// Sign in: the printed address leads to the form, then to Định Hóa's 2024 overview.
	signInBrowser(t, district, s.URL, "huyen167")
	var loc string
	run(t, district, "where", chromedp.Location(&loc))
	if !strings.HasSuffix(loc, "/u/167/2024") {
		t.Fatalf("after sign-in the browser is at %s", loc)
	}
	if h1 := text(t, district, "h1"); !strings.Contains(h1, "Huyện Định Hóa") || !strings.Contains(h1, "2024") {
		t.Errorf("overview heading %q", h1)
	}
	var counts map[string]string
	run(t, district, "read the counts", chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll(".counts div")].map(d => [d.querySelector("dt").innerText.trim(), d.querySelector("dd").innerText.trim()]))`, &counts))
	want := map[string]string{"Đã báo cáo": "1/23", "Chưa báo cáo": "22", "Trễ hạn": "0", "Đã duyệt": "0", "Trả lại": "0"}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("overview count %s = %q, want %q (all: %v)", k, counts[k], v, counts)
		}
	}
	var rows int
	run(t, district, "count communes", chromedp.Evaluate(`document.querySelectorAll("table.sortable tbody tr").length`, &rows))
	if rows != 23 {
		t.Errorf("the overview lists %d communes, want 23", rows)
	}
	axeCheck(t, district, "the overview")
	screenshot(t, district, "overview-1366.png", 1366, 768, true)
	screenshot(t, district, "overview-phone.png", 390, 844, false)

	// Sorting by status puts the reporting commune last (missing first).
	run(t, district, "sort by status", chromedp.Click(`th a[href="?sap-xep=trang-thai"]`, chromedp.ByQuery), chromedp.WaitVisible(`th[aria-sort] a[href="?sap-xep=trang-thai"]`, chromedp.ByQuery))
	if last := text(t, district, "table.sortable tbody tr:last-child td:nth-child(2)"); last != "Xã Bộc Nhiêu" {
		t.Errorf("sorted by status, the last commune is %q", last)
	}

	// Bộc Nhiêu's report, from the list.
	run(t, district, "open the report",
		chromedp.Click(`//a[normalize-space()="Xã Bộc Nhiêu"]`, chromedp.BySearch),
		chromedp.WaitVisible(`article.doc`, chromedp.ByQuery))
	page := bodyText(t, district)
	for _, s := range []string{"BÁO CÁO", "I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI", "V. KIẾN NGHỊ", "4.456", "Đã gửi, chờ duyệt", "Điểm cần xem lại"} {
		if !strings.Contains(page, s) {
			t.Errorf("the report page lacks %q", s)
		}
	}
	axeCheck(t, district, "the report")
	screenshot(t, district, "report-1366.png", 1366, 768, true)
	screenshot(t, district, "report-phone.png", 390, 844, false)

	// Returning without a comment is stopped at the field.
	run(t, district, "return without a comment",
		chromedp.Click(`button[name=decision][value=return]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#comment-err`, chromedp.ByQuery))
	comment := "Đề nghị bổ sung số và ngày ban hành báo cáo."
	run(t, district, "return with a comment",
		chromedp.SendKeys(`#comment`, comment, chromedp.ByQuery),
		chromedp.Click(`button[name=decision][value=return]`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.ok`, chromedp.ByQuery))
	if st := text(t, district, ".state .badge"); st != "Trả lại" {
		t.Errorf("after returning, the status is %q", st)
	}
	if !strings.Contains(bodyText(t, district), comment) {
		t.Error("the comment is not on the report page")
	}

	// A forged form on another site, submitted in the same browser, is refused.
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := strings.Replace(s.URL, "127.0.0.1", "localhost", 1) // another site than the page's
		_ = target
		fmt.Fprintf(w, `<!doctype html><html><body><form id="f" method="post" action="%s/r/05596/2024/duyet">
<input name="decision" value="accept"><input name="csrf" value="guess"><input name="etag" value="*"></form>
<script>document.getElementById("f").submit()</script></body></html>`, s.URL)
	}))
	defer evil.Close()
	evilURL := strings.Replace(evil.URL, "127.0.0.1", "localhost", 1)
	run(t, district, "the forged form",
		chromedp.Navigate(evilURL),
		chromedp.WaitVisible(`section.error`, chromedp.ByQuery))
	if h := text(t, district, "section.error h1"); h != "Yêu cầu bị từ chối" {
		t.Errorf("the forged POST answered %q", h)
	}
	if v, _, err := s.Store.GetReport(context.Background(), mustUnit(t, s, "05596"), "2024"); err != nil || v.Status != models.StatusReturned {
		t.Fatalf("after the forged POST the report is %q (%v), want returned", v.Status, err)
	}

	// The commune's clerk sees the comment, and not another commune's report.
	clerk := newPerson(t)
	signInBrowser(t, clerk, s.URL, "xa05596")
	run(t, clerk, "where", chromedp.Location(&loc))
	// The clerk lands on the commune's form (commune.go), the comment on top.
	if !strings.HasSuffix(loc, "/xa/05596/2024") || !strings.Contains(bodyText(t, clerk), comment) {
		t.Errorf("the clerk is at %s and sees no comment", loc)
	}
	other := newPerson(t)
	signInBrowser(t, other, s.URL, "xa05599")
	run(t, other, "another commune's report", chromedp.Navigate(s.URL+"/r/05596/2024"), chromedp.WaitVisible(`section.error`, chromedp.ByQuery))
	if page := bodyText(t, other); !strings.Contains(page, "Không có quyền truy cập") || strings.Contains(page, "Lê Đình Ngà") || strings.Contains(page, "4.456") {
		t.Errorf("another commune's report answered:\n%s", page)
	}

	// The commune resubmits; the district sees it and accepts it.
	seed := apitest.Seed(t)
	apitest.Obj(seed, "document")["number"] = "15/BC-UBND"
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("resubmit: %d %s", res.Status, res.Body)
	}
	run(t, district, "reload the report", chromedp.Navigate(s.URL+"/r/05596/2024"), chromedp.WaitVisible(`article.doc`, chromedp.ByQuery))
	if st := text(t, district, ".state .badge"); st != "Đã gửi, chờ duyệt" {
		t.Errorf("after the resubmission the status is %q", st)
	}
	run(t, district, "accept",
		chromedp.Click(`button[name=decision][value=accept]`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.ok`, chromedp.ByQuery))
	if st := text(t, district, ".state .badge"); st != "Đã duyệt" {
		t.Errorf("after accepting, the status is %q", st)
	}
	run(t, district, "the revisions diff",
		chromedp.Click(`form.revs button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`table.diff`, chromedp.ByQuery))
	if !strings.Contains(bodyText(t, district), "15/BC-UBND") {
		t.Error("the diff does not show the new document number")
	}

	// The overview now counts one accepted report; the Excel file downloads.
	dir := t.TempDir()
	done := make(chan string, 1)
	chromedp.ListenTarget(district, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- e.GUID:
			default:
			}
		}
	})
	run(t, district, "the overview again",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(dir).WithEventsEnabled(true),
		chromedp.Navigate(s.URL+"/u/167/2024"),
		chromedp.WaitVisible(`.counts`, chromedp.ByQuery))
	run(t, district, "read the counts", chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll(".counts div")].map(d => [d.querySelector("dt").innerText.trim(), d.querySelector("dd").innerText.trim()]))`, &counts))
	if counts["Đã duyệt"] != "1" {
		t.Errorf("after accepting, the overview counts %q accepted", counts["Đã duyệt"])
	}
	run(t, district, "download Excel", chromedp.Click(`a[href$="tong-hop.xlsx"]`, chromedp.ByQuery))
	select {
	case guid := <-done:
		xlsx, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil || len(xlsx) < 1000 || string(xlsx[:2]) != "PK" {
			t.Errorf("the downloaded Excel file: %d bytes, %v", len(xlsx), err)
		}
	case <-time.After(20 * time.Second):
		t.Error("the Excel download did not complete")
	}

	// Search without diacritics.
	// The overview lists Xã Sơn Phú too: wait for the search page's own
	// field first, or the link is found before the search has loaded and
	// the sign-out's click races the search's navigation.
	run(t, district, "search",
		chromedp.SendKeys(`#q`, "son phu\n", chromedp.ByQuery),
		chromedp.WaitVisible(`#q2`, chromedp.ByQuery),
		chromedp.WaitVisible(`//a[normalize-space()="Xã Sơn Phú"]`, chromedp.BySearch))

	// Sign out: the pages need a new sign-in.
	run(t, district, "sign out",
		chromedp.Click(`form[action="/logout"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#login`, chromedp.ByQuery),
		chromedp.Navigate(s.URL+"/u/167/2024"),
		chromedp.WaitVisible(`#login`, chromedp.ByQuery))

	var audit models.AuditList
	res := s.Do(t, "GET", "/api/v1/audit?unit=05596&period=2024", "admin", "", nil)
	if err := json.Unmarshal(res.Body, &audit); err != nil {
		t.Fatal(err)
	}
	reviews := 0
	for _, e := range audit.Items {
		if e.Action == models.ActionReportReview && e.Actor == "Phòng Nội vụ Định Hóa (huyen167)" {
			reviews++
		}
	}
	if reviews != 2 {
		t.Errorf("the audit trail has %d reviews by huyen167, want 2 (return, accept)", reviews)
	}
}
