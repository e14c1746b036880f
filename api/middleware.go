package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"doingoai/metrics"
	"doingoai/models"
)

func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// logRequests writes one structured line per request. It hands the error of
// the handler to the error handler first, so that the status logged is the
// one sent.
func (s *server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			c.Error(err)
		}
		res := c.Response()
		attrs := []any{
			"method", c.Request().Method,
			"route", c.Path(),
			"path", c.Request().URL.Path,
			"status", res.Status,
			"ms", float64(time.Since(start).Microseconds()) / 1000,
			"bytes", res.Size,
			"request_id", res.Header().Get(echo.HeaderXRequestID),
		}
		if p, ok := models.PrincipalFrom(c.Request().Context()); ok {
			attrs = append(attrs, "token_id", p.TokenID)
		}
		level := slog.LevelInfo
		if res.Status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(c.Request().Context(), level, "request", attrs...)
		return nil
	}
}

func (s *server) logPanic(c echo.Context, err error, stack []byte) error {
	s.log.Error("panic in handler", "request_id", c.Response().Header().Get(echo.HeaderXRequestID), "err", err, "stack", string(stack))
	return err
}

// securityHeaders sets the headers every answer carries; API answers are
// personal data and never cached. The Swagger UI gets a policy that lets
// its own files and its one inline script run, and nothing else.
func securityHeaders(swaggerPolicy string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("X-Frame-Options", "DENY")
			switch path := c.Request().URL.Path; {
			case strings.HasPrefix(path, "/api/"):
				h.Set("Cache-Control", "no-store")
				h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			case strings.HasPrefix(path, "/swagger"):
				h.Set("Content-Security-Policy", swaggerPolicy)
			case path == "/healthz" || path == "/readyz" || path == "/metrics":
				h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			}
			return next(c)
		}
	}
}

// bodyLimit refuses bodies over limit bytes: at once when Content-Length
// says so, otherwise when reading passes the limit.
func bodyLimit(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			if r.ContentLength > limit {
				return models.Errorf(models.ETOOLARGE, "the request body is %d bytes; the limit is %d", r.ContentLength, limit)
			}
			if r.Body != nil && r.Body != http.NoBody {
				r.Body = http.MaxBytesReader(c.Response(), r.Body, limit)
			}
			return next(c)
		}
	}
}

// measure counts each request and its latency by route pattern (never by
// raw path: unit codes would make one series per unit).
func measure(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		route := c.Path()
		if route == "" || c.Response().Status == http.StatusNotFound && route == "/*" {
			route = "unmatched"
		}
		method := c.Request().Method
		metrics.Requests.WithLabelValues(route, method, strconv.Itoa(c.Response().Status)).Inc()
		metrics.Duration.WithLabelValues(route, method).Observe(time.Since(start).Seconds())
		return nil
	}
}
