package app

import (
	"context"
	"runtime"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"

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
