package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTokensPageInBrowser: an admin follows the header's link to the token
// page in a real Chromium, makes a token for a commune's software and sees
// its secret once; axe-core checks the page.
func TestTokensPageInBrowser(t *testing.T) {
	s := newSite(t)
	admin := newPerson(t)
	signInBrowser(t, admin, s.URL, "admin")
	run(t, admin, "open the token page from the header",
		chromedp.Click(`header a[href="/quan-tri/ma-truy-cap"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#tao-ma`, chromedp.ByQuery))
	run(t, admin, "create a token",
		chromedp.SetValue(`#role`, "commune", chromedp.ByQuery),
		chromedp.SendKeys(`#unit`, "05596", chromedp.ByQuery),
		chromedp.SendKeys(`#name`, "Phần mềm một cửa xã Bộc Nhiêu", chromedp.ByQuery),
		chromedp.Click(`#tao-ma button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#secret`, chromedp.ByQuery))
	var secret string
	run(t, admin, "read the secret", chromedp.Value(`#secret`, &secret, chromedp.ByQuery))
	if !strings.HasPrefix(secret, "dgo_") {
		t.Fatalf("the secret on the page is %q", secret)
	}
	if page := bodyText(t, admin); !strings.Contains(page, "Mã này chỉ hiện một lần") || !strings.Contains(page, "Phần mềm một cửa xã Bộc Nhiêu") {
		t.Errorf("the result page says:\n%s", page)
	}
	axeCheck(t, admin, "the token page")
	screenshot(t, admin, "admin-tokens-1366.png", 1366, 768, true)
}
