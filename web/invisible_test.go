package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// The commune's form refuses what the API refuses: a signer's name ending
// in U+202E is stopped with a Vietnamese message at that input, as the
// check while typing and as the send, and no revision is made.
func TestCommuneFormRefusesInvisibleCharacters(t *testing.T) {
	s := newEmptySite(t)
	c := s.client(t)
	c.signIn("xa05596")
	const base = "/xa/05596/2024"
	bad := withAction(seedForm(t), "submit")
	bad.Set("document.signer_name", "Lê Đình Ngà\u202e")
	want := "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+202E)"

	a := c.check(base, c.formOf(base, bad))
	if len(a.Errors) != 1 || a.Errors[0].Field != "document.signer_name" || !strings.Contains(a.Errors[0].Message, want) {
		t.Fatalf("the check while typing: %+v", a.Errors)
	}
	p := c.post(base, c.formOf(base, bad))
	expect(t, "sending a name with U+202E", p, http.StatusUnprocessableEntity, "Chưa gửi được")
	field := regexp.MustCompile(`(?s)<div class="msgs" id="f-document-signer_name-m">(.*?)</div>`).FindStringSubmatch(p.Body)
	if field == nil || !strings.Contains(html.UnescapeString(field[1]), want) {
		t.Errorf("the message is not at the signer's input: %v", field)
	}
	if n := revisions(t, s, "05596", "2024"); n != 0 {
		t.Errorf("a refused report made %d revisions", n)
	}
	// The same name without the character is sent.
	bad.Set("document.signer_name", "Lê Đình Ngà")
	if p := c.post(base, c.formOf(base, bad)); p.Status != http.StatusSeeOther {
		t.Fatalf("the clean form: %d", p.Status)
	}
	if n := revisions(t, s, "05596", "2024"); n != 1 {
		t.Errorf("%d revisions after the clean send", n)
	}
}

// The district's pages say it too: a review comment with a zero-width
// space, a due date's reference with U+202E are refused at the field, in
// Vietnamese, and nothing is recorded.
func TestDistrictPagesRefuseInvisibleCharacters(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	p := c.get("/r/05596/2024")
	token, etag := c.csrf("/r/05596/2024"), etagOf(t, p.Body)
	p = c.post("/r/05596/2024/duyet", url.Values{"csrf": {token}, "etag": {etag}, "decision": {"return"}, "comment": {"Sửa lại\u200b số hộ nghèo"}})
	expect(t, "a comment with U+200B", p, http.StatusUnprocessableEntity)
	if !strings.Contains(html.UnescapeString(p.Body), "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+200B)") {
		t.Errorf("the page does not say why:\n%s", p.Body)
	}
	if v := apiReport(t, s, "05596", "2024"); v["status"] != "submitted" {
		t.Errorf("the report became %v", v["status"])
	}
	// And the due date's reference on the overview.
	p = c.post("/u/167/2024/han-nop", url.Values{"csrf": {c.csrf("/u/167/2024")}, "due_date": {"2024-11-28"}, "reference": {"7253/UBND-VP\u202e"}})
	expect(t, "a reference with U+202E", p, http.StatusUnprocessableEntity)
	if !strings.Contains(html.UnescapeString(p.Body), "Không hợp lệ: Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+202E)") {
		t.Errorf("the overview does not say why:\n%s", p.Body)
	}
	if res := s.Do(t, "GET", "/api/v1/deadlines/167/2024", "district", "", nil); res.Status != http.StatusNotFound {
		t.Errorf("a due date was set: %d %s", res.Status, res.Body)
	}
}
