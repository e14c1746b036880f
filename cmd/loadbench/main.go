// Command loadbench measures doingoai at national scale, end to end: it
// builds the server, imports the whole country's units (10,472 communes),
// starts `doingoai serve` on a fresh database, and submits seed-sized
// reports over HTTP from concurrent clients — the national year, then the
// history of ten periods — then measures rollups, and reports throughput,
// latency, errors and the server's peak memory. In the same run it writes
// the same rows straight to the database with no HTTP, one transaction per
// report and in batches, as a ceiling to compare with; before and after the
// service's periods it submits the national year to the HTTP ceiling
// (api.Ceiling: the same HTTP stack and report decoding, no database, in a
// process of its own) and prints the service's rate as a fraction of it,
// and for each period the single writer's time per report by step of its
// batch transaction (from /metrics). With -crash N it
// instead kills the server N times while clients submit and checks that
// every acknowledged submission survived.
//
//	go run ./cmd/loadbench                          # SQLite
//	go run ./cmd/loadbench -db postgres://postgres@127.0.0.1:5432/test   # PostgreSQL (a fresh schema)
//	go run ./cmd/loadbench -crash 20                # crash safety
//	go run ./cmd/loadbench -keep -db postgres://…   # keep the schema measured, to EXPLAIN its queries
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"doingoai/api"
	"doingoai/internal/loadtest"
	"doingoai/models"
	"doingoai/store"
)

func main() {
	dbFlag := flag.String("db", "", "database: empty for a fresh SQLite file, or postgres://… (a fresh schema is made in it)")
	clients := flag.Int("clients", 64, "concurrent HTTP clients")
	periods := flag.Int("periods", 10, "periods of reports (the national year, then earlier years)")
	crash := flag.Int("crash", 0, "kill the server this many times while submitting, then verify (crash mode)")
	rounds := flag.Int("rounds", 3, "crash mode: versions of each report sent one after the other")
	units := flag.String("units", "testdata/units-vn-2024-11-01.csv", "units file")
	out := flag.String("out", "bench-out", "folder for the JSON figures")
	flag.Var(envFlag{}, "env", "NAME=VALUE in the server's environment (repeatable), e.g. -env SQLITE_SYNCHRONOUS=NORMAL")
	flag.BoolVar(&keep, "keep", false, "keep the database measured (the SQLite file, or the PostgreSQL schema) and print where it is, to study it afterwards")
	flag.StringVar(&cpuProfile, "cpuprofile", "", "write the server's CPU profile of the national year to this file (and the load generator's to FILE.client)")
	serveCeiling := flag.String("serve-ceiling", "", "internal: serve the HTTP ceiling (no database) on this address until stopped")
	flag.Parse()
	if *serveCeiling != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := api.Serve(ctx, *serveCeiling, api.Ceiling(), 5*time.Second, slog.New(slog.DiscardHandler)); err != nil {
			fmt.Fprintln(os.Stderr, "loadbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dbFlag, *clients, *periods, *crash, *rounds, *units, *out); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

type figures struct {
	Date        string             `json:"date"`
	Machine     string             `json:"machine"`
	Database    string             `json:"database"`
	Clients     int                `json:"clients"`
	UnitsImport float64            `json:"units_import_s"`
	Phases      []phase            `json:"phases"`
	Rollups     map[string]latency `json:"rollups_ms,omitempty"`
	PeakRSSMB   float64            `json:"server_peak_rss_mb"`
	Ceiling     map[string]float64 `json:"ceiling_reports_per_s,omitempty"`
	// HTTPCeiling is the no-database server's rate on the national year,
	// measured before and after the service's periods in the same run.
	HTTPCeiling []float64     `json:"http_ceiling_reports_per_s,omitempty"`
	Crash       *crashFigures `json:"crash,omitempty"`
}

type phase struct {
	Name    string  `json:"name"`
	Reports int64   `json:"reports"`
	Seconds float64 `json:"seconds"`
	Rate    float64 `json:"reports_per_s"`
	P50     float64 `json:"p50_ms"`
	P99     float64 `json:"p99_ms"`
	Errors  int64   `json:"errors"`

	ServerCPU  float64 `json:"server_cpu_cores,omitempty"`     // CPU the server used, in cores
	MeanBatch  float64 `json:"submissions_per_txn,omitempty"`  // group commit's mean batch
	WriterBusy float64 `json:"writer_busy_fraction,omitempty"` // of the phase's time, in the writer's transactions
	// WriterSteps is the writer's time per report, in microseconds, by
	// step of the batch transaction (metrics.BatchStep).
	WriterSteps map[string]float64 `json:"writer_us_per_report_by_step,omitempty"`
	// OfCeiling is Rate over the mean HTTP ceiling of the same run.
	OfCeiling float64 `json:"of_http_ceiling,omitempty"`
}

// scrape reads the server's Prometheus metrics: name (with labels, if
// any) → value.
func scrape(base string) map[string]float64 {
	out := map[string]float64{}
	res, err := http.Get(base + "/metrics")
	if err != nil {
		return out
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			var v float64
			if _, err := fmt.Sscan(line[i+1:], &v); err == nil {
				out[line[:i]] = v
			}
		}
	}
	return out
}

type latency struct {
	P50 float64 `json:"p50"`
	P99 float64 `json:"p99"`
}

type crashFigures struct {
	Kills       int     `json:"kills"`
	Submissions int64   `json:"acknowledged"`
	Retries     int64   `json:"retries"`
	Seconds     float64 `json:"seconds"`
	Verified    bool    `json:"verified"`
	Integrity   string  `json:"integrity_check"`
}

var (
	cpuProfile string
	serverEnv  []string // more environment for the server (-env NAME=VALUE)
)

type envFlag struct{}

func (envFlag) String() string { return strings.Join(serverEnv, " ") }
func (envFlag) Set(v string) error {
	serverEnv = append(serverEnv, v)
	return nil
}

// profile records the server's CPU profile (through PPROF_ADDR) and the
// load generator's for d.
func profile(pprofAddr string, d time.Duration) {
	go func() {
		res, err := http.Get(fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", pprofAddr, int(d.Seconds())))
		if err != nil {
			fmt.Println("profile:", err)
			return
		}
		defer res.Body.Close()
		f, _ := os.Create(cpuProfile)
		io.Copy(f, res.Body)
		f.Close()
	}()
	f, _ := os.Create(cpuProfile + ".client")
	pprof.StartCPUProfile(f)
	time.AfterFunc(d, func() { pprof.StopCPUProfile(); f.Close() })
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// keep, when set, leaves the database measured in place (-keep).
var keep bool

func run(dbFlag string, clients, nPeriods, crash, rounds int, unitsFile, outDir string) error {
	ctx := context.Background()
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fmt.Errorf("run loadbench from the repository's root (go run ./cmd/loadbench)")
	}
	tmp, err := os.MkdirTemp("", "doingoai-loadbench")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(tmp)
	}
	fmt.Println("building the server …")
	bin, err := loadtest.Build(root, tmp)
	if err != nil {
		return err
	}
	db, dbName, cleanup, err := freshDB(ctx, dbFlag, filepath.Join(tmp, "bench.db"))
	if err != nil {
		return err
	}
	if keep {
		defer fmt.Println("the database is kept:", db)
	} else {
		defer cleanup()
	}
	f := figures{Date: time.Now().Format(time.DateOnly), Machine: machine(), Database: dbName, Clients: clients}

	t0 := time.Now()
	if _, err := loadtest.Run(bin, db, nil, "units", "import", unitsFile); err != nil {
		return err
	}
	f.UnitsImport = time.Since(t0).Seconds()
	fmt.Printf("units imported in %.1f s\n", f.UnitsImport)
	tokenOut, err := loadtest.Run(bin, db, nil, "token", "create", "--role", "admin", "--name", "loadbench")
	if err != nil {
		return err
	}
	token := strings.TrimSpace(tokenOut)
	addr, err := loadtest.FreeAddr()
	if err != nil {
		return err
	}
	srv := &loadtest.Server{Bin: bin, DB: db, Addr: addr, Env: serverEnv}
	pprofAddr, _ := loadtest.FreeAddr()
	if cpuProfile != "" {
		srv.Env = append(srv.Env, "PPROF_ADDR="+pprofAddr)
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Stop()
	base := "http://" + addr
	client := loadtest.Client(clients)
	communes, err := loadtest.Communes(ctx, base, token)
	if err != nil {
		return err
	}
	fmt.Printf("%d communes; %d clients; %s\n", len(communes), clients, dbName)

	if crash > 0 {
		cf, err := crashRun(ctx, srv, token, communes, clients, crash, rounds)
		f.Crash = cf
		if err != nil {
			return err
		}
		return write(outDir, "crash", f)
	}

	ceilingJobs := make([][]loadtest.Job, len(communes))
	for j, c := range communes {
		ceilingJobs[j] = []loadtest.Job{{Commune: c, Period: "2024", Round: 1, Body: loadtest.Body(c, "2024", 1)}}
	}
	httpCeiling := func() error {
		r, err := measureHTTPCeiling(ctx, token, ceilingJobs, clients)
		if err != nil {
			return err
		}
		f.HTTPCeiling = append(f.HTTPCeiling, r.Rate())
		fmt.Printf("%-22s %6d reports in %5.2f s = %6.0f reports/s; p50 %5.1f ms, p99 %5.1f ms; errors %d\n", "HTTP ceiling (no db)", r.OK, r.Elapsed.Seconds(), r.Rate(), ms(r.Percentile(50)), ms(r.Percentile(99)), r.Errors)
		if r.Errors > 0 {
			return fmt.Errorf("the HTTP ceiling server answered errors: %v", r.FirstErrors)
		}
		return nil
	}
	if err := httpCeiling(); err != nil {
		return err
	}

	periods := []string{"2024"}
	for y := 2024 - nPeriods + 1; y < 2024; y++ {
		periods = append(periods, fmt.Sprint(y))
	}
	for i, period := range periods {
		jobs := make([][]loadtest.Job, len(communes))
		for j, c := range communes {
			jobs[j] = []loadtest.Job{{Commune: c, Period: period, Round: 1, Body: loadtest.Body(c, period, 1)}}
		}
		if i == 0 && cpuProfile != "" {
			profile(pprofAddr, 3*time.Second)
		}
		m0 := scrape(base)
		res := loadtest.Submit(ctx, client, func() string { return base }, token, jobs, clients, false)
		m1 := scrape(base)
		name := "period " + period
		if i == 0 {
			name = "national year " + period
		}
		p := phase{Name: name, Reports: res.OK, Seconds: res.Elapsed.Seconds(), Rate: res.Rate(), P50: ms(res.Percentile(50)), P99: ms(res.Percentile(99)), Errors: res.Errors}
		f.Phases = append(f.Phases, p)
		fmt.Printf("%-22s %6d reports in %5.2f s = %6.0f reports/s; p50 %5.1f ms, p99 %5.1f ms; errors %d\n", p.Name, p.Reports, p.Seconds, p.Rate, p.P50, p.P99, p.Errors)
		d := func(k string) float64 { return m1[k] - m0[k] }
		p.ServerCPU = d("process_cpu_seconds_total") / p.Seconds
		if n := d("doingoai_submission_batch_size_count"); n > 0 {
			p.MeanBatch = d("doingoai_submission_batch_size_sum") / n
			p.WriterBusy = d("doingoai_submission_batch_seconds_sum") / p.Seconds
		}
		p.WriterSteps = map[string]float64{}
		for k := range m1 {
			if step, ok := strings.CutPrefix(k, `doingoai_submission_batch_step_seconds_total{step="`); ok && p.Reports > 0 {
				p.WriterSteps[strings.TrimSuffix(step, `"}`)] = 1e6 * d(k) / float64(p.Reports)
			}
		}
		f.Phases[len(f.Phases)-1] = p
		fmt.Printf("%-22s server CPU %.2f cores; %.1f submissions per transaction; the writer busy %.0f%% of the time\n", "", p.ServerCPU, p.MeanBatch, 100*p.WriterBusy)
		fmt.Printf("%-22s the writer per report: %s\n", "", stepLine(p.WriterSteps))
		for _, e := range res.FirstErrors {
			fmt.Println("   ", e)
		}
	}
	if err := httpCeiling(); err != nil {
		return err
	}
	var ceil float64
	for _, c := range f.HTTPCeiling {
		ceil += c / float64(len(f.HTTPCeiling))
	}
	for i := range f.Phases {
		f.Phases[i].OfCeiling = f.Phases[i].Rate / ceil
	}
	var total phase
	for _, p := range f.Phases {
		total.Reports += p.Reports
		total.Seconds += p.Seconds
		total.Errors += p.Errors
	}
	total.Name, total.Rate = fmt.Sprintf("all %d periods", len(periods)), float64(total.Reports)/total.Seconds
	total.OfCeiling = total.Rate / ceil
	f.Phases = append(f.Phases, total)
	fmt.Printf("%-22s %6d reports in %5.1f s = %6.0f reports/s; errors %d\n", total.Name, total.Reports, total.Seconds, total.Rate, total.Errors)
	fmt.Printf("%-22s %6.0f reports/s (mean of %.0f before and %.0f after); the service: national year %.2f of it, all periods %.2f\n", "HTTP ceiling", ceil, f.HTTPCeiling[0], f.HTTPCeiling[1], f.Phases[0].OfCeiling, total.OfCeiling)

	f.Rollups = map[string]latency{}
	series := strings.Join(reverse(periods), ",")
	for _, q := range []struct{ name, path string }{
		{"national", "/api/v1/rollups?unit=VN&period=2024"},
		{"district", "/api/v1/rollups?unit=167&period=2024"},
		{"national series", "/api/v1/rollups?unit=VN&periods=" + series},
		{"province completeness", "/api/v1/completeness?unit=19&period=2024"},
	} {
		var lat []time.Duration
		for i := 0; i < 200; i++ {
			t := time.Now()
			status, body, err := loadtest.Get(ctx, client, base, token, q.path)
			if err != nil || status != 200 {
				return fmt.Errorf("%s: %d %v %.200s", q.path, status, err, body)
			}
			lat = append(lat, time.Since(t))
		}
		r := loadtest.Result{Latencies: lat}
		f.Rollups[q.name] = latency{P50: ms(r.Percentile(50)), P99: ms(r.Percentile(99))}
		fmt.Printf("%-22s p50 %5.2f ms, p99 %5.2f ms (over HTTP)\n", q.name, ms(r.Percentile(50)), ms(r.Percentile(99)))
	}
	f.PeakRSSMB = float64(srv.PeakRSS()) / (1 << 20)
	fmt.Printf("server peak RSS        %.0f MB\n", f.PeakRSSMB)
	if err := srv.Stop(); err != nil {
		return err
	}

	fmt.Println("ceiling: the same rows written straight to the database, no HTTP …")
	f.Ceiling, err = ceiling(ctx, dbFlag, filepath.Join(tmp, "ceiling.db"), unitsFile, communes)
	if err != nil {
		return err
	}
	for _, k := range []string{"one transaction per report", "256 reports per transaction"} {
		fmt.Printf("ceiling, %-27s %6.0f reports/s; the service's national year: %.2f of it\n", k, f.Ceiling[k], f.Phases[0].Rate/f.Ceiling[k])
	}
	return write(outDir, "load", f)
}

// stepLine prints the writer's time per report by step, largest first.
func stepLine(steps map[string]float64) string {
	var names []string
	var sum float64
	for k, v := range steps {
		names = append(names, k)
		sum += v
	}
	sort.Slice(names, func(i, j int) bool { return steps[names[i]] > steps[names[j]] })
	var parts []string
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%s %.0f µs", k, steps[k]))
	}
	return fmt.Sprintf("%.0f µs = %s", sum, strings.Join(parts, ", "))
}

// measureHTTPCeiling starts this program as the HTTP ceiling server
// (api.Ceiling: the service's HTTP stack and report decoding, no database)
// in a process of its own, as the service runs, and submits jobs to it as
// the service's phases are submitted.
func measureHTTPCeiling(ctx context.Context, token string, jobs [][]loadtest.Job, clients int) (*loadtest.Result, error) {
	addr, err := loadtest.FreeAddr()
	if err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-serve-ceiling", addr)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	base := "http://" + addr
	client := loadtest.Client(clients)
	for deadline := time.Now().Add(10 * time.Second); ; {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/", nil)
		if res, err := client.Do(req); err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the HTTP ceiling server did not start on %s", addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return loadtest.Submit(ctx, client, func() string { return base }, token, jobs, clients, false), nil
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func machine() string {
	return fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
}

func write(dir, name string, f figures) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(f, "", "  ")
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.json", name, strings.Split(f.Database, " ")[0], f.Date))
	fmt.Println("figures written to", path)
	return os.WriteFile(path, b, 0o644)
}

// freshDB returns an empty database: a SQLite file, or a new schema on the
// PostgreSQL server named, dropped by cleanup.
func freshDB(ctx context.Context, dbFlag, sqlitePath string) (string, string, func(), error) {
	if !strings.HasPrefix(dbFlag, "postgres") {
		return sqlitePath, "SQLite (synchronous=FULL)", func() {}, nil
	}
	admin, err := sql.Open("pgx", dbFlag)
	if err != nil {
		return "", "", nil, err
	}
	schema := fmt.Sprintf("loadbench_%d", rand.Uint32())
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", "", nil, err
	}
	u, _ := url.Parse(dbFlag)
	q := u.Query()
	q.Set("search_path", schema)
	if q.Get("sslmode") == "" {
		q.Set("sslmode", "disable")
	}
	u.RawQuery = q.Encode()
	var version string
	admin.QueryRowContext(ctx, "SHOW server_version").Scan(&version)
	return u.String(), "PostgreSQL " + version, func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	}, nil
}

// ceiling writes the rows the service writes for a report — the report's
// row, its revision with the whole body, an audit entry — straight to a
// fresh database with no HTTP, no JSON decoding and no validation: once one
// transaction per report, once 256 reports per transaction.
func ceiling(ctx context.Context, dbFlag, sqlitePath, unitsFile string, communes []loadtest.Commune) (map[string]float64, error) {
	out := map[string]float64{}
	for _, batch := range []int{1, 256} {
		db, _, cleanup, err := freshDB(ctx, dbFlag, fmt.Sprintf("%s.%d", sqlitePath, batch))
		if err != nil {
			return nil, err
		}
		s, err := store.Open(ctx, db, store.Options{})
		if err != nil {
			cleanup()
			return nil, err
		}
		if _, err := s.Migrate(ctx); err != nil {
			return nil, err
		}
		uf, err := os.Open(unitsFile)
		if err != nil {
			return nil, err
		}
		rows, err := models.ParseUnitsCSV(uf)
		uf.Close()
		if err != nil {
			return nil, err
		}
		if _, err := s.ImportUnits(ctx, models.CommandLine, rows); err != nil {
			return nil, err
		}
		t, _ := s.Tree(ctx)
		s.Close()
		driver, dsn := "sqlite3", store.SQLiteDSN(db, false, "FULL")
		if strings.HasPrefix(db, "postgres") {
			driver, dsn = "pgx", db
		}
		raw, err := sql.Open(driver, dsn)
		if err != nil {
			return nil, err
		}
		raw.SetMaxOpenConns(1)
		if driver == "pgx" {
			// The server gives audit ids itself (the last plus one), not from
			// the sequence; these raw inserts take the sequence's, so bring it
			// past the entries the units import wrote.
			if _, err := raw.ExecContext(ctx, "SELECT setval(pg_get_serial_sequence('audit_events', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM audit_events), false)"); err != nil {
				return nil, err
			}
		}
		bodies := make([][]byte, len(communes))
		ids := make([]int64, len(communes))
		for i, c := range communes {
			bodies[i] = loadtest.Body(c, "2024", 1)
			ids[i] = t.ByCode(c.Code).ID
		}
		ph := func(n int) string { // $1, $2 … for PostgreSQL, ? for SQLite
			if driver == "sqlite3" {
				return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
			}
			var p []string
			for i := 1; i <= n; i++ {
				p = append(p, fmt.Sprintf("$%d", i))
			}
			return strings.Join(p, ", ")
		}
		start := time.Now()
		for i := 0; i < len(communes); i += batch {
			tx, err := raw.BeginTx(ctx, nil)
			if err != nil {
				return nil, err
			}
			for j := i; j < min(i+batch, len(communes)); j++ {
				now := time.Now().UnixMicro()
				var id int64
				err := tx.QueryRowContext(ctx, "INSERT INTO reports (unit_id, period, revision, status, content_hash, version, submitted_at, first_submitted_at, warnings) VALUES ("+ph(9)+") RETURNING id",
					ids[j], "2024", 1, "submitted", []byte("01234567890123456789012345678901"), 1, now, now, "[]").Scan(&id)
				if err == nil {
					_, err = tx.ExecContext(ctx, "INSERT INTO revisions (report_id, revision, status, body, content_hash, warnings, submitted_at, token_id, submitted_by, role) VALUES ("+ph(10)+")",
						id, 1, "submitted", string(bodies[j]), []byte("01234567890123456789012345678901"), "[]", now, 1, "loadbench", "admin")
				}
				if err == nil {
					_, err = tx.ExecContext(ctx, "INSERT INTO audit_events (at, token_id, actor, role, action, unit_id, unit_code, period, revision, detail) VALUES ("+ph(10)+")",
						now, 1, "loadbench", "admin", "report.submit", ids[j], communes[j].Code, "2024", 1, `{"status":{"from":"","to":"submitted"}}`)
				}
				if err != nil {
					tx.Rollback()
					return nil, err
				}
			}
			if err := tx.Commit(); err != nil {
				return nil, err
			}
		}
		elapsed := time.Since(start)
		raw.Close()
		cleanup()
		name := "one transaction per report"
		if batch > 1 {
			name = fmt.Sprintf("%d reports per transaction", batch)
		}
		out[name] = float64(len(communes)) / elapsed.Seconds()
	}
	return out, nil
}

// crashRun is loadtest.Crash on the national list, with its figures.
func crashRun(ctx context.Context, srv *loadtest.Server, token string, communes []loadtest.Commune, clients, kills, rounds int) (*crashFigures, error) {
	cr, err := loadtest.Crash(ctx, srv, token, communes, "2024", rounds, clients, kills, func(f string, a ...any) { fmt.Printf(f+"\n", a...) })
	cf := &crashFigures{Kills: cr.Kills, Submissions: cr.OK, Retries: cr.Retries, Seconds: cr.Elapsed.Seconds(), Integrity: cr.Integrity}
	if err != nil {
		return cf, err
	}
	cf.Verified = true
	fmt.Printf("verified: every acknowledged submission is there with its revision; integrity_check %s; totals agree with the reports\n", cf.Integrity)
	return cf, nil
}
