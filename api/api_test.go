package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"doingoai/api"
	"doingoai/internal/loadtest"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// TestInternalErrorsStayInside: a panic or an unexpected error answers 500
// problem+json with a request id, and nothing of the cause.
func TestInternalErrorsStayInside(t *testing.T) {
	s := testenv.Open(t, nil)
	e := api.New(api.Config{Store: s})
	e.GET("/api/v1/boom", func(c echo.Context) error { panic("secret: the password is hunter2") })
	e.GET("/api/v1/fail", func(c echo.Context) error {
		return errors.New("dial tcp 10.0.0.5:5432: password authentication failed for hunter2")
	})
	for _, path := range []string{"/api/v1/boom", "/api/v1/fail"} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		body := rec.Body.String()
		if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
		}
		if strings.Contains(body, "hunter2") || strings.Contains(body, "10.0.0.5") || !strings.Contains(body, `"request_id":"`) {
			t.Errorf("%s leaks or lacks the request id: %s", path, body)
		}
	}
}

// TestGracefulShutdown: on the shutdown signal, a request in flight is
// answered before Serve returns, and new connections are refused.
func TestGracefulShutdown(t *testing.T) {
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- api.Serve(ctx, addr, h, 5*time.Second, testenv.Logger()) }()
	var res *http.Response
	got := make(chan error, 1)
	go func() {
		for i := 0; i < 50; i++ {
			res, err = http.Get("http://" + addr + "/slow")
			if err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		got <- err
	}()
	<-started
	cancel()
	if err := <-got; err != nil {
		t.Fatalf("request in flight failed: %v", err)
	}
	b, _ := io.ReadAll(res.Body)
	if string(b) != "done" {
		t.Errorf("body %q", b)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + addr + "/slow"); err == nil {
		t.Error("a new request was served after shutdown")
	}
}

func newAPI(t *testing.T, cfg api.Config) (http.Handler, map[string]string) {
	t.Helper()
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	cfg.Store = s
	tokens := map[string]string{
		"a": testenv.Token(t, s, models.RoleAdmin, "", "a"),
		"b": testenv.Token(t, s, models.RoleAdmin, "", "b"),
	}
	return api.New(cfg), tokens
}

func get(h http.Handler, path, token string, hdr map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestRateLimit: a token past its rate gets 429 with Retry-After; another
// token is not affected.
func TestRateLimit(t *testing.T) {
	h, tok := newAPI(t, api.Config{RateLimit: 1, RateBurst: 3})
	for i := 0; i < 3; i++ {
		if rec := get(h, "/api/v1/indicators", tok["a"], nil); rec.Code != 200 {
			t.Fatalf("request %d: %d", i, rec.Code)
		}
	}
	rec := get(h, "/api/v1/indicators", tok["a"], nil)
	if rec.Code != 429 || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), `"code":"rate_limited"`) {
		t.Errorf("over the limit: %d %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	if rec := get(h, "/api/v1/indicators", tok["b"], nil); rec.Code != 200 {
		t.Errorf("another token: %d", rec.Code)
	}
	time.Sleep(1100 * time.Millisecond)
	if rec := get(h, "/api/v1/indicators", tok["a"], nil); rec.Code != 200 {
		t.Errorf("after waiting: %d", rec.Code)
	}
}

// TestCORS: off by default; with configured origins, those origins (and
// only those) may call the API from a browser.
func TestCORS(t *testing.T) {
	off, tok := newAPI(t, api.Config{})
	if rec := get(off, "/api/v1/indicators", tok["a"], map[string]string{"Origin": "https://dashboard.example"}); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS must be off by default")
	}
	on, tok := newAPI(t, api.Config{CORSOrigins: []string{"https://dashboard.thainguyen.gov.vn"}})
	rec := get(on, "/api/v1/indicators", tok["a"], map[string]string{"Origin": "https://dashboard.thainguyen.gov.vn"})
	if rec.Header().Get("Access-Control-Allow-Origin") != "https://dashboard.thainguyen.gov.vn" || !strings.Contains(rec.Header().Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("allowed origin: %v", rec.Header())
	}
	if rec := get(on, "/api/v1/indicators", tok["a"], map[string]string{"Origin": "https://evil.example"}); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("another origin was allowed")
	}
	req := httptest.NewRequest(http.MethodOptions, "/api/v1/reports", nil)
	req.Header.Set("Origin", "https://dashboard.thainguyen.gov.vn")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
	pre := httptest.NewRecorder()
	on.ServeHTTP(pre, req)
	if pre.Code != 204 || !strings.Contains(strings.ToLower(pre.Header().Get("Access-Control-Allow-Headers")), "idempotency-key") {
		t.Errorf("preflight: %d %v", pre.Code, pre.Header())
	}
}

// TestTokenRefusedOnNextRequest: a token that worked is refused on its very
// next request once revoked, or once expired.
func TestTokenRefusedOnNextRequest(t *testing.T) {
	clock := testenv.NewClock(time.Date(2024, 11, 25, 3, 0, 0, 0, time.UTC))
	s := testenv.Open(t, clock)
	h := api.New(api.Config{Store: s})
	ctx := context.Background()
	secret, tok, _ := testenv.CreateToken(s, models.TokenInput{Role: models.RoleAdmin, Name: "short", TTL: 90 * 24 * time.Hour})
	if rec := get(h, "/api/v1/indicators", secret, nil); rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	clock.Add(90 * 24 * time.Hour)
	if rec := get(h, "/api/v1/indicators", secret, nil); rec.Code != 401 || !strings.Contains(rec.Body.String(), "expired") {
		t.Errorf("expired: %d %s", rec.Code, rec.Body)
	}
	other, tok2, _ := testenv.CreateToken(s, models.TokenInput{Role: models.RoleAdmin, Name: "other"})
	if rec := get(h, "/api/v1/indicators", other, nil); rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	if err := s.RevokeToken(ctx, models.CommandLine, tok2.ID); err != nil {
		t.Fatal(err)
	}
	if rec := get(h, "/api/v1/indicators", other, nil); rec.Code != 401 {
		t.Errorf("revoked: %d", rec.Code)
	}
	_ = tok
}
