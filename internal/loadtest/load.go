package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"doingoai/demo"
)

// Client is an HTTP client for many concurrent requests to one server.
func Client(conns int) *http.Client {
	return &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
			IdleConnTimeout: time.Minute, DisableCompression: true,
		},
	}
}

func readAll(res *http.Response) ([]byte, error) { return io.ReadAll(res.Body) }

// Commune is the code of a commune and a number that makes its figures its
// own.
type Commune struct {
	Code string
	Seed uint64
}

// Body is the Bộc Nhiêu report rewritten as commune c's report for period,
// round r: its own households, population, poverty, delegations and aid,
// with consistent rates, and r in a narrative so that each round differs.
func Body(c Commune, period string, round int) []byte {
	var m map[string]any
	if err := json.Unmarshal(demo.BocNhieu2024, &m); err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(c.Seed, uint64(len(period))*131+uint64(period[len(period)-1])))
	hh := 400 + rng.IntN(4000)
	pop := hh*3 + rng.IntN(hh*2)
	poor := rng.IntN(hh/8 + 1)
	near := rng.IntN(hh/10 + 1)
	pct := func(n int) json.Number { return json.Number(fmt.Sprintf("%.2f", float64(n)*100/float64(hh))) }
	m["unit_code"], m["period"] = c.Code, period
	doc := m["document"].(map[string]any)
	doc["number"] = fmt.Sprintf("%d/BC-UBND", 1+rng.IntN(200))
	doc["issued_on"] = fmt.Sprintf("%s-11-%02d", period[:4], 1+rng.IntN(28))
	p := m["profile"].(map[string]any)
	p["households"], p["population"], p["poor_households"], p["near_poor_households"] = hh, pop, poor, near
	p["poor_households_rate_pct"], p["near_poor_households_rate_pct"] = pct(poor), pct(near)
	p["income_per_capita_vnd"] = 30_000_000 + rng.IntN(60)*1_000_000
	p["party_members"] = rng.IntN(pop / 10)
	d := m["delegations"].(map[string]any)
	d["inbound_domestic"].(map[string]any)["count"] = rng.IntN(10)
	d["inbound_foreign"].(map[string]any)["count"] = rng.IntN(3)
	d["narrative"] = fmt.Sprintf("Đoàn vào trong năm %s; lần gửi %d.", period, round)
	if rng.IntN(4) == 0 {
		m["ngo_aid"].(map[string]any)["projects"] = []any{map[string]any{"name": "Nhà văn hóa xóm", "donor": "World Vision",
			"committed_vnd": 500_000_000 + rng.IntN(1000)*1_000_000, "disbursed_vnd": rng.IntN(500) * 1_000_000}}
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

// Job is one submission to make.
type Job struct {
	Commune Commune
	Period  string
	Round   int
	Body    []byte
}

// Ack is an acknowledged submission: the server answered 201 or 200 with
// this revision.
type Ack struct {
	Job      Job
	Revision int
	Status   int
}

// Result sums up a run.
type Result struct {
	Sent, OK, Errors int64
	Retries          int64
	Elapsed          time.Duration
	Latencies        []time.Duration // of successful requests
	Acks             []Ack
	FirstErrors      []string
}

// Percentile returns the p-th percentile (0–100) of the latencies.
func (r *Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.Latencies)
	slices.Sort(s)
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

// Rate is successful submissions per second.
func (r *Result) Rate() float64 { return float64(r.OK) / r.Elapsed.Seconds() }

// Submit sends jobs from clients concurrent workers. Jobs of one commune
// and period are sent in order by one worker (a commune's amendments follow
// each other). With retry, a request that fails for want of a server
// (connection refused or reset, 5xx) is sent again until it is answered,
// so that a server killed and restarted loses no submission; otherwise a
// failure is counted as an error.
func Submit(ctx context.Context, c *http.Client, base func() string, token string, jobs [][]Job, clients int, retry bool) *Result {
	res := &Result{}
	submit(ctx, res, c, base, token, jobs, clients, retry)
	return res
}

// submit is Submit into res, whose OK count others may watch (atomically)
// while it runs.
func submit(ctx context.Context, res *Result, c *http.Client, base func() string, token string, jobs [][]Job, clients int, retry bool) {
	var mu sync.Mutex
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var acks []Ack
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) || ctx.Err() != nil {
					break
				}
				for _, job := range jobs[i] {
					for attempt := 0; ; attempt++ {
						t0 := time.Now()
						status, body, err := post(ctx, c, base()+"/api/v1/reports", token, job.Body)
						atomic.AddInt64(&res.Sent, 1)
						if err == nil && (status == 201 || status == 200) {
							lat = append(lat, time.Since(t0))
							var out struct{ Revision int }
							json.Unmarshal(body, &out)
							acks = append(acks, Ack{Job: Job{Commune: job.Commune, Period: job.Period, Round: job.Round}, Revision: out.Revision, Status: status})
							atomic.AddInt64(&res.OK, 1)
							break
						}
						transient := err != nil || status >= 500
						if retry && transient && ctx.Err() == nil {
							atomic.AddInt64(&res.Retries, 1)
							time.Sleep(time.Duration(10+attempt*10) * time.Millisecond)
							continue
						}
						atomic.AddInt64(&res.Errors, 1)
						mu.Lock()
						if len(res.FirstErrors) < 5 {
							res.FirstErrors = append(res.FirstErrors, fmt.Sprintf("%s %s: %d %v %.300s", job.Commune.Code, job.Period, status, err, body))
						}
						mu.Unlock()
						break
					}
				}
			}
			mu.Lock()
			res.Latencies = append(res.Latencies, lat...)
			res.Acks = append(res.Acks, acks...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
}

func post(ctx context.Context, c *http.Client, url, token string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

// Verify checks every acknowledged submission against the server: the
// revision it was acknowledged with exists and holds that submission's
// round, and each report has exactly as many revisions as rounds were
// sent (a retry of a submission that had been committed before the crash
// is recognised as identical, not stored twice).
func Verify(ctx context.Context, c *http.Client, base, token string, acks []Ack, rounds int) error {
	type key struct{ code, period string }
	byReport := map[key][]Ack{}
	for _, a := range acks {
		k := key{a.Job.Commune.Code, a.Job.Period}
		byReport[k] = append(byReport[k], a)
	}
	var problems []string
	for k, list := range byReport {
		status, body, err := Get(ctx, c, base, token, "/api/v1/reports/"+k.code+"/"+k.period+"/revisions")
		if err != nil || status != 200 {
			problems = append(problems, fmt.Sprintf("%s %s: revisions %d %v", k.code, k.period, status, err))
			continue
		}
		var revs struct{ Items []struct{ Revision int } }
		json.Unmarshal(body, &revs)
		if len(revs.Items) != rounds {
			problems = append(problems, fmt.Sprintf("%s %s: %d revisions, want %d", k.code, k.period, len(revs.Items), rounds))
		}
		for _, a := range list {
			status, body, err := Get(ctx, c, base, token, fmt.Sprintf("/api/v1/reports/%s/%s/revisions/%d", k.code, k.period, a.Revision))
			want := fmt.Sprintf("lần gửi %d.", a.Job.Round)
			if err != nil || status != 200 || !bytes.Contains(body, []byte(want)) {
				problems = append(problems, fmt.Sprintf("%s %s: acknowledged revision %d (round %d) is %d %v", k.code, k.period, a.Revision, a.Job.Round, status, err))
			}
		}
		if len(problems) > 20 {
			break
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problems: %v", len(problems), problems[:min(5, len(problems))])
	}
	return nil
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
