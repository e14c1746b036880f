package api

import (
	"fmt"
	"math"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"

	"doingoai/models"
)

// tokenLimiter limits the requests of each token with a token bucket: Rate
// requests per second on average, Burst at once. Limits are per server
// process: with several servers behind a load balancer a token may send up
// to that many times the rate in all.
type tokenLimiter struct {
	rate  rate.Limit
	burst int
	mu    sync.Mutex
	m     map[int64]*limiterEntry
	calls int
}

type limiterEntry struct {
	l    *rate.Limiter
	seen time.Time
}

func newTokenLimiter(rps float64, burst int) *tokenLimiter {
	if burst <= 0 {
		burst = max(1, int(math.Ceil(2*rps)))
	}
	return &tokenLimiter{rate: rate.Limit(rps), burst: burst, m: map[int64]*limiterEntry{}}
}

// wait returns how long the token must wait before its next request, 0 if
// it may go now.
func (tl *tokenLimiter) wait(token int64, now time.Time) time.Duration {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	tl.calls++
	if tl.calls%10_000 == 0 { // forget tokens idle for ten minutes
		for id, e := range tl.m {
			if now.Sub(e.seen) > 10*time.Minute {
				delete(tl.m, id)
			}
		}
	}
	e := tl.m[token]
	if e == nil {
		e = &limiterEntry{l: rate.NewLimiter(tl.rate, tl.burst)}
		tl.m[token] = e
	}
	e.seen = now
	if e.l.AllowN(now, 1) {
		return 0
	}
	r := e.l.ReserveN(now, 1)
	d := r.DelayFrom(now)
	r.CancelAt(now)
	return d
}

// rateLimit refuses a token's request with 429 and Retry-After when the
// token has used its rate.
func (s *server) rateLimit(next echo.HandlerFunc) echo.HandlerFunc {
	if s.limiter == nil {
		return next
	}
	return func(c echo.Context) error {
		p, _ := models.PrincipalFrom(c.Request().Context())
		if d := s.limiter.wait(p.TokenID, time.Now()); d > 0 {
			secs := int(math.Ceil(d.Seconds()))
			c.Response().Header().Set("Retry-After", fmt.Sprint(secs))
			return models.Errorf(models.ERATELIMIT, "this token sent more than %g requests a second; retry after %d s", float64(s.limiter.rate), secs)
		}
		return next(c)
	}
}

// corsHeaders are what a browser dashboard may send and read.
var (
	corsAllowHeaders  = []string{"Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key"}
	corsExposeHeaders = []string{"ETag", "Location", "Retry-After", "Idempotent-Replayed", "X-Request-Id", "Content-Disposition"}
	corsMethods       = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
)
