package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestChartIndicatorKeepsThePlace: going through the chart's list of
// indicators with the arrow keys leaves the person where they are — the
// page is not reloaded, the focus stays on the list — and redraws the
// charts for the indicator chosen; the form's button (without script)
// lands back at the chart.
func TestChartIndicatorKeepsThePlace(t *testing.T) {
	s := newSite(t)
	ctx := newPerson(t)
	signInBrowser(t, ctx, s.URL, "huyen167")
	var action, heading, focused, loc string
	var marker bool
	// A page that reloads under the test makes chromedp wait: fail in
	// seconds, not at the browser's deadline.
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	run(t, step, "the chart's list",
		chromedp.Navigate(s.URL+"/u/167/2024?chi-tieu=population"),
		chromedp.WaitVisible(`#chi-tieu`, chromedp.ByQuery),
		chromedp.AttributeValue(`form[data-chart-form]`, "action", &action, nil, chromedp.ByQuery),
		chromedp.Evaluate(`window.notReloaded = true`, nil),
		chromedp.Focus(`#chi-tieu`, chromedp.ByQuery),
		chromedp.SendKeys(`#chi-tieu`, kb.ArrowDown, chromedp.ByQuery), // households, after population
		chromedp.Sleep(1500*time.Millisecond),
		chromedp.Evaluate(`window.notReloaded === true`, &marker),
		chromedp.Evaluate(`document.activeElement && document.activeElement.id`, &focused),
		chromedp.Text(`#h-chart`, &heading, chromedp.ByQuery),
		chromedp.Location(&loc),
	)
	if action != "#bieu-do" {
		t.Errorf("the form lands at %q, not at the chart", action)
	}
	if !marker {
		t.Error("an arrow key in the list reloaded the page")
	}
	if focused != "chi-tieu" {
		t.Errorf("after an arrow key the focus is on %q, not on the list", focused)
	}
	if !strings.Contains(heading, "Số hộ") || !strings.Contains(loc, "chi-tieu=households") || !strings.HasSuffix(loc, "#bieu-do") {
		t.Errorf("after an arrow key the chart is %q at %s, want Số hộ at ?chi-tieu=households#bieu-do", heading, loc)
	}
	var rows int
	run(t, ctx, "the bars", chromedp.Evaluate(`document.querySelectorAll("#bieu-do table.bars tbody tr").length`, &rows))
	if rows != 23 {
		t.Errorf("the redrawn bars have %d rows, want 23", rows)
	}
}

// TestPhoneLayout at 390×844: the history of a report fits the screen,
// the indicators' names are not broken a word a line, and the charts'
// words are at least 11 px.
func TestPhoneLayout(t *testing.T) {
	s := newSite(t)
	// A second revision, so that the history has changes to list.
	clerk := s.client(t)
	clerk.signIn("xa05596")
	form := seedForm(t)
	form.Set("document.issued_on", "2024-11-20")
	if p := clerk.post("/xa/05596/2024", withAction(clerk.formOf("/xa/05596/2024", form), "submit")); p.Status != 303 {
		t.Fatalf("second sending: %d", p.Status)
	}
	ctx := newPerson(t)
	signInBrowser(t, ctx, s.URL, "huyen167")
	run(t, ctx, "a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))

	var broken []string
	var small []string
	run(t, ctx, "the overview",
		chromedp.Navigate(s.URL+"/u/167/2024?chi-tieu=population"),
		chromedp.WaitVisible(`table.totals`, chromedp.ByQuery),
		// A name of n words laid out on more than ⌈n/2⌉ lines is broken a
		// word or so a line.
		chromedp.Evaluate(`[...document.querySelectorAll("table.totals tbody th a")].filter(a => {
			const words = a.innerText.trim().split(/\s+/).length, lh = parseFloat(getComputedStyle(a).lineHeight) || 20;
			return words > 2 && Math.round(a.getBoundingClientRect().height / lh) > Math.ceil(words / 2);
		}).map(a => a.innerText)`, &broken),
		// The size a person sees: an SVG text's font size times its scale.
		chromedp.Evaluate(`[...document.querySelectorAll("#bieu-do text, #bieu-do th, #bieu-do td")].filter(e => e.getClientRects().length && e.textContent.trim()).map(e => {
			const scale = e.ownerSVGElement ? e.ownerSVGElement.getScreenCTM().a : 1;
			return [e.textContent.trim().slice(0, 20), parseFloat(getComputedStyle(e).fontSize) * scale];
		}).filter(p => p[1] < 11).slice(0, 5).map(p => p[0] + " " + p[1].toFixed(1) + "px")`, &small))
	if len(broken) > 0 {
		t.Errorf("indicator names broken a word a line at 390 px: %v", broken)
	}
	if len(small) > 0 {
		t.Errorf("chart words under 11 px at 390 px: %v", small)
	}
	run(t, ctx, "the chart", chromedp.Navigate(s.URL+"/u/167/2024?chi-tieu=population#bieu-do"), chromedp.WaitVisible(`table.bars`, chromedp.ByQuery))
	screenshot(t, ctx, "overview-chart-phone.png", 390, 844, false)

	run(t, ctx, "a phone again", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	var cut []string
	run(t, ctx, "the history",
		chromedp.Navigate(s.URL+"/xa/05596/2024/lich-su"),
		chromedp.WaitVisible(`table.cf-history`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll("table.cf-history th, table.cf-history td")].filter(c => c.getClientRects().length && c.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(c => c.innerText.slice(0, 30) + " " + Math.round(c.getBoundingClientRect().right))`, &cut))
	if len(cut) > 0 {
		t.Errorf("the history's cells run past the 390 px screen: %v", cut)
	}

	screenshot(t, ctx, "history-phone.png", 390, 844, false)
}

// TestReportPrints: printed, the report starts on page 1 (its first
// section is there), not after a nearly empty page.
func TestReportPrints(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is not installed")
		}
		t.Skip("!!! SKIPPED: pdftotext (poppler-utils) is not installed")
	}
	s := newSite(t)
	ctx := newPerson(t)
	signInBrowser(t, ctx, s.URL, "huyen167")
	var pdf []byte
	run(t, ctx, "print the report",
		chromedp.Navigate(s.URL+"/r/05596/2024"),
		chromedp.WaitVisible(`article.doc`, chromedp.ByQuery),
		chromedp.ActionFunc(func(c context.Context) error {
			var err error
			pdf, _, err = cdppage.PrintToPDF().WithPaperWidth(8.27).WithPaperHeight(11.69).Do(c)
			return err
		}))
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	first := string(out)
	for _, want := range []string{"BÁO CÁO", "I. ĐẶC ĐIỂM TÌNH HÌNH", "Diện tích tự nhiên"} {
		if !strings.Contains(first, want) {
			t.Errorf("printed page 1 lacks %q:\n%s", want, first)
		}
	}
}
