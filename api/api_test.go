package api_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"doingoai/api"
	"doingoai/internal/testenv"
)

// TestInternalErrorsStayInside: a panic or an unexpected error answers 500
// problem+json with a request id, and nothing of the cause.
func TestInternalErrorsStayInside(t *testing.T) {
	s := testenv.Open(t, nil)
	e := api.New(api.Config{Store: s})
	e.GET("/boom", func(c echo.Context) error { panic("secret: the password is hunter2") })
	e.GET("/fail", func(c echo.Context) error {
		return errors.New("dial tcp 10.0.0.5:5432: password authentication failed for hunter2")
	})
	for _, path := range []string{"/boom", "/fail"} {
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
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
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
