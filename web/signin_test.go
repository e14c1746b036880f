package web_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/models"
)

// newProxiedSite is newSite behind a reverse proxy on 127.0.0.1 that the
// service trusts (TRUSTED_PROXIES=127.0.0.0/8): each client is known by the
// X-Forwarded-For the proxy sends.
func newProxiedSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	_, loopback, _ := net.ParseCIDR("127.0.0.0/8")
	srv := httptest.NewServer(api.New(api.Config{Store: s.Store, TrustedProxies: []*net.IPNet{loopback}, AuthFailures: 20}))
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// signInFrom posts the sign-in form as the client at addr.
func (c *client) signInFrom(addr, login, pw string) page {
	c.t.Helper()
	return c.do("POST", "/login", url.Values{"login": {login}, "password": {pw}}, map[string]string{"X-Forwarded-For": addr})
}

// Behind a proxy, one client's failures hold up that client only: 21 failed
// sign-ins from 203.0.113.7 (over many logins) leave every other client's
// right password working, while 203.0.113.7 itself must wait. Counting the
// proxy's own address made every client answer 429.
func TestSignInThrottleBehindProxy(t *testing.T) {
	s := newProxiedSite(t)
	attacker := s.client(t)
	for i := 0; i < 21; i++ {
		attacker.signInFrom("203.0.113.7", "khong-co-"+strconv.Itoa(i), "sai-mat-khau-roi")
	}
	p := attacker.signInFrom("203.0.113.7", "tinh19", password("tinh19"))
	expect(t, "the guessing client itself", p, http.StatusTooManyRequests, "Đăng nhập sai quá nhiều lần")

	for _, who := range []struct{ addr, login string }{{"198.51.100.20", "huyen167"}, {"198.51.100.21", "xa05596"}, {"2001:db8::5", "admin"}} {
		c := s.client(t)
		expectRedirect(t, "the right password from "+who.addr, c.signInFrom(who.addr, who.login, password(who.login)), "/")
	}
	// The audit trail records each client's address, not the proxy's.
	res := s.Do(t, "GET", "/api/v1/audit", "admin", "", nil)
	var audit models.AuditList
	res.JSON(t, &audit)
	signedIn := map[string]bool{}
	for _, e := range audit.Items {
		if e.Action == models.ActionUserSignIn {
			var d struct{ Address string }
			if err := json.Unmarshal(e.Detail, &d); err != nil {
				t.Fatal(err)
			}
			signedIn[d.Address] = true
		}
	}
	if len(signedIn) != 3 || !signedIn["198.51.100.20"] || !signedIn["2001:db8::5"] {
		t.Errorf("sign-ins audited from %v, want the three clients' addresses", signedIn)
	}
}

// A named officer cannot be kept out: someone at one address guesses
// huyen167's password 14 times over 17 minutes, then once every 15
// minutes; that address is refused, even with the right password, but the
// officer signs in from an address that has not been failing — only later
// than usual, since the login is being guessed.
func TestNamedOfficerIsNotLockedOut(t *testing.T) {
	s := newProxiedSite(t)
	attacker := s.client(t)
	wrong := func() page { return attacker.signInFrom("203.0.113.9", "huyen167", "doan-mat-khau") }
	for i := 0; i < 14; i++ {
		if p := wrong(); p.Status != http.StatusUnauthorized && p.Status != http.StatusTooManyRequests {
			t.Fatalf("guess %d: %d", i, p.Status)
		}
		s.Clock.Add(17 * time.Minute / 14)
	}
	for i := 0; i < 2; i++ {
		s.Clock.Add(15 * time.Minute)
		expect(t, "a guess after 15 minutes", wrong(), http.StatusUnauthorized)
	}
	p := attacker.signInFrom("203.0.113.9", "huyen167", password("huyen167"))
	expect(t, "the right password from the guessing address", p, http.StatusTooManyRequests, "Đăng nhập sai quá nhiều lần")

	officer := s.client(t)
	start := time.Now()
	expectRedirect(t, "the officer from another address", officer.signInFrom("198.51.100.30", "huyen167", password("huyen167")), "/")
	// About 15 failures of the login: the slow-down is at its most, 2 s.
	if took := time.Since(start); took < 1500*time.Millisecond {
		t.Errorf("a login guessed 15 times from elsewhere was answered in %v: it is not slowed down", took)
	}
	// A wrong password from the officer's address is one of the pair's five.
	expect(t, "the officer mistypes", officer.signInFrom("198.51.100.30", "huyen167", "go-nham"), http.StatusUnauthorized, "không đúng")

	// A password reset forgets the login's failures from every address.
	if _, err := (app.Accounts{Store: s.Store}).ResetPassword(context.Background(), models.CommandLine, "huyen167", password("huyen167")); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	expectRedirect(t, "after a reset, from the address that was failing", attacker.signInFrom("203.0.113.9", "huyen167", password("huyen167")), "/")
	if took := time.Since(start); took >= 1500*time.Millisecond {
		t.Errorf("after a reset the sign-in still took %v", took)
	}
}

// After sign-in, "next" leads only to a local path of this site: a tab or
// a newline (browsers drop them), a backslash, "//" or a scheme, encoded or
// not, lead to "/".
func TestSignInNextStaysOnSite(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	c.signIn("huyen167")
	for next, want := range map[string]string{
		"%2F%09%2Fevil.example":       "/",
		"/%09/evil.example":           "/",
		"%2F%0A%2Fevil.example":       "/",
		"/%0D%0A/evil.example":        "/",
		"/%7F/evil.example":           "/",
		"%2F%5Cevil.example":          "/",
		"/%255C/evil.example":         "/",
		"%2F%2Fevil.example":          "/",
		"/%2F/evil.example":           "/",
		"//evil.example":              "/",
		"https://evil.example/":       "/",
		"https:evil.example":          "/",
		"/@evil.example":              "/@evil.example",
		"javascript:alert(1)":         "/",
		"evil.example":                "/",
		"%2Flogin":                    "/",
		"%2Fu%2F167%2F2024":           "/u/167/2024",
		"%2Fr%2F05596%2F2024%3Fa%3D1": "/r/05596/2024?a=1",
		"/t%C3%ACm-ki%E1%BA%BFm":      "/t%C3%ACm-ki%E1%BA%BFm",
	} {
		p := c.get("/login?next=" + next)
		expectRedirect(t, "next="+next, p, want)
	}
}
