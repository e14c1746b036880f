package loadtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"doingoai/store"
)

// CrashResult is what a crash run did and found.
type CrashResult struct {
	*Result
	Kills     int
	Integrity string // PRAGMA integrity_check's answer, or "not SQLite"
}

// Crash sends rounds versions of every commune's report for period from
// clients concurrent workers while it SIGKILLs the server kills times and
// restarts it. The kills fall at random points spread over the run (after
// a random share of the submissions has been acknowledged, one kill in each
// of kills equal slices), so that each hits submissions in flight however
// fast the machine is. Clients retry a submission the dead server did not
// answer, as a commune's system would. Then Crash stops the server and
// checks what must hold after any crash: the SQLite file passes PRAGMA
// integrity_check, the maintained totals agree with the reports, and
// every acknowledged submission is there with the revision it was
// acknowledged with (Verify).
func Crash(ctx context.Context, srv *Server, token string, communes []Commune, period string, rounds, clients, kills int, logf func(string, ...any)) (*CrashResult, error) {
	base := "http://" + srv.Addr
	c := Client(clients)
	jobs := make([][]Job, len(communes))
	for j, cm := range communes {
		for r := 1; r <= rounds; r++ {
			jobs[j] = append(jobs[j], Job{Commune: cm, Period: period, Round: r, Body: Body(cm, period, r)})
		}
	}
	total := int64(len(communes) * rounds)
	cr := &CrashResult{Result: &Result{}}
	done := make(chan struct{})
	killed := make(chan error, 1)
	go func() {
		for k := 0; k < kills; k++ {
			// a point in the k-th of kills equal slices of the run
			at := (int64(k)*total + rand.Int64N(total)) / int64(kills+1)
			for atomic.LoadInt64(&cr.OK) < at {
				select {
				case <-done:
					killed <- fmt.Errorf("the submissions ended after %d kills of %d", k, kills)
					return
				case <-time.After(time.Millisecond):
				}
			}
			srv.Kill()
			cr.Kills++
			logf("kill %d after %d acknowledged submissions", k+1, atomic.LoadInt64(&cr.OK))
			if err := srv.Start(); err != nil {
				killed <- err
				return
			}
		}
		killed <- nil
	}()
	submit(ctx, cr.Result, c, func() string { return base }, token, jobs, clients, true)
	close(done)
	if err := <-killed; err != nil {
		return cr, err
	}
	if cr.Errors > 0 {
		return cr, fmt.Errorf("%d submissions failed for good: %v", cr.Errors, cr.FirstErrors)
	}
	logf("%d submissions acknowledged through %d kills (%d retries) in %.1f s", cr.OK, cr.Kills, cr.Retries, cr.Elapsed.Seconds())
	if err := srv.Stop(); err != nil {
		return cr, err
	}
	cr.Integrity = "not SQLite"
	if !strings.HasPrefix(srv.DB, "postgres") {
		if err := store.CheckIntegrity(ctx, srv.DB); err != nil {
			cr.Integrity = err.Error()
			return cr, err
		}
		cr.Integrity = "ok"
	}
	s, err := store.Open(ctx, srv.DB, store.Options{})
	if err != nil {
		return cr, err
	}
	err = s.CheckTotals(ctx)
	s.Close()
	if err != nil {
		return cr, fmt.Errorf("after the crashes: %w", err)
	}
	if err := srv.Start(); err != nil {
		return cr, err
	}
	return cr, Verify(ctx, c, base, token, cr.Acks, rounds)
}

// Communes lists the commune-level units the server knows, each with a
// seed of its own for Body.
func Communes(ctx context.Context, base, token string) ([]Commune, error) {
	c := Client(1)
	var out []Commune
	for page := 1; ; page++ {
		status, body, err := Get(ctx, c, base, token, fmt.Sprintf("/api/v1/units?kind=commune,ward,town,special_zone&per_page=1000&page=%d", page))
		if err != nil || status != http.StatusOK {
			return nil, fmt.Errorf("list communes: %d %v", status, err)
		}
		var l struct {
			Items []struct{ Code string }
		}
		if err := jsonUnmarshal(body, &l); err != nil {
			return nil, err
		}
		for _, u := range l.Items {
			out = append(out, Commune{Code: u.Code, Seed: uint64(len(out) + 1)})
		}
		if len(l.Items) < 1000 {
			return out, nil
		}
	}
}
