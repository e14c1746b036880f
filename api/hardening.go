package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	echoSwagger "github.com/swaggo/echo-swagger"
	"golang.org/x/time/rate"

	"doingoai/models"
)

// --- failed authentication, limited per client address -------------------

// failLimiter limits failed authentications per client address with a
// token bucket: a client that sends unknown tokens spends its bucket and is
// then answered 429 without a database lookup until the bucket refills.
// Successful authentications cost nothing.
type failLimiter struct {
	rate  rate.Limit
	burst int
	mu    sync.Mutex
	m     map[string]*limiterEntry
	calls int
}

func newFailLimiter(perMinute int) *failLimiter {
	return &failLimiter{rate: rate.Limit(float64(perMinute) / 60), burst: perMinute, m: map[string]*limiterEntry{}}
}

func (fl *failLimiter) entry(addr string, now time.Time) *limiterEntry {
	fl.calls++
	if fl.calls%10_000 == 0 { // forget addresses whose bucket is full again
		for a, e := range fl.m {
			if now.Sub(e.seen) > time.Duration(float64(fl.burst)/float64(fl.rate)*float64(time.Second))+time.Minute {
				delete(fl.m, a)
			}
		}
	}
	e := fl.m[addr]
	if e == nil {
		e = &limiterEntry{l: rate.NewLimiter(fl.rate, fl.burst)}
		fl.m[addr] = e
	}
	return e
}

// blocked returns how long addr must wait before it may try a token again,
// 0 if it may try now.
func (fl *failLimiter) blocked(addr string, now time.Time) time.Duration {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	e := fl.m[addr]
	if e == nil {
		return 0
	}
	tokens := e.l.TokensAt(now)
	if tokens >= 1 {
		return 0
	}
	return time.Duration((1 - tokens) / float64(fl.rate) * float64(time.Second))
}

// fail records a failed authentication from addr.
func (fl *failLimiter) fail(addr string, now time.Time) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	e := fl.entry(addr, now)
	e.seen = now
	e.l.AllowN(now, 1)
}

// limitAuthFailures wraps authentication: a client address over its
// failures gets 429 and Retry-After.
func (s *server) limitAuthFailures(next echo.HandlerFunc) echo.HandlerFunc {
	if s.failures == nil {
		return next
	}
	return func(c echo.Context) error {
		addr := c.RealIP()
		if d := s.failures.blocked(addr, time.Now()); d > 0 {
			secs := max(1, int(math.Ceil(d.Seconds())))
			c.Response().Header().Set("Retry-After", fmt.Sprint(secs))
			return models.Errorf(models.ERATELIMIT, "too many failed authentications from this address; retry after %d s", secs)
		}
		err := next(c)
		var de *models.Error
		if errors.As(err, &de) && de.Code == models.EUNAUTHORIZED {
			s.failures.fail(addr, time.Now())
		}
		return err
	}
}

// ipExtractor says how the client's address is found: the peer's address,
// or, when the peer is one of the trusted proxies, the address it forwarded
// in X-Forwarded-For. It is the one such function: Echo's RealIP uses it,
// and the web app's sign-ins are given it (web.Config.ClientAddr).
func ipExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// --- CORS origins ----------------------------------------------------------

// CORSMatcher returns what decides whether a browser origin may call the
// API, from CORS_ORIGINS: "*" alone (any origin), exact origins
// ("https://thongke.thainguyen.gov.vn"), or a leading wildcard for the
// subdomains of one host ("https://*.thainguyen.gov.vn": any host ending in
// ".thainguyen.gov.vn", on https, never thainguyen.gov.vn itself). Any other
// "*" is an error: a pattern must not match "https://evil.com/.gov.vn".
func CORSMatcher(origins []string) (func(origin string) bool, error) {
	any := false
	exact := map[string]bool{}
	type suffix struct{ scheme, host string }
	var suffixes []suffix
	for _, o := range origins {
		switch {
		case o == "*":
			any = true
		case strings.Contains(o, "*"):
			scheme, rest, ok := strings.Cut(o, "://*.")
			if !ok || (scheme != "http" && scheme != "https") || !validHost(rest) {
				return nil, fmt.Errorf("CORS origin %q: a wildcard is allowed only as https://*.example.gov.vn (the subdomains of one host)", o)
			}
			suffixes = append(suffixes, suffix{scheme, "." + strings.ToLower(rest)})
		default:
			scheme, host, ok := strings.Cut(o, "://")
			if !ok || (scheme != "http" && scheme != "https") || !validHost(host) {
				return nil, fmt.Errorf("CORS origin %q: write an origin as scheme://host[:port], such as https://thongke.example.gov.vn", o)
			}
			exact[strings.ToLower(o)] = true
		}
	}
	return func(origin string) bool {
		if any {
			return true
		}
		origin = strings.ToLower(origin)
		if exact[origin] {
			return true
		}
		scheme, host, ok := strings.Cut(origin, "://")
		if !ok || !validHost(host) {
			return false
		}
		for _, s := range suffixes {
			if scheme == s.scheme && len(host) > len(s.host) && strings.HasSuffix(host, s.host) {
				return true
			}
		}
		return false
	}, nil
}

var hostPattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$`)

// validHost reports whether s is host[:port] and nothing else (no path,
// user, query or fragment).
func validHost(s string) bool { return hostPattern.MatchString(s) }

// --- Swagger UI ------------------------------------------------------------

// swaggerCSP is the Content-Security-Policy of the Swagger UI pages: its
// files from this server only, its one inline script allowed by hash.
func swaggerCSP() string {
	e := echo.New()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/swagger/index.html", nil)
	c := e.NewContext(req, rec)
	_ = echoSwagger.WrapHandler(c)
	scripts := []string{"'self'"}
	for _, m := range regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(rec.Body.String(), -1) {
		sum := sha256.Sum256([]byte(m[1]))
		scripts = append(scripts, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	return "default-src 'none'; script-src " + strings.Join(scripts, " ") +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}

// --- Go's own error answers ------------------------------------------------

// secureListener adds the security headers to the answers that Go's HTTP
// server writes by itself, before any handler runs (a malformed request
// line, such as a space in the path, or headers too large): those are
// written straight to the connection as a plain-text 4xx.
type secureListener struct{ net.Listener }

func (l secureListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &secureConn{Conn: c}, nil
}

type secureConn struct{ net.Conn }

// goErrorHeaders is what net/http writes after the status line of its own
// error answers; a handler's answer never has these two headers in this
// order (net/http writes a handler's headers sorted by name).
const goErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

const extraHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close" +
	"\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nX-Frame-Options: DENY" +
	"\r\nCache-Control: no-store\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n"

func (c *secureConn) Write(b []byte) (int, error) {
	if bytes.HasPrefix(b, []byte("HTTP/1.1 4")) {
		if i := bytes.Index(b, []byte("\r\n")); i > 0 && bytes.HasPrefix(b[i:], []byte(goErrorHeaders)) {
			nb := make([]byte, 0, len(b)+len(extraHeaders))
			nb = append(append(append(nb, b[:i]...), extraHeaders...), b[i+len(goErrorHeaders):]...)
			if _, err := c.Conn.Write(nb); err != nil {
				return 0, err
			}
			return len(b), nil
		}
	}
	return c.Conn.Write(b)
}
