package web_test

import (
	"html"
	"net/http"
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
