package api

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"

	"doingoai/app"
	"doingoai/models"
)

// limiterEntry is a client's bucket and when it was last used.
type limiterEntry struct {
	l    *rate.Limiter
	seen time.Time
}

// newTokenLimiter limits the requests of each token with a token bucket:
// rps requests per second on average, burst at once (0: twice rps).
// Limits are per server process: with several servers behind a load
// balancer a token may send up to that many times the rate in all.
func newTokenLimiter(rps float64, burst int) *app.ClientRate {
	if burst <= 0 {
		burst = max(1, int(math.Ceil(2*rps)))
	}
	return app.NewClientRate("request", rps, burst)
}

// rateLimit refuses a token's request with 429 and Retry-After when the
// token has used its rate.
func (s *server) rateLimit(next echo.HandlerFunc) echo.HandlerFunc {
	if s.limiter == nil {
		return next
	}
	return func(c echo.Context) error {
		p, _ := models.PrincipalFrom(c.Request().Context())
		if d := s.limiter.Wait(strconv.FormatInt(p.TokenID, 10), time.Now()); d > 0 {
			secs := int(math.Ceil(d.Seconds()))
			c.Response().Header().Set("Retry-After", fmt.Sprint(secs))
			return models.Errorf(models.ERATELIMIT, "this token sent more than %g requests a second; retry after %d s", s.limiter.PerSecond(), secs)
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
