package web_test

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestOneWordingOnBothPages opens the submitted Bộc Nhiêu report as the
// district sees it (/r/…) and as its commune's clerk sees it (/xa/…): each
// warning is named and worded the same way on both pages.
func TestOneWordingOnBothPages(t *testing.T) {
	s := newSite(t)
	district, clerk := s.client(t), s.client(t)
	district.signIn("huyen167")
	clerk.signIn("xa05596")

	list := func(what, body, ul string, item *regexp.Regexp) []string {
		t.Helper()
		_, rest, ok := strings.Cut(body, ul)
		if !ok {
			t.Fatalf("%s: no %s on the page", what, ul)
		}
		rest, _, _ = strings.Cut(rest, "</ul>")
		var out []string
		for _, m := range item.FindAllStringSubmatch(rest, -1) {
			out = append(out, html.UnescapeString(m[1]+": "+m[2]))
		}
		slices.Sort(out)
		return out
	}
	r := district.get("/r/05596/2024")
	expect(t, "the report", r, 200)
	onReport := list("/r/", r.Body, `<ul class="warnings">`,
		regexp.MustCompile(`<li><span class="wmark" aria-hidden="true">!</span> <strong>([^<]*)</strong>: ([^<]*)</li>`))
	xa := clerk.get("/xa/05596/2024")
	expect(t, "the form", xa, 200)
	onForm := list("/xa/", xa.Body, `<ul id="cf-summary-list">`,
		regexp.MustCompile(`<li class="warn">(?:<a href="#[^"]*">)?([^<]*)(?:</a>)?: ([^<]*)</li>`))

	const poor = "I. Đặc điểm tình hình › Tỷ lệ hộ nghèo: Tỷ lệ hộ nghèo ghi 5,03% khác với 60 hộ nghèo / 1.169 hộ × 100 = 5,13%."
	if !slices.Contains(onReport, poor) {
		t.Errorf("the report page does not say %q; it says %q", poor, onReport)
	}
	if !slices.Equal(onReport, onForm) {
		t.Errorf("the pages word the warnings differently:\n/r/:  %q\n/xa/: %q", onReport, onForm)
	}
	// At its figure, the report page gives each message in the same words.
	for _, w := range onReport {
		_, msg, _ := strings.Cut(w, ": ")
		if !strings.Contains(html.UnescapeString(r.Body), `<span class="wmsg">`+msg+`</span>`) {
			t.Errorf("the report page does not give %q at its figure", msg)
		}
	}
}
