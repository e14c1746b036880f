package handlers

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"doingoai/app"
	"doingoai/models"
)

// slotRetryAfter is the Retry-After, in seconds, of work refused because
// every slot (or the client's share) is busy.
const slotRetryAfter = app.BusyRetryAfter

// inSlot runs work in one of slots and gives the slot back when it
// returns. With none free in time it sets Retry-After and returns
// EUNAVAILABLE (503) before work reads anything.
func inSlot(w http.ResponseWriter, r *http.Request, slots *app.Slots, work func() error) error {
	release, err := slots.Acquire(r.Context())
	if err != nil {
		if models.ErrorCode(err) == models.EUNAVAILABLE {
			w.Header().Set("Retry-After", slotRetryAfter)
		}
		return err
	}
	defer release()
	return work()
}

// ClientRate limits how often each client may start a kind of work: a
// token bucket per client (ClientKey, or any key given to Wait),
// forgotten after ten idle minutes. The API's per-token rate is one too.
type ClientRate struct {
	what  string
	rate  rate.Limit
	burst int

	mu    sync.Mutex
	m     map[string]*rateEntry
	calls int
}

type rateEntry struct {
	l    *rate.Limiter
	seen time.Time
}

// NewClientRate returns a limit of perSecond on average and burst at once
// for work of the kind what ("import").
func NewClientRate(what string, perSecond float64, burst int) *ClientRate {
	return &ClientRate{what: what, rate: rate.Limit(perSecond), burst: burst, m: map[string]*rateEntry{}}
}

// Wait takes one request of key's from its bucket and returns 0, or, when
// the bucket is empty, how long key must wait before its next request
// (taking nothing).
func (cr *ClientRate) Wait(key string, now time.Time) time.Duration {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	cr.calls++
	if cr.calls%10_000 == 0 {
		for k, e := range cr.m {
			if now.Sub(e.seen) > 10*time.Minute {
				delete(cr.m, k)
			}
		}
	}
	e := cr.m[key]
	if e == nil {
		e = &rateEntry{l: rate.NewLimiter(cr.rate, cr.burst)}
		cr.m[key] = e
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

// PerSecond is the rate: requests per second on average.
func (cr *ClientRate) PerSecond() float64 { return float64(cr.rate) }

// Allow takes one request of ctx's client from its bucket; when the bucket
// is empty it sets Retry-After and returns ERATELIMIT (429). A nil
// ClientRate allows everything.
func (cr *ClientRate) Allow(w http.ResponseWriter, ctx context.Context) error {
	if cr == nil {
		return nil
	}
	key := app.ClientKey(ctx)
	d := cr.Wait(key, time.Now())
	if d == 0 {
		return nil
	}
	secs := max(1, int(math.Ceil(d.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return models.Errorf(models.ERATELIMIT, "this client (%s) started more than %d %ss in a row (%g a second on average); retry after %d s", key, cr.burst, cr.what, float64(cr.rate), secs)
}
