package web_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// acceptDialogs answers yes to every confirm() the page asks (leaving with
// unsaved changes, dropping what was kept).
func acceptDialogs(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			go func() { _ = chromedp.Run(ctx, cdppage.HandleJavaScriptDialog(true)) }()
		}
	})
}

// netState cuts the browser's link (offline) or gives it back: requests
// fail, and navigator.onLine and its events follow.
func netState(offline bool) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if _, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}}).Do(ctx); err != nil {
			return err
		}
		return network.OverrideNetworkState(offline, 0, -1, -1).Do(ctx)
	})
}

// waitSaved waits, across the navigation a save makes, for the form's
// page to say the draft was saved.
func waitSaved(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	var notice string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("cf-notice") ? document.getElementById("cf-notice").textContent : ""`, &notice)) == nil && strings.Contains(notice, "Đã lưu bản nháp") {
			return
		}
	}
	t.Fatalf("%s: the page says %q", what, notice)
}

// storedProfile is the profile of Bộc Nhiêu's 2024 report as the API
// holds it, with its status ("" when there is none).
func storedProfile(t *testing.T, s *site) (status string, profile map[string]any) {
	t.Helper()
	res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil)
	if res.Status == 404 {
		return "", nil
	}
	if res.Status != 200 {
		t.Fatalf("GET the report: %d %s", res.Status, res.Body)
	}
	var r struct {
		Status  string
		Profile map[string]any
	}
	if err := json.Unmarshal(res.Body, &r); err != nil {
		t.Fatal(err)
	}
	return r.Status, r.Profile
}

// TestTypingSurvivesAnEndedSession: the clerk types, the session ends (8
// hours without a request), the clerk types on and clicks Lưu nháp; the
// page asks for the password in a dialog, signs in again and saves what
// was typed — all of it, with nothing typed twice.
func TestTypingSurvivesAnEndedSession(t *testing.T) {
	s := newEmptySite(t)
	ctx := newBrowser(t)
	acceptDialogs(ctx)
	signInBrowser(t, ctx, s.URL, "xa05596")
	run(t, ctx, "the form", chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery))
	run(t, ctx, "type", typeInto(fieldID("profile.households"), "1.169"), typeInto(fieldID("profile.population"), "4.456"))

	// The session ends while the clerk reads: 9 hours pass.
	s.Clock.Add(9 * time.Hour)
	run(t, ctx, "type on", typeInto(fieldID("profile.hamlets"), "11"))
	run(t, ctx, "Lưu nháp", chromedp.Click(`#cf-draft`, chromedp.ByQuery))
	waitJS(t, ctx, "the password dialog", `!!document.querySelector("dialog.reauth[open]")`)
	if got := text(t, ctx, "dialog.reauth"); !strings.Contains(got, "Phiên làm việc đã hết hạn") || !strings.Contains(got, "xa05596") {
		t.Errorf("the dialog says %q", got)
	}
	screenshot(t, ctx, "session-ended-dialog-1366.png", 1366, 768, false)

	// A wrong password is said in the dialog; nothing is lost.
	run(t, ctx, "wrong password", chromedp.SendKeys(`#reauth-pw`, "not-the-password", chromedp.ByID), chromedp.Click(`#reauth-ok`, chromedp.ByID))
	waitJS(t, ctx, "the refusal", `document.getElementById("reauth-err").textContent.indexOf("Mật khẩu không đúng") >= 0`)
	run(t, ctx, "the password", chromedp.Evaluate(`document.getElementById("reauth-pw").value = ""`, nil), chromedp.SendKeys(`#reauth-pw`, password("xa05596"), chromedp.ByID), chromedp.Click(`#reauth-ok`, chromedp.ByID))
	waitSaved(t, ctx, "the draft saved")

	status, p := storedProfile(t, s)
	if status != "draft" || p["households"] != 1169.0 || p["population"] != 4456.0 || p["hamlets"] != 11.0 {
		t.Errorf("stored after signing in again: %s %v", status, p)
	}
	// Stored: the copy kept in the browser is dropped.
	if n := js[int](t, ctx, `Object.keys(localStorage).filter(k => k.indexOf("doingoai:keep:") === 0).length`); n != 0 {
		t.Errorf("%d copies still kept in the browser after the save", n)
	}
}

// TestTypingSurvivesABrokenLink: with the network off the form stays
// usable, says it is not connected and keeps the typing; when the link is
// back, the draft is saved by itself. Then, typing left unsaved survives a
// reload: the page offers it back, with when it was typed.
func TestTypingSurvivesABrokenLink(t *testing.T) {
	s := newEmptySite(t)
	ctx := newBrowser(t)
	acceptDialogs(ctx)
	signInBrowser(t, ctx, s.URL, "xa05596")
	run(t, ctx, "the form", chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery), network.Enable())
	run(t, ctx, "type", typeInto(fieldID("profile.households"), "1.169"))

	run(t, ctx, "the link breaks", netState(true))
	run(t, ctx, "type offline", typeInto(fieldID("profile.population"), "4.456"), typeInto(fieldID("profile.hamlets"), "11"))
	run(t, ctx, "Lưu nháp offline", chromedp.Click(`#cf-draft`, chromedp.ByQuery))
	waitJS(t, ctx, "the offline notice", `!!document.querySelector(".keep-bar.warn") && document.querySelector(".keep-bar.warn").textContent.indexOf("Không có kết nối mạng") >= 0`)
	if got := text(t, ctx, ".keep-bar.warn"); !strings.Contains(got, "tự lưu nháp khi có mạng trở lại") {
		t.Errorf("offline, the page says %q", got)
	}
	screenshot(t, ctx, "offline-1366.png", 1366, 768, false)
	if status, _ := storedProfile(t, s); status != "" {
		t.Fatalf("offline, a report was stored (%s)", status)
	}

	run(t, ctx, "the link is back", netState(false))
	waitSaved(t, ctx, "the draft saved by itself")
	status, p := storedProfile(t, s)
	if status != "draft" || p["households"] != 1169.0 || p["population"] != 4456.0 || p["hamlets"] != 11.0 {
		t.Errorf("saved when the link came back: %s %v", status, p)
	}

	// Typing not saved, then a reload: offered back.
	run(t, ctx, "type more", typeInto(fieldID("profile.party_members"), "338"))
	time.Sleep(400 * time.Millisecond) // the copy is written 250 ms after the last key
	run(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery))
	waitJS(t, ctx, "the offer to restore", `!!document.querySelector(".keep-bar.notice button")`)
	if got := text(t, ctx, ".keep-bar.notice"); !strings.Contains(got, "chưa được lưu") || !strings.Contains(got, "ngày ") {
		t.Errorf("after the reload, the page says %q", got)
	}
	if v := js[string](t, ctx, `document.getElementById("`+fieldID("profile.party_members")+`").value`); v != "" {
		t.Fatalf("the reloaded form shows %q before restoring", v)
	}
	run(t, ctx, "restore", chromedp.Click(`.keep-bar.notice button`, chromedp.ByQuery))
	if v := js[string](t, ctx, `document.getElementById("`+fieldID("profile.party_members")+`").value`); v != "338" {
		t.Errorf("restored party members %q", v)
	}
	run(t, ctx, "Lưu nháp", chromedp.Click(`#cf-draft`, chromedp.ByQuery))
	waitSaved(t, ctx, "saved")
	if _, p := storedProfile(t, s); p["party_members"] != 338.0 || p["households"] != 1169.0 {
		t.Errorf("after restoring and saving: %v", p)
	}
}

// TestReviewAndDeadlineSurviveAnEndedSession: the district officer writes
// why a report goes back, and a due date; each time the session has ended
// before the click, the page asks for the password and then records what
// was typed.
func TestReviewAndDeadlineSurviveAnEndedSession(t *testing.T) {
	s := newSite(t)
	ctx := newBrowser(t)
	acceptDialogs(ctx)
	signInBrowser(t, ctx, s.URL, "huyen167")
	reauth := func() {
		t.Helper()
		waitJS(t, ctx, "the password dialog", `!!document.querySelector("dialog.reauth[open]")`)
		run(t, ctx, "the password", chromedp.SendKeys(`#reauth-pw`, password("huyen167"), chromedp.ByID), chromedp.Click(`#reauth-ok`, chromedp.ByID))
	}

	comment := "Đề nghị xã bổ sung số người đi lao động ở nước ngoài."
	run(t, ctx, "the report", chromedp.Navigate(s.URL+"/r/05596/2024"), chromedp.WaitVisible(`#comment`, chromedp.ByID),
		chromedp.SendKeys(`#comment`, comment, chromedp.ByID))
	s.Clock.Add(9 * time.Hour)
	run(t, ctx, "Trả lại", chromedp.Click(`button[name=decision][value=return]`, chromedp.ByQuery))
	reauth()
	var review struct {
		Status string
		Review struct{ Decision, Comment string }
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && review.Status != "returned"; time.Sleep(100 * time.Millisecond) {
		res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil)
		if err := json.Unmarshal(res.Body, &review); err != nil {
			t.Fatal(err)
		}
	}
	if review.Status != "returned" || review.Review.Comment != comment {
		t.Errorf("after signing in again the report is %s with the comment %q", review.Status, review.Review.Comment)
	}

	run(t, ctx, "the overview", chromedp.Navigate(s.URL+"/u/167/2024"), chromedp.WaitVisible(`#due_date`, chromedp.ByID),
		setText("due_date", "2024-12-10"), chromedp.SendKeys(`#reference`, "7253/UBND-VP", chromedp.ByID))
	s.Clock.Add(9 * time.Hour)
	run(t, ctx, "Lưu hạn nộp", chromedp.Click(`#han-nop button[type=submit]`, chromedp.ByQuery))
	reauth()
	var due struct {
		DueDate   string `json:"due_date"`
		Reference string
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && due.DueDate == ""; time.Sleep(100 * time.Millisecond) {
		if res := s.Do(t, "GET", "/api/v1/deadlines/167/2024", "district", "", nil); res.Status == 200 {
			if err := json.Unmarshal(res.Body, &due); err != nil {
				t.Fatal(err)
			}
		}
	}
	if due.DueDate != "2024-12-10" || due.Reference != "7253/UBND-VP" {
		t.Errorf("after signing in again the due date is %+v", due)
	}
}

// TestImportIsSafeToReload: the clerk fills the form from a document;
// Reload and Back afterwards post the file no more (Post/Redirect/Get),
// and the form filled from it is still there after the reload.
func TestImportIsSafeToReload(t *testing.T) {
	s := newEmptySite(t)
	ctx := newBrowser(t)
	acceptDialogs(ctx)
	var posts atomic.Int32
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request.Method == "POST" && strings.HasSuffix(e.Request.URL, "/nhap-tu-file") {
			posts.Add(1)
		}
	})
	signInBrowser(t, ctx, s.URL, "xa05596")
	run(t, ctx, "the form", network.Enable(), chromedp.WaitVisible(`#cf-form`, chromedp.ByQuery))
	doc, err := filepath.Abs("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "upload", chromedp.Click(`details.cf-import summary`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#cf-file`, []string{doc}, chromedp.ByID),
		chromedp.Click(`form[action$="/nhap-tu-file"] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#cf-kept`, chromedp.ByID))
	households := func() string {
		return js[string](t, ctx, `document.getElementById("`+fieldID("profile.households")+`").value`)
	}
	if v := households(); v != "1.169" {
		t.Fatalf("after the import, Số hộ is %q", v)
	}
	run(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(`#cf-kept`, chromedp.ByID))
	if v := households(); v != "1.169" {
		t.Errorf("after a reload, Số hộ is %q", v)
	}
	run(t, ctx, "back", chromedp.NavigateBack(), chromedp.WaitReady(`body`, chromedp.ByQuery))
	if n := posts.Load(); n != 1 {
		t.Errorf("the file was posted %d times (once, then reload and Back)", n)
	}
	if res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "district", "", nil); res.Status != 404 {
		t.Errorf("the import stored a report: %d", res.Status)
	}
}
