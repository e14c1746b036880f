package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/models"
)

var secretRe = regexp.MustCompile(`id="secret"[^>]* value="(dgo_[A-Za-z0-9_-]+)"`)

var formKeyRe = regexp.MustCompile(`name="form_key" value="([0-9a-f]+)"`)

// formKey reads the key of the token form on a page of the session.
func (c *client) formKey(path string) string {
	c.t.Helper()
	m := formKeyRe.FindStringSubmatch(c.get(path).Body)
	if m == nil {
		c.t.Fatalf("no form_key field on %s", path)
	}
	return m[1]
}

// districtTokenForm is the token form as the page shows it to admin, filled
// for a district program of Định Hóa, with the page's CSRF token and a key
// of its own.
func (c *client) districtTokenForm(csrf string) url.Values {
	return url.Values{"csrf": {csrf}, "form_key": {c.formKey("/quan-tri/ma-truy-cap")},
		"role": {"district"}, "unit": {"167"}, "name": {"Bảng theo dõi Định Hóa"}, "days": {"90"}}
}

// TestTokenFormSentTwice: the token form sent twice (a double click, a
// reload) makes one token, and both answers show its secret; the same
// form with other fields makes none; a form without its key makes none.
func TestTokenFormSentTwice(t *testing.T) {
	s := newSite(t)
	admin := s.client(t)
	admin.signIn("admin")
	form := admin.districtTokenForm(admin.csrf("/quan-tri/ma-truy-cap"))
	before, _ := s.Store.ListTokens(t.Context())
	first := admin.post("/quan-tri/ma-truy-cap", form)
	second := admin.post("/quan-tri/ma-truy-cap", form)
	expect(t, "first", first, http.StatusCreated, "Mã này chỉ hiện một lần")
	expect(t, "second", second, http.StatusCreated, "Mã này chỉ hiện một lần")
	m1, m2 := secretRe.FindStringSubmatch(first.Body), secretRe.FindStringSubmatch(second.Body)
	if m1 == nil || m2 == nil || m1[1] != m2[1] {
		t.Fatalf("the two answers show different secrets: %v %v", m1, m2)
	}
	after, _ := s.Store.ListTokens(t.Context())
	if len(after) != len(before)+1 {
		t.Fatalf("the form sent twice made %d tokens", len(after)-len(before))
	}
	if res := s.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "Bearer "+m1[1], "", nil); res.Status != http.StatusOK {
		t.Errorf("the secret shown twice against the API: %d", res.Status)
	}

	// At the same moment (two requests in flight): still one token.
	form.Set("form_key", admin.formKey("/quan-tri/ma-truy-cap"))
	var wg sync.WaitGroup
	pages := make([]page, 2)
	for i := range pages {
		wg.Go(func() { pages[i] = admin.post("/quan-tri/ma-truy-cap", form) })
	}
	wg.Wait()
	m1, m2 = secretRe.FindStringSubmatch(pages[0].Body), secretRe.FindStringSubmatch(pages[1].Body)
	if m1 == nil || m2 == nil || m1[1] != m2[1] {
		t.Errorf("two requests at once: %d %d, secrets %v %v", pages[0].Status, pages[1].Status, m1, m2)
	}
	if n, _ := s.Store.ListTokens(t.Context()); len(n) != len(after)+1 {
		t.Errorf("two requests at once made %d tokens", len(n)-len(after))
	}

	// The used form with other fields, or a form without its key: nothing.
	after, _ = s.Store.ListTokens(t.Context())
	form.Set("name", "Tên khác")
	expect(t, "the used form with another name", admin.post("/quan-tri/ma-truy-cap", form), http.StatusUnprocessableEntity, `id="form-err"`)
	form.Del("form_key")
	expect(t, "a form without its key", admin.post("/quan-tri/ma-truy-cap", form), http.StatusUnprocessableEntity, `id="form-err"`)
	if n, _ := s.Store.ListTokens(t.Context()); len(n) != len(after) {
		t.Errorf("a refused form made %d tokens", len(n)-len(after))
	}
}

// TestTokenFormSpent: the form sent again gives back only a token that
// still works, and only while its key is kept: after the token is revoked,
// or a day after the form was sent, the same form shows a message at the
// top and neither the old secret nor a new token.
func TestTokenFormSpent(t *testing.T) {
	s := newSite(t)
	admin := s.client(t)
	admin.signIn("admin")
	token := admin.csrf("/quan-tri/ma-truy-cap")
	const spent = "đã bị thu hồi hoặc đã hết hạn, hoặc biểu mẫu đã quá cũ"

	// Revoked: the form sent again (Back, then send) is refused.
	form := admin.districtTokenForm(token)
	first := admin.post("/quan-tri/ma-truy-cap", form)
	expect(t, "first", first, http.StatusCreated, "Mã này chỉ hiện một lần")
	tokens, _ := s.Store.ListTokens(t.Context())
	last := tokens[len(tokens)-1]
	if err := s.Store.RevokeToken(t.Context(), models.CommandLine, last.ID); err != nil {
		t.Fatal(err)
	}
	again := admin.post("/quan-tri/ma-truy-cap", form)
	expect(t, "the form of a revoked token sent again", again, http.StatusUnprocessableEntity, `id="form-err"`, spent)
	if secretRe.MatchString(again.Body) {
		t.Error("the revoked token's secret is shown again")
	}

	// A day later: the form's key is no longer honoured.
	form = admin.districtTokenForm(token)
	expect(t, "second form", admin.post("/quan-tri/ma-truy-cap", form), http.StatusCreated, "Mã này chỉ hiện một lần")
	s.Clock.Add(25 * time.Hour)
	admin.signIn("admin") // the session's idle limit is a working day
	form.Set("csrf", admin.csrf("/quan-tri/ma-truy-cap"))
	before, _ := s.Store.ListTokens(t.Context())
	old := admin.post("/quan-tri/ma-truy-cap", form)
	expect(t, "a form sent again a day later", old, http.StatusUnprocessableEntity, `id="form-err"`, spent)
	if secretRe.MatchString(old.Body) {
		t.Error("a day-old form's secret is shown again")
	}
	if after, _ := s.Store.ListTokens(t.Context()); len(after) != len(before) {
		t.Errorf("a spent form made %d tokens", len(after)-len(before))
	}
}

// TestTokensPage: an admin creates a token on the page (its secret shown
// once, and it works against the API), lists it (never the secret) and
// revokes it (the API then refuses it); the trail names the person; a
// district person gets 403; a form without the CSRF token is refused.
func TestTokensPage(t *testing.T) {
	s := newSite(t)
	admin := s.client(t)
	admin.signIn("admin")

	p := admin.get("/quan-tri/ma-truy-cap")
	expect(t, "the token page", p, http.StatusOK, "Mã truy cập cho phần mềm", "Tạo mã", "Thu hồi", "test commune")
	if p.Header.Get("Cache-Control") != "no-store" || !strings.Contains(p.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("headers: %v", p.Header)
	}
	expect(t, "the overview of an admin", admin.get("/u/167/2024"), http.StatusOK, `href="/quan-tri/ma-truy-cap"`)
	token := admin.csrf("/quan-tri/ma-truy-cap")

	// Bad fields are shown at the field, nothing is made.
	before, _ := s.Store.ListTokens(t.Context())
	p = admin.post("/quan-tri/ma-truy-cap", url.Values{"csrf": {token}, "role": {"commune"}, "unit": {""}, "name": {"x"}, "days": {"0"}})
	expect(t, "bad fields", p, http.StatusUnprocessableEntity, `id="unit-err"`, `id="days-err"`, "Xin nhập mã đơn vị", "Số ngày phải từ 1 đến 3650")
	p = admin.post("/quan-tri/ma-truy-cap", url.Values{"csrf": {token}, "role": {"commune"}, "unit": {"167"}, "name": {"x"}, "days": {"30"}})
	expect(t, "a district's code for a commune token", p, http.StatusUnprocessableEntity, `id="unit-err"`, "không phải là mã của một xã", `value="167"`)
	if after, _ := s.Store.ListTokens(t.Context()); len(after) != len(before) {
		t.Fatalf("a refused form made a token: %d → %d", len(before), len(after))
	}

	// Create: the secret is on this answer and works against the API.
	p = admin.post("/quan-tri/ma-truy-cap", url.Values{"csrf": {token}, "form_key": {admin.formKey("/quan-tri/ma-truy-cap")},
		"role": {"commune"}, "unit": {"05596"}, "name": {"Phần mềm một cửa xã Bộc Nhiêu"}, "days": {"30"}})
	expect(t, "create", p, http.StatusCreated, "Mã này chỉ hiện một lần", "Phần mềm một cửa xã Bộc Nhiêu")
	if p.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the page with the secret may be cached: %q", p.Header.Get("Cache-Control"))
	}
	m := secretRe.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no secret on the answer:\n%s", p.Body)
	}
	secret := m[1]
	if n := strings.Count(p.Body, secret); n != 1 {
		t.Errorf("the secret is %d times on the page", n)
	}
	res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "Bearer "+secret, "", nil)
	if res.Status != http.StatusOK {
		t.Fatalf("the new token against the API: %d %s", res.Status, res.Body)
	}

	// List: the token is there, with its unit and expiry, never the secret.
	var list models.TokenList
	s.Do(t, "GET", "/api/v1/tokens", "admin", "", nil).JSON(t, &list)
	var id int64
	for _, tk := range list.Items {
		if tk.Name == "Phần mềm một cửa xã Bộc Nhiêu" {
			id = tk.ID
			if tk.Role != models.RoleCommune || tk.UnitCode != "05596" || tk.ExpiresAt == nil || tk.ExpiresAt.Sub(tk.CreatedAt).Hours() != 30*24 {
				t.Errorf("the API lists %+v", tk)
			}
		}
	}
	if id == 0 {
		t.Fatal("the API does not list the new token")
	}
	p = admin.get("/quan-tri/ma-truy-cap")
	expect(t, "the list", p, http.StatusOK, `id="ma-`+strconv.FormatInt(id, 10)+`"`, html.EscapeString("Phần mềm một cửa xã Bộc Nhiêu"), "05596")
	if strings.Contains(p.Body, secret) || strings.Contains(p.Body, `id="secret"`) {
		t.Error("the list shows the secret again")
	}

	// A district person: 403 on the page and on each form; no link.
	district := s.client(t)
	district.signIn("huyen167")
	dtoken := district.csrf("/u/167/2024")
	expect(t, "district: the page", district.get("/quan-tri/ma-truy-cap"), http.StatusForbidden, "Không có quyền truy cập")
	expect(t, "district: create", district.post("/quan-tri/ma-truy-cap", url.Values{"csrf": {dtoken}, "role": {"admin"}, "name": {"x"}}), http.StatusForbidden)
	expect(t, "district: revoke", district.post("/quan-tri/ma-truy-cap/"+strconv.FormatInt(id, 10)+"/thu-hoi", url.Values{"csrf": {dtoken}}), http.StatusForbidden)
	if p := district.get("/u/167/2024"); strings.Contains(p.Body, "/quan-tri/ma-truy-cap") {
		t.Error("a district person sees the admin's link")
	}

	// Without the CSRF token (or with another session's), nothing happens.
	revoke := "/quan-tri/ma-truy-cap/" + strconv.FormatInt(id, 10) + "/thu-hoi"
	expect(t, "revoke without csrf", admin.post(revoke, url.Values{}), http.StatusForbidden, "Yêu cầu bị từ chối")
	expect(t, "revoke with another's csrf", admin.post(revoke, url.Values{"csrf": {dtoken}}), http.StatusForbidden)
	expect(t, "create without csrf", admin.post("/quan-tri/ma-truy-cap", url.Values{"role": {"admin"}, "name": {"x"}}), http.StatusForbidden)
	if after, _ := s.Store.ListTokens(t.Context()); len(after) != len(list.Items) {
		t.Errorf("a form without the CSRF token made a token")
	}
	if res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "Bearer "+secret, "", nil); res.Status != http.StatusOK {
		t.Fatalf("a refused revocation revoked: %d", res.Status)
	}

	// Revoke: the API refuses the token from then on.
	p = admin.post(revoke, url.Values{"csrf": {token}})
	expectRedirect(t, "revoke", p, "/quan-tri/ma-truy-cap?da-thu-hoi="+strconv.FormatInt(id, 10))
	expect(t, "after revoking", admin.get(p.Header.Get("Location")), http.StatusOK, "Đã thu hồi mã số "+strconv.FormatInt(id, 10))
	if res := s.Do(t, "GET", "/api/v1/reports/05596/2024", "Bearer "+secret, "", nil); res.Status != http.StatusUnauthorized {
		t.Fatalf("the revoked token against the API: %d", res.Status)
	}

	// The trail names the person, for both.
	var audit models.AuditList
	res = s.Do(t, "GET", "/api/v1/audit?per_page=500", "admin", "", nil)
	if err := json.Unmarshal(res.Body, &audit); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, e := range audit.Items {
		if (e.Action == models.ActionTokenCreate || e.Action == models.ActionTokenRevoke) && strings.Contains(string(e.Detail), "Bộc Nhiêu") {
			if e.Actor != "Quản trị (admin)" {
				t.Errorf("%s by %q", e.Action, e.Actor)
			}
			found[e.Action] = true
		}
	}
	if !found[models.ActionTokenCreate] || !found[models.ActionTokenRevoke] {
		t.Errorf("the trail lacks the page's actions: %v", found)
	}
}
