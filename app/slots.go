package app

import (
	"context"
	"math"
	"runtime"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"

	"doingoai/models"
)

// Slots bound how many costly pieces of work (an export's file, an
// import's reading of a document) run at once, and share them fairly: one
// client — a token, or a person signed in to the pages — holds at most its
// share of them (half, rounded up; all of one slot). A client's work beyond
// its share waits on that client's own queue, never in the common one, so
// a client running many at once slows itself, not the others: another
// client's request waits at most for the work already running.
type Slots struct {
	sem   *semaphore.Weighted
	share int64
	wait  time.Duration
	what  string // "export" or "import", for the message

	mu      sync.Mutex
	clients map[string]*clientSlots
}

// clientSlots is one client's share, and how many requests use it.
type clientSlots struct {
	sem   *semaphore.Weighted
	users int
}

// NewSlots returns n slots for work of the kind what ("export",
// "import"); a request waits at most wait for one.
func NewSlots(what string, n int, wait time.Duration) *Slots {
	n = max(1, n)
	return &Slots{sem: semaphore.NewWeighted(int64(n)), share: int64((n + 1) / 2), wait: wait, what: what,
		clients: map[string]*clientSlots{}}
}

// ClientKey names the client of a request for its share of slots and its
// rate: its token, or the person signed in to the pages.
func ClientKey(ctx context.Context) string {
	p, _ := models.PrincipalFrom(ctx)
	if p.TokenID != 0 {
		return "token " + strconv.FormatInt(p.TokenID, 10)
	}
	return "person " + p.Name // "Name (login)": the login is unique
}

// Acquire waits for a free slot within the client's share, at most the
// slots' wait, and returns what gives it back. When none frees in time it
// returns EUNAVAILABLE, saying whether the client's own share or the whole
// server was busy; when ctx ends first, ctx's error.
func (s *Slots) Acquire(ctx context.Context) (release func(), err error) {
	key := ClientKey(ctx)
	c := s.join(key)
	wctx, cancel := context.WithTimeout(ctx, s.wait)
	defer cancel()
	if err := c.sem.Acquire(wctx, 1); err != nil {
		s.leave(key)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, models.Errorf(models.EUNAVAILABLE, "this client (%s) already has %d %ss running, its share of the server's; retry when one is done", key, s.share, s.what)
	}
	if err := s.sem.Acquire(wctx, 1); err != nil {
		c.sem.Release(1)
		s.leave(key)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, models.Errorf(models.EUNAVAILABLE, "every %s slot of the server is busy; retry in a few seconds", s.what)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			s.sem.Release(1)
			c.sem.Release(1)
			s.leave(key)
		})
	}, nil
}

func (s *Slots) join(key string) *clientSlots {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.clients[key]
	if c == nil {
		c = &clientSlots{sem: semaphore.NewWeighted(s.share)}
		s.clients[key] = c
	}
	c.users++
	return c
}

func (s *Slots) leave(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.clients[key]; c != nil {
		if c.users--; c.users == 0 {
			delete(s.clients, key)
		}
	}
}

// ExportSlots are the export slots of this process (one per CPU, a wait
// of 10 s), shared by GET /rollups?format=csv|xlsx, GET /consolidated and
// the pages' downloads: all go through Exports. Each file is built in
// memory, and many at once would pass the memory limit and slow every
// other request; one client holds at most half of them (Slots).
var ExportSlots = NewSlots("export", runtime.GOMAXPROCS(0), 10*time.Second)

// BusyRetryAfter is the Retry-After, in seconds, that the edges give work
// refused because every slot (or the client's share) is busy.
const BusyRetryAfter = "5"

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
// is empty it returns ERATELIMIT and the seconds to wait (the edges say
// them as Retry-After). A nil ClientRate allows everything.
func (cr *ClientRate) Allow(ctx context.Context) (retryAfter int, err error) {
	if cr == nil {
		return 0, nil
	}
	key := ClientKey(ctx)
	d := cr.Wait(key, time.Now())
	if d == 0 {
		return 0, nil
	}
	secs := max(1, int(math.Ceil(d.Seconds())))
	return secs, models.Errorf(models.ERATELIMIT, "this client (%s) started more than %d %ss in a row (%g a second on average); retry after %d s", key, cr.burst, cr.what, float64(cr.rate), secs)
}
