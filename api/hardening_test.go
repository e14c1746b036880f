package api_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ghodss/yaml"

	"doingoai/api"
	"doingoai/internal/loadtest"
	"doingoai/internal/testenv"
)

// TestAuthFailuresLimitedPerAddress: a client address that sends unknown
// tokens is answered 429 with Retry-After after AuthFailures of them, with
// no lookup; another address, and (behind a trusted proxy) another
// forwarded address, are not affected.
func TestAuthFailuresLimitedPerAddress(t *testing.T) {
	_, proxy, _ := net.ParseCIDR("10.0.0.1/32")
	h, tok := newAPI(t, api.Config{AuthFailures: 5, TrustedProxies: []*net.IPNet{proxy}})
	from := func(addr, xff, token string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, "/api/v1/indicators", nil)
		req.RemoteAddr = addr
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		rec := &recorder{header: http.Header{}}
		h.ServeHTTP(rec, req)
		return rec.code, rec.header.Get("Retry-After")
	}
	for i := 0; i < 5; i++ {
		if code, _ := from("192.0.2.7:1234", "", fmt.Sprint("unknown-", i)); code != 401 {
			t.Fatalf("failure %d: %d", i, code)
		}
	}
	code, retry := from("192.0.2.7:1234", "", "unknown-6")
	if code != 429 || retry == "" || retry == "0" {
		t.Errorf("sixth failure: %d, Retry-After %q", code, retry)
	}
	// Over the limit, even a good token waits: the address is the unit.
	if code, _ := from("192.0.2.7:1234", "", tok["a"]); code != 429 {
		t.Errorf("a good token from a blocked address: %d", code)
	}
	if code, _ := from("192.0.2.8:1234", "", tok["a"]); code != 200 {
		t.Errorf("another address: %d", code)
	}
	// Through the trusted proxy, each forwarded client has its own count;
	// an untrusted peer cannot choose its address by the header.
	for i := 0; i < 5; i++ {
		from("10.0.0.1:5555", "198.51.100.1", "unknown")
	}
	if code, _ := from("10.0.0.1:5555", "198.51.100.1", "unknown"); code != 429 {
		t.Errorf("forwarded client over the limit: %d", code)
	}
	if code, _ := from("10.0.0.1:5555", "198.51.100.2", tok["a"]); code != 200 {
		t.Errorf("another forwarded client: %d", code)
	}
	if code, _ := from("192.0.2.7:1234", "198.51.100.3", tok["a"]); code != 429 {
		t.Errorf("an untrusted peer escaped its limit with X-Forwarded-For: %d", code)
	}
}

type recorder struct {
	header http.Header
	code   int
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = 200
	}
	return len(b), nil
}
func (r *recorder) WriteHeader(code int) { r.code = code }

// TestGoOwnErrorsCarrySecurityHeaders: the plain-text 400 that Go's HTTP
// server writes for a malformed request line (a space in the path) carries
// the security headers too.
func TestGoOwnErrorsCarrySecurityHeaders(t *testing.T) {
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	h, _ := newAPI(t, api.Config{})
	ctx := t.Context()
	go api.Serve(ctx, addr, h, time.Second, testenv.Logger())
	var conn net.Conn
	for i := 0; i < 100; i++ {
		if conn, err = net.Dial("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "GET /api/v1/units/a b HTTP/1.1\r\nHost: x\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 400 {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	for _, name := range []string{"X-Content-Type-Options", "Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"} {
		if res.Header.Get(name) == "" {
			t.Errorf("Go's own 400 lacks %s: %v", name, res.Header)
		}
	}
	if !strings.HasPrefix(string(body), "400 Bad Request") {
		t.Errorf("body %q", body)
	}
}

// TestSwaggerUIHasCSP: the Swagger UI page has a Content-Security-Policy
// that allows its inline script (by hash) and nothing from other hosts.
func TestSwaggerUIHasCSP(t *testing.T) {
	h, _ := newAPI(t, api.Config{})
	rec := get(h, "/swagger/index.html", "", nil)
	csp := rec.Header().Get("Content-Security-Policy")
	if rec.Code != 200 || csp == "" || strings.Contains(csp, "http") || strings.Contains(csp, "'unsafe-eval'") {
		t.Fatalf("%d CSP %q", rec.Code, csp)
	}
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(rec.Body.String(), -1)
	if len(scripts) == 0 {
		t.Fatal("no inline script found in the Swagger UI page")
	}
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s[1]))
		if !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
			t.Errorf("the inline script is not allowed by the CSP %q", csp)
		}
	}
	if strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("scripts are allowed inline wholesale: %q", csp)
	}
}

// TestDocYAMLIsClean: /swagger/doc.yaml is served like doc.json, without
// the empty host and schemes that fail Swagger 2.0 validation.
func TestDocYAMLIsClean(t *testing.T) {
	h, _ := newAPI(t, api.Config{})
	rec := get(h, "/swagger/doc.yaml", "", nil)
	var d map[string]any
	if err := yaml.Unmarshal(rec.Body.Bytes(), &d); rec.Code != 200 || err != nil {
		t.Fatalf("%d %v", rec.Code, err)
	}
	if _, ok := d["host"]; ok {
		t.Errorf("doc.yaml has host %q", d["host"])
	}
	if _, ok := d["schemes"]; ok {
		t.Errorf("doc.yaml has schemes %v", d["schemes"])
	}
	if d["swagger"] != "2.0" || d["paths"] == nil {
		t.Errorf("not the document: %v", d["swagger"])
	}
}

// TestCORSOriginPatterns: exact origins, "*" alone, and a leading wildcard
// for the subdomains of one host; no other "*" is accepted, and the
// wildcard never matches another host that merely ends in the same text.
func TestCORSOriginPatterns(t *testing.T) {
	for _, bad := range []string{"https://a*.gov.vn", "https://*gov.vn", "*.gov.vn", "https://*.gov.vn/x", "https://gov.*", "ftp://x.vn", "https://x.vn/path"} {
		if _, err := api.CORSMatcher([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	m, err := api.CORSMatcher([]string{"https://*.gov.vn", "https://dash.example.org:8443"})
	if err != nil {
		t.Fatal(err)
	}
	for origin, want := range map[string]bool{
		"https://thainguyen.gov.vn":     true,
		"https://a.b.gov.vn":            true,
		"https://gov.vn":                false,
		"https://evil.com/.gov.vn":      false,
		"https://evilgov.vn":            false,
		"http://thainguyen.gov.vn":      false,
		"https://x.gov.vn.evil.com":     false,
		"https://u@x.gov.vn":            false,
		"https://dash.example.org:8443": true,
		"https://dash.example.org":      false,
	} {
		if m(origin) != want {
			t.Errorf("%s: %v, want %v", origin, !want, want)
		}
	}
	h, _ := newAPI(t, api.Config{CORSOrigins: []string{"https://*.gov.vn"}})
	for origin, want := range map[string]string{"https://evil.com/.gov.vn": "", "https://so.gov.vn": "https://so.gov.vn"} {
		rec := get(h, "/healthz", "", map[string]string{"Origin": origin})
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("Origin %s: allowed %q, want %q", origin, got, want)
		}
	}
}
