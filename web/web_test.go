package web_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/internal/apitest"
	"doingoai/models"
	"doingoai/web"
	"doingoai/web/urls"
)

// The accounts of every web test, with their passwords.
var people = []models.UserInput{
	{Login: "admin", Role: models.RoleAdmin, Name: "Quản trị", Password: "mat-khau-admin-1"},
	{Login: "tinh19", Role: models.RoleDistrict, UnitCode: "19", Name: "Sở Ngoại vụ Thái Nguyên", Password: "mat-khau-tinh-19"},
	{Login: "huyen167", Role: models.RoleDistrict, UnitCode: "167", Name: "Phòng Nội vụ Định Hóa", Password: "mat-khau-huyen-167"},
	{Login: "xa05596", Role: models.RoleCommune, UnitCode: "05596", Name: "UBND xã Bộc Nhiêu", Password: "mat-khau-xa-05596"},
	{Login: "xa05599", Role: models.RoleCommune, UnitCode: "05599", Name: "UBND xã Sơn Phú", Password: "mat-khau-xa-05599"},
}

func password(login string) string {
	for _, p := range people {
		if p.Login == login {
			return p.Password
		}
	}
	return ""
}

// site is the whole service (API and pages) on a test server, with the
// Định Hóa units, the accounts above and Bộc Nhiêu's 2024 report.
type site struct {
	*apitest.Env
	URL string
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := newEmptySite(t)
	res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, apitest.Seed(t)), nil)
	if res.Status != http.StatusCreated {
		t.Fatalf("seed report: %d %s", res.Status, res.Body)
	}
	return s
}

// newEmptySite is newSite without Bộc Nhiêu's report: the clerk writes it.
func newEmptySite(t testing.TB) *site {
	t.Helper()
	return newEmptySiteWith(t, nil)
}

// newEmptySiteWith is newEmptySite with the server's configuration
// changed by configure.
func newEmptySiteWith(t testing.TB, configure func(*api.Config)) *site {
	t.Helper()
	env := apitest.NewWith(t, configure)
	for _, p := range people {
		if _, err := (app.Accounts{Store: env.Store}).Create(context.Background(), models.CommandLine, p); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(env.Handler)
	t.Cleanup(srv.Close)
	return &site{Env: env, URL: srv.URL}
}

// client is a person's browser without JavaScript: a cookie jar that
// follows no redirect.
type client struct {
	t    *testing.T
	s    *site
	http *http.Client
}

func (s *site) client(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, s: s, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type page struct {
	Status int
	Header http.Header
	Body   string
}

func (c *client) do(method, path string, form url.Values, headers map[string]string) page {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.s.URL+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if method == http.MethodPost {
		req.Header.Set("Origin", c.s.URL) // what a browser sends from our own page
	}
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return page{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}

func (c *client) get(path string) page { c.t.Helper(); return c.do("GET", path, nil, nil) }

func (c *client) post(path string, form url.Values) page {
	c.t.Helper()
	return c.do("POST", path, form, nil)
}

// signIn signs in and fails the test unless it works.
func (c *client) signIn(login string) {
	c.t.Helper()
	p := c.post("/login", url.Values{"login": {login}, "password": {password(login)}})
	expectRedirect(c.t, "sign in as "+login, p, "/")
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the form token from a page of the session.
func (c *client) csrf(path string) string {
	c.t.Helper()
	p := c.get(path)
	m := csrfRe.FindStringSubmatch(p.Body)
	if m == nil {
		c.t.Fatalf("no csrf field on %s (%d)", path, p.Status)
	}
	return m[1]
}

// expectRedirect checks that a page answered 303 to location.
func expectRedirect(t *testing.T, what string, p page, location string) {
	t.Helper()
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != location {
		t.Fatalf("%s: %d %q, want 303 to %q\n%s", what, p.Status, p.Header.Get("Location"), location, p.Body)
	}
}

func expect(t *testing.T, what string, p page, status int, contains ...string) {
	t.Helper()
	if p.Status != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, p.Status, status, p.Body)
	}
	for _, s := range contains {
		if !strings.Contains(p.Body, s) {
			t.Errorf("%s: the page lacks %q", what, s)
		}
	}
}

func TestSignInAndOut(t *testing.T) {
	s := newSite(t)
	c := s.client(t)

	p := c.get("/")
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/login") {
		t.Fatalf("/ signed out: %d %q, want 303 to /login", p.Status, p.Header.Get("Location"))
	}
	expect(t, "the form", c.get("/login"), 200, `name="login"`, `name="password"`, "Tên đăng nhập", "Mật khẩu", `<label for="login">`)

	p = c.post("/login", url.Values{"login": {"huyen167"}, "password": {"sai-mat-khau-roi"}})
	expect(t, "a wrong password", p, http.StatusUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng", `value="huyen167"`)
	if len(p.Header.Values("Set-Cookie")) != 0 {
		t.Errorf("a failed sign-in set a cookie: %v", p.Header.Values("Set-Cookie"))
	}
	p = c.post("/login", url.Values{"login": {"khong-co-ai"}, "password": {"sai-mat-khau-roi"}})
	expect(t, "an unknown login", p, http.StatusUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng")

	p = c.post("/login", url.Values{"login": {"huyen167"}, "password": {password("huyen167")}})
	expectRedirect(t, "sign in", p, "/")
	cookie := p.Header.Get("Set-Cookie")
	for _, want := range []string{web.CookieName + "=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %s", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("cookie over plain HTTP is Secure: %q", cookie)
	}

	p = c.get("/")
	expectRedirect(t, "/ signed in", p, "/u/167/2024")
	p = c.get("/u/167/2024")
	expect(t, "the overview", p, 200, "Huyện Định Hóa", "Phòng Nội vụ Định Hóa", "Xã Bộc Nhiêu",
		// the paths the script uses, from the URL builder
		`data-login="`+urls.Login()+`"`, `data-logout="`+urls.Logout()+`"`, `data-session="`+urls.Session()+`"`)
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
		if p.Header.Get(h) == "" {
			t.Errorf("the page lacks the header %s", h)
		}
	}
	if csp := p.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
		t.Errorf("CSP %q", csp)
	}
	if cc := p.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("a page with personal data has Cache-Control %q", cc)
	}

	token := c.csrf("/u/167/2024")
	p = c.post("/logout", url.Values{"csrf": {token}})
	expectRedirect(t, "sign out", p, "/login")
	if p = c.get("/u/167/2024"); p.Status != http.StatusSeeOther {
		t.Fatalf("after sign-out the overview answers %d", p.Status)
	}
}

func TestSecureCookieBehindProxy(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	p := c.do("POST", "/login", url.Values{"login": {"admin"}, "password": {password("admin")}},
		map[string]string{"X-Forwarded-Proto": "https", "Origin": ""})
	if p.Status != http.StatusSeeOther || !strings.Contains(p.Header.Get("Set-Cookie"), "Secure") {
		t.Fatalf("sign-in behind an HTTPS proxy: %d, cookie %q", p.Status, p.Header.Get("Set-Cookie"))
	}
}

func TestPagesNeverShadowTheAPI(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("admin")
	for _, path := range []string{"/api/v1/units", "/api/v1/nothing", "/healthz", "/swagger/doc.json"} {
		p := c.get(path)
		if strings.Contains(p.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s answered a page (%d)", path, p.Status)
		}
	}
	if p := c.get("/api/v1/units"); p.Status != http.StatusUnauthorized {
		t.Errorf("the session cookie authorised the API: %d", p.Status)
	}
	expect(t, "an unknown page", c.get("/u/167"), http.StatusNotFound, "Không tìm thấy")
}

func TestCrossSiteRequestsAreRefused(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	token := c.csrf("/r/05596/2024")
	etag := html.UnescapeString(regexp.MustCompile(`name="etag" value="([^"]+)"`).FindStringSubmatch(c.get("/r/05596/2024").Body)[1])
	form := url.Values{"csrf": {token}, "etag": {etag}, "decision": {"accept"}}

	// Another site's form: the browser says where it comes from.
	p := c.do("POST", "/r/05596/2024/duyet", form, map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
	expect(t, "a cross-site POST", p, http.StatusForbidden, "Yêu cầu bị từ chối")
	p = c.do("POST", "/r/05596/2024/duyet", form, map[string]string{"Origin": "https://evil.example"})
	expect(t, "a POST from another origin", p, http.StatusForbidden)
	// Our origin but no token, or another session's token.
	p = c.post("/r/05596/2024/duyet", url.Values{"etag": {etag}, "decision": {"accept"}})
	expect(t, "a POST without the token", p, http.StatusForbidden, "Yêu cầu bị từ chối")
	p = c.post("/r/05596/2024/duyet", url.Values{"csrf": {token + "x"}, "etag": {etag}, "decision": {"accept"}})
	expect(t, "a POST with a wrong token", p, http.StatusForbidden)
	// Sign-in from another site is refused too.
	p = s.client(t).do("POST", "/login", url.Values{"login": {"admin"}, "password": {password("admin")}}, map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
	expect(t, "a cross-site sign-in", p, http.StatusForbidden)

	if v, _, err := s.Store.GetReport(context.Background(), mustUnit(t, s, "05596"), "2024"); err != nil || v.Status != models.StatusSubmitted {
		t.Fatalf("a refused POST changed the report: %v %v", v.Status, err)
	}
	// The real form passes.
	p = c.post("/r/05596/2024/duyet", form)
	if p.Status != http.StatusSeeOther {
		t.Fatalf("the real review: %d %s", p.Status, p.Body)
	}
}

func mustUnit(t *testing.T, s *site, code string) *models.TreeUnit {
	t.Helper()
	tr, err := s.Store.Tree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	u := tr.ByCode(code)
	if u == nil {
		t.Fatalf("no unit %s", code)
	}
	return u
}

func TestFailedSignInsSlowDown(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	wrong := url.Values{"login": {"huyen167"}, "password": {"sai-mat-khau-roi"}}
	for i := 0; i < 5; i++ {
		expect(t, "a wrong password", c.post("/login", wrong), http.StatusUnauthorized)
	}
	// The login must now wait, even with the right password.
	p := c.post("/login", url.Values{"login": {"huyen167"}, "password": {password("huyen167")}})
	expect(t, "the sixth attempt at once", p, http.StatusTooManyRequests, "Đăng nhập sai quá nhiều lần")
	if p.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	// Another login from the same address is not held up by this one.
	expect(t, "another login", c.post("/login", url.Values{"login": {"admin"}, "password": {"sai-mat-khau-roi"}}), http.StatusUnauthorized)
	s.Clock.Add(2 * time.Second)
	c.signIn("huyen167")

	// Many logins tried from one address: the address waits.
	c2 := s.client(t)
	for i := 0; i < 20; i++ {
		c2.post("/login", url.Values{"login": {"nobody" + string(rune('a'+i))}, "password": {"sai-mat-khau-roi"}})
	}
	p = c2.post("/login", url.Values{"login": {"tinh19"}, "password": {password("tinh19")}})
	expect(t, "a guessing address", p, http.StatusTooManyRequests)
	s.Clock.Add(time.Hour)
	c2.signIn("tinh19")
}

func TestSessionsExpire(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	// Active all week, every seven hours: still in until the week is over.
	for i := 0; i < 23; i++ {
		s.Clock.Add(7 * time.Hour)
		if p := c.get("/u/167/2024"); p.Status != 200 {
			t.Fatalf("after %d×7 h of activity: %d", i+1, p.Status)
		}
	}
	s.Clock.Add(7 * time.Hour)
	if p := c.get("/u/167/2024"); p.Status != http.StatusSeeOther {
		t.Fatalf("past a week: %d, want 303 to /login", p.Status)
	}
	// Idle past a working day: out.
	c2 := s.client(t)
	c2.signIn("huyen167")
	s.Clock.Add(8*time.Hour + time.Minute)
	if p := c2.get("/u/167/2024"); p.Status != http.StatusSeeOther {
		t.Fatalf("idle 8 h: %d, want 303 to /login", p.Status)
	}
	// A disabled account's sessions end at once.
	c3 := s.client(t)
	c3.signIn("tinh19")
	if err := s.Store.DisableUser(context.Background(), models.CommandLine, "tinh19", nil); err != nil {
		t.Fatal(err)
	}
	if p := c3.get("/u/19/2024"); p.Status != http.StatusSeeOther {
		t.Fatalf("disabled account: %d", p.Status)
	}
	p := c3.post("/login", url.Values{"login": {"tinh19"}, "password": {password("tinh19")}})
	expect(t, "a disabled account signs in", p, http.StatusUnauthorized)
}

func TestScopeOfPeople(t *testing.T) {
	s := newSite(t)
	commune := s.client(t)
	commune.signIn("xa05599")
	// Another commune's report: a 403 page that says nothing of it.
	p := commune.get("/r/05596/2024")
	expect(t, "another commune's report", p, http.StatusForbidden, "Không có quyền truy cập")
	for _, leak := range []string{"Bộc Nhiêu", "Lê Đình Ngà", "4.456"} {
		if strings.Contains(p.Body, leak) {
			t.Errorf("the 403 page shows %q", leak)
		}
	}
	expect(t, "the district overview", commune.get("/u/167/2024"), http.StatusForbidden)
	expect(t, "the district download", commune.get("/u/167/2024/tai-ve/tong-hop.xlsx"), http.StatusForbidden)
	expect(t, "its own report page", commune.get("/r/05599/2024"), 200, "chưa gửi báo cáo")

	other := s.client(t)
	other.signIn("huyen167")
	expect(t, "a district outside", other.get("/u/164/2024"), http.StatusForbidden)
	expect(t, "a district above", other.get("/u/19/2024"), http.StatusForbidden)
	expect(t, "unknown unit", other.get("/u/99999/2024"), http.StatusNotFound)
	expect(t, "bad period", other.get("/u/167/20x4"), http.StatusNotFound)
	p = other.get("/tim-kiem?q=quan%20trieu")
	expect(t, "search outside the scope", p, 200, "Không tìm thấy")
	p = other.get("/tim-kiem?q=boc%20nhieu")
	expect(t, "search without diacritics", p, 200, "Xã Bộc Nhiêu", "/r/05596/")

	prov := s.client(t)
	prov.signIn("tinh19")
	p = prov.get("/u/19/2024")
	expect(t, "the province overview", p, 200, "Huyện Định Hóa", `href="/u/167/2024"`)
}
