package web_test

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"doingoai/web"
)

// js runs an expression in the page and returns its value.
func js[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	var v T
	run(t, ctx, "evaluate "+expr, chromedp.Evaluate(expr, &v))
	return v
}

// waitJS waits until a boolean expression holds in the page.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	var ok bool
	if err := chromedp.Run(ctx, chromedp.Poll(expr, &ok, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		var summary string
		_ = chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector('#cf-summary') ? document.querySelector('#cf-summary').innerText : document.body.innerText.slice(0, 2000)`, &summary))
		t.Fatalf("waiting for %s (%s): %v\n%s", what, expr, err, summary)
	}
}

// typeInto clears an input and types v into it, key by key.
func typeInto(id, v string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Clear(id, chromedp.ByID),
		chromedp.SendKeys(id, v, chromedp.ByID),
	}
}

// setText puts a long text or a date into an input at once, as a paste
// does, and tells the page.
func setText(id, v string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.SetValue(id, v, chromedp.ByID),
		chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).dispatchEvent(new Event("input", {bubbles: true}))`, id), nil),
	}
}

// fieldID is the page's id of the input for a path.
var fieldID = web.FieldID

// TestCommuneFormInBrowser: the clerk of Bộc Nhiêu types the 2024 report
// from the document into the form in Chromium, sees the API's five
// warnings at their fields, saves a draft, reloads, is warned before
// leaving with unsaved changes, is stopped by an impossible figure with
// the message at its field, sends with a double click (one revision), and
// after the district returns the report sees its comment on top.
func TestCommuneFormInBrowser(t *testing.T) {
	s := newEmptySite(t)
	if res := s.Do(t, "PUT", "/api/v1/deadlines/167/2024", "district", `{"due_date":"2024-11-28","reference":"7253/UBND-VP"}`, nil); res.Status/100 != 2 {
		t.Fatalf("deadline: %d %s", res.Status, res.Body)
	}
	ctx := newBrowser(t)
	var dialogs atomic.Int32
	chromedp.ListenTarget(ctx, func(ev any) {
		if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go func() { _ = chromedp.Run(ctx, cdppage.HandleJavaScriptDialog(true)) }()
		}
	})

	// Signed in, the clerk lands on the form of the current period.
	signInBrowser(t, ctx, s.URL, "xa05596")
	run(t, ctx, "the form", chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery))
	if loc := js[string](t, ctx, "location.pathname"); loc != "/xa/05596/2024" {
		t.Fatalf("the clerk landed on %s", loc)
	}
	if due := js[string](t, ctx, "document.querySelector('.cf-due').innerText"); !strings.Contains(due, "còn 3 ngày") {
		t.Errorf("due date: %q", due)
	}

	// Type the report: lists first get their entries, then every value.
	seed := seedForm(t)
	lists := map[string]int{}
	for name := range seed {
		if i := strings.Index(name, "["); i > 0 {
			var n int
			fmt.Sscanf(name[i+1:], "%d", &n)
			if n+1 > lists[name[:i]] {
				lists[name[:i]] = n + 1
			}
		}
	}
	for list, n := range lists {
		for i := 0; i < n; i++ {
			js[bool](t, ctx, fmt.Sprintf(`document.querySelector('[data-list=%q] > [data-add]').click(), true`, list))
		}
	}
	names := make([]string, 0, len(seed))
	for name := range seed {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := seed.Get(name)
		id := fieldID(name)
		kind := js[string](t, ctx, fmt.Sprintf(`(function(){var e=document.getElementById(%q); return e ? (e.tagName==="TEXTAREA" ? "long" : e.type) : "missing"})()`, id))
		switch kind {
		case "missing":
			t.Fatalf("no input for %s", name)
		case "long", "date", "select-one":
			run(t, ctx, "paste "+name, setText(id, v))
		default:
			run(t, ctx, "type "+name, typeInto(id, v))
		}
	}
	// The API's five warnings, each at its field; no error.
	waitJS(t, ctx, "the five warnings", `document.querySelectorAll("#cf-summary-list li.warn").length === 5 && document.querySelectorAll("#cf-summary-list li.err").length === 0`)
	for _, f := range []string{"profile.poor_households_rate_pct", "profile.near_poor_households_rate_pct", "document.number", "document.issued_on"} {
		if n := js[int](t, ctx, fmt.Sprintf(`document.querySelectorAll("#%s-m .msg.warn").length`, fieldID(f))); n != 1 {
			t.Errorf("warning at %s: %d", f, n)
		}
	}
	if n := js[int](t, ctx, `document.querySelectorAll("#f-profile-ethnic_groups > .msg.warn").length`); n != 1 {
		t.Errorf("warning at the ethnic groups: %d", n)
	}
	if msg := js[string](t, ctx, `document.querySelector("#f-profile-poor_households_rate_pct-m .msg.warn").innerText`); !strings.Contains(msg, "5,13%") {
		t.Errorf("poor rate warning: %q", msg)
	}
	js[bool](t, ctx, `document.getElementById("dac-diem").scrollIntoView(), true`)
	screenshot(t, ctx, "commune-form.png", 1366, 768, false)

	// Save a draft, reload: what was typed is there, numbers the Vietnamese way.
	run(t, ctx, "save a draft", chromedp.Click(`#cf-draft`, chromedp.ByQuery), chromedp.WaitVisible(`#cf-notice`, chromedp.ByQuery))
	run(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery))
	if v := js[string](t, ctx, `document.getElementById("f-profile-households").value + " " + document.getElementById("f-profile-area_ha").value`); v != "1.169 2.690,67" {
		t.Errorf("after reload: %q", v)
	}
	rep := apiReport(t, s, "05596", "2024")
	prof := rep["profile"].(map[string]any)
	if rep["status"] != "draft" || fmt.Sprint(prof["households"]) != "1169" || fmt.Sprint(prof["area_ha"]) != "2690.67" {
		t.Fatalf("stored: %v households %v area %v", rep["status"], prof["households"], prof["area_ha"])
	}
	if c := rep["consular"].(map[string]any); c["citizens_exited"] != nil || fmt.Sprint(c["foreign_residents"]) != "0" {
		t.Errorf("null and zero: citizens_exited %v, foreign_residents %v", c["citizens_exited"], c["foreign_residents"])
	}

	// Leaving with unsaved changes asks first.
	run(t, ctx, "change", typeInto("f-profile-hamlets", "12"))
	before := dialogs.Load()
	run(t, ctx, "leave", chromedp.Navigate(s.URL+"/xa/05596/2024/lich-su"), chromedp.WaitVisible(`table`, chromedp.ByQuery))
	if dialogs.Load() == before {
		t.Error("no warning before leaving with unsaved changes")
	}
	run(t, ctx, "back", chromedp.Navigate(s.URL+"/xa/05596/2024"), chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery))

	// More households than people: the error at the field; sending is refused.
	run(t, ctx, "households", typeInto("f-profile-households", "5.000"))
	waitJS(t, ctx, "the error at households", `(document.querySelector("#f-profile-households-m .msg.err") || {}).innerText === "Số hộ (5.000) nhiều hơn dân số (4.456 người): kiểm tra lại số hộ và dân số."`)
	run(t, ctx, "send", chromedp.Click(`#cf-submit`, chromedp.ByQuery), chromedp.WaitVisible(`#cf-problem`, chromedp.ByQuery))
	if msg := js[string](t, ctx, `document.querySelector("#f-profile-households-m .msg.err").innerText`); !strings.Contains(msg, "nhiều hơn dân số") {
		t.Errorf("after sending: %q", msg)
	}
	if n := revisions(t, s, "05596", "2024"); n != 1 {
		t.Fatalf("a refused report made a revision: %d", n)
	}

	// Put it right and send with a double click: one revision.
	run(t, ctx, "households", typeInto("f-profile-households", "1.169"))
	waitJS(t, ctx, "no error", `document.querySelectorAll("#cf-summary-list li.err").length === 0 && document.querySelectorAll("#cf-summary-list li.warn").length === 5`)
	run(t, ctx, "double click", chromedp.DoubleClick(`#cf-submit`, chromedp.ByQuery), chromedp.WaitVisible(`#cf-notice`, chromedp.ByQuery))
	if n := revisions(t, s, "05596", "2024"); n != 2 {
		t.Errorf("%d revisions after a draft and a double-clicked send, want 2", n)
	}
	if rep := apiReport(t, s, "05596", "2024"); rep["status"] != "submitted" || len(rep["warnings"].([]any)) != 5 {
		t.Errorf("sent: %v with %d warnings", rep["status"], len(rep["warnings"].([]any)))
	}

	// The district returns it: the comment is on top of the form.
	if res := s.Do(t, "POST", "/api/v1/reports/05596/2024/review", "district", `{"decision":"return","comment":"Đề nghị ghi số và ngày ban hành báo cáo."}`, nil); res.Status != http.StatusOK {
		t.Fatalf("return: %d %s", res.Status, res.Body)
	}
	run(t, ctx, "open the returned report", chromedp.Navigate(s.URL+"/xa/05596/2024"), chromedp.WaitVisible(`#cf-review-comment`, chromedp.ByQuery))
	if c := js[string](t, ctx, `document.getElementById("cf-review-comment").innerText`); c != "Đề nghị ghi số và ngày ban hành báo cáo." {
		t.Errorf("comment: %q", c)
	}
	if top := js[bool](t, ctx, `document.querySelector(".cf-returned").getBoundingClientRect().top < document.getElementById("cf-form").getBoundingClientRect().top`); !top {
		t.Error("the comment is not above the form")
	}
	axeCheck(t, ctx, "the commune's form")
	screenshot(t, ctx, "commune-form-phone.png", 390, 844, false)
}
