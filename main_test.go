package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/internal/loadtest"
	"doingoai/internal/testenv"
	"doingoai/store"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the command once for all tests of the package.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "doingoai-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "doingoai")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, db string, args ...string) result {
	t.Helper()
	return runEnv(t, nil, db, args...)
}

// runEnv is run with more variables in the command's environment.
func runEnv(t *testing.T, env []string, db string, args ...string) result {
	t.Helper()
	if db != "" {
		args = append(args, "--db", db)
	}
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(append(os.Environ(), "DATABASE_URL=", "LOG_LEVEL=warn"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func TestCommandsHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"serve", "--help"}, {"migrate", "--help"}, {"token", "create", "--help"},
		{"token", "list", "--help"}, {"token", "revoke", "--help"}, {"units", "import", "--help"}, {"backup", "--help"}} {
		r := run(t, "", args...)
		if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "Usage") {
			t.Errorf("%v: exit %d, %q %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, "", "nonsense"); r.code != 2 {
		t.Errorf("unknown command exits %d", r.code)
	}
}

func TestMigrateAndTokens(t *testing.T) {
	db := testenv.NewDB(t).URL
	if r := run(t, db, "migrate"); r.code != 0 || !strings.Contains(r.stdout, "applied migrations") {
		t.Fatalf("migrate: %+v", r)
	}
	if r := run(t, db, "migrate"); r.code != 0 || !strings.Contains(r.stdout, "up to date") {
		t.Fatalf("second migrate: %+v", r)
	}
	if r := run(t, db, "units", "import", "demo/units-dinh-hoa-2024-11-01.csv"); r.code != 0 || !strings.Contains(r.stdout, "33 units added") {
		t.Fatalf("import: %+v", r)
	}
	r := run(t, db, "token", "create", "--role", "commune", "--unit", "05596", "--name", "UBND xã Bộc Nhiêu", "--expires", "90d")
	if r.code != 0 || !regexp.MustCompile(`^dgo_[A-Za-z0-9_-]{43}\n$`).MatchString(r.stdout) {
		t.Fatalf("token create must print the token alone on one line: %+v", r)
	}
	secret := strings.TrimSpace(r.stdout)
	r = run(t, db, "token", "list")
	if r.code != 0 || !regexp.MustCompile(`(?m)^1\s+commune\s+05596\s+UBND xã Bộc Nhiêu`).MatchString(r.stdout) || strings.Contains(r.stdout, secret) {
		t.Fatalf("token list: %+v", r)
	}
	if r := run(t, db, "token", "revoke", "1"); r.code != 0 {
		t.Fatalf("revoke: %+v", r)
	}
	if r := run(t, db, "token", "list"); !strings.Contains(r.stdout, "revoked") {
		t.Errorf("list after revoke: %s", r.stdout)
	}
	if r := run(t, db, "token", "revoke", "1"); r.code != 1 || !strings.Contains(r.stderr, "already revoked") {
		t.Errorf("second revoke: %+v", r)
	}
	if r := run(t, db, "token", "create", "--role", "commune", "--unit", "167"); r.code != 1 || !strings.Contains(r.stderr, "unit:") || r.stdout != "" {
		t.Errorf("commune token on a district: %+v", r)
	}
}

// TestStoreOptionsFromEnvironment: every command that opens the database,
// migrate too, reads DB_MAX_CONNS and SQLITE_SYNCHRONOUS: a bad value is
// refused by each, and a good one is accepted.
func TestStoreOptionsFromEnvironment(t *testing.T) {
	db := testenv.NewDB(t).URL
	for _, args := range [][]string{{"migrate"}, {"token", "list"}} {
		if r := runEnv(t, []string{"DB_MAX_CONNS=0"}, db, args...); r.code == 0 || !strings.Contains(r.stderr, "DB_MAX_CONNS") {
			t.Errorf("%v with DB_MAX_CONNS=0: %+v", args, r)
		}
		if strings.HasPrefix(db, "postgres") {
			continue // SQLITE_SYNCHRONOUS is SQLite's alone
		}
		if r := runEnv(t, []string{"SQLITE_SYNCHRONOUS=sometimes"}, db, args...); r.code == 0 || !strings.Contains(r.stderr, "synchronous") {
			t.Errorf("%v with SQLITE_SYNCHRONOUS=sometimes: %+v", args, r)
		}
	}
	if r := runEnv(t, []string{"DB_MAX_CONNS=3", "SQLITE_SYNCHRONOUS=NORMAL"}, db, "migrate"); r.code != 0 || !strings.Contains(r.stdout, "applied migrations") {
		t.Errorf("migrate with good values: %+v", r)
	}
}

func TestUnitsImportReportsLines(t *testing.T) {
	db := testenv.NewDB(t).URL
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("code,name,kind,parent_code\n19,Tỉnh Thái Nguyên,province,\n167,Huyện Định Hóa,huyen,19\n05596,Xã Bộc Nhiêu,commune,999\n"), 0o600)
	// Every problem of the file at once, in line order: the bad kind found
	// while reading and the unknown parent found against the tree.
	r := run(t, db, "units", "import", bad)
	k, p := strings.Index(r.stderr, "line 3.kind"), strings.Index(r.stderr, "line 4.parent_code")
	if r.code != 1 || k < 0 || p < k {
		t.Fatalf("%+v", r)
	}
	// Fixed, the unknown parent alone is left, and nothing is imported.
	os.WriteFile(bad, []byte("code,name,kind,parent_code\n19,Tỉnh Thái Nguyên,province,\n167,Huyện Định Hóa,district,19\n05596,Xã Bộc Nhiêu,commune,999\n"), 0o600)
	r = run(t, db, "units", "import", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "line 4.parent_code") || strings.Contains(r.stderr, "line 3") {
		t.Fatalf("%+v", r)
	}
	if r := run(t, db, "units", "import", "demo/units-dinh-hoa-2024-11-01.csv"); !strings.Contains(r.stdout, "33 units added") {
		t.Errorf("the failed import left units behind: %+v", r)
	}
}

// TestServeDemo is the newcomer's first minute: serve --demo on an empty
// database, then the curl it prints.
func TestServeDemo(t *testing.T) {
	_, _, printed := serveDemo(t)
	var curl string
	for _, line := range printed {
		if strings.HasPrefix(strings.TrimSpace(line), "curl ") {
			curl = strings.TrimSpace(line)
			break
		}
	}
	m := regexp.MustCompile(`-H 'Authorization: Bearer (\S+)' '(\S+)'`).FindStringSubmatch(curl)
	if m == nil {
		t.Fatalf("curl line %q", curl)
	}
	req, _ := http.NewRequest("GET", m[2], nil)
	req.Header.Set("Authorization", "Bearer "+m[1])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	// The first curl compares 2025 with 2024 across the reform: the new xã
	// Trung Hội's example report against its predecessors' (Bộc Nhiêu's).
	for _, want := range []string{`"tree":"2025-07-01"`, `"period":"2024","communes_expected":3,"communes_reported":1`, `"value":4456`, `"value":12986`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the printed curl answered %s, without %s", body, want)
		}
	}
}

// liveDB is a fresh database with the units of unitsFile and an admin
// token, made with the real binary's commands, as an operator would.
func liveDB(t *testing.T, unitsFile string) (db, token string) {
	t.Helper()
	db = testenv.NewDB(t).URL
	if _, err := loadtest.Run(binary(t), db, nil, "units", "import", unitsFile); err != nil {
		t.Fatal(err)
	}
	out, err := loadtest.Run(binary(t), db, nil, "token", "create", "--role", "admin")
	if err != nil {
		t.Fatal(err)
	}
	return db, strings.TrimSpace(out)
}

// dinhHoaDB is a fresh database with the demo district's units, imported
// with the real binary.
func dinhHoaDB(t *testing.T) testenv.DB {
	t.Helper()
	db := testenv.NewDB(t)
	if r := run(t, db.URL, "units", "import", "demo/units-dinh-hoa-2024-11-01.csv"); r.code != 0 {
		t.Fatalf("units import: %+v", r)
	}
	return db
}

// communesOf lists the communes that srv serves, as the API lists them.
func communesOf(t *testing.T, srv *loadtest.Server, token string) []loadtest.Commune {
	t.Helper()
	communes, err := loadtest.Communes(context.Background(), "http://"+srv.Addr, token)
	if err != nil {
		t.Fatal(err)
	}
	return communes
}

// startServer starts `doingoai serve` on db on a free port, stopped when
// the test ends.
func startServer(t *testing.T, db string) *loadtest.Server {
	t.Helper()
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	srv := &loadtest.Server{Bin: binary(t), DB: db, Addr: addr}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	return srv
}

// TestCrashSafety SIGKILLs the real server three times while clients
// submit (the benchmark does it 20 times and more: go run ./cmd/loadbench
// -crash 20), restarts it each time, and then checks that every
// acknowledged submission is there with its revision, that no submission
// was stored twice, that the maintained totals agree with the reports and,
// on SQLite, that the file passes PRAGMA integrity_check.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and restarts the server")
	}
	db, token := liveDB(t, "demo/units-dinh-hoa-2024-11-01.csv")
	srv := startServer(t, db)
	ctx := context.Background()
	communes := communesOf(t, srv, token)
	cr, err := loadtest.Crash(ctx, srv, token, communes, "2024", 30, 8, 3, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	if cr.Kills != 3 || cr.OK != int64(len(communes)*30) {
		t.Fatalf("%d kills, %d acknowledged of %d", cr.Kills, cr.OK, len(communes)*30)
	}
}

// TestTwoServersOnePostgres runs two server processes on one PostgreSQL
// database, as a deployment that outgrew one machine does, and has
// clients of both submit to the same reports at once. Every submission is
// sent to both servers at the same moment with the same Idempotency-Key,
// as a client retrying through a load balancer would. Both answers must be
// the same revision; each report's revisions must run 1, 2, … with no gap
// and none twice; and the totals must agree with the reports.
func TestTwoServersOnePostgres(t *testing.T) {
	if !testenv.IsPostgres() {
		t.Skip("SKIPPED on SQLite: several server processes share a database only on PostgreSQL (.ci/run runs this test there)")
	}
	db, token := liveDB(t, "demo/units-dinh-hoa-2024-11-01.csv")
	servers := [2]*loadtest.Server{startServer(t, db), startServer(t, db)}
	ctx := context.Background()
	communes := communesOf(t, servers[0], token)[:6]
	const writers, rounds = 4, 8 // per commune: writers at once, each sending rounds versions
	client := loadtest.Client(64)
	type answer struct {
		status   int
		revision int
		err      error
	}
	send := func(srv *loadtest.Server, key string, body []byte) answer {
		req, _ := http.NewRequest("POST", "http://"+srv.Addr+"/api/v1/reports", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", key)
		res, err := client.Do(req)
		if err != nil {
			return answer{err: err}
		}
		defer res.Body.Close()
		var v struct{ Revision int }
		b, _ := io.ReadAll(res.Body)
		if err := json.Unmarshal(b, &v); err != nil || (res.StatusCode != 200 && res.StatusCode != 201) {
			return answer{status: res.StatusCode, err: fmt.Errorf("%d %s", res.StatusCode, b)}
		}
		return answer{status: res.StatusCode, revision: v.Revision}
	}
	var mu sync.Mutex
	acked := map[string][]int{} // commune → revisions acknowledged
	var wg sync.WaitGroup
	for _, c := range communes {
		for w := 0; w < writers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := 1; r <= rounds; r++ {
					round := w*100 + r
					body := loadtest.Body(c, "2024", round)
					key := fmt.Sprintf("two-servers-%s-%d", c.Code, round)
					var pair [2]answer
					var both sync.WaitGroup
					for i := range servers {
						both.Add(1)
						go func() { defer both.Done(); pair[i] = send(servers[(i+w)%2], key, body) }()
					}
					both.Wait()
					if pair[0].err != nil || pair[1].err != nil {
						t.Errorf("%s round %d: %v / %v", c.Code, round, pair[0].err, pair[1].err)
						return
					}
					if pair[0].revision != pair[1].revision {
						t.Errorf("%s round %d: one key, two revisions: %d and %d", c.Code, round, pair[0].revision, pair[1].revision)
					}
					mu.Lock()
					acked[c.Code] = append(acked[c.Code], pair[0].revision)
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	for _, c := range communes {
		revs := acked[c.Code]
		slices.Sort(revs)
		for i, r := range revs {
			if r != i+1 {
				t.Fatalf("%s: acknowledged revisions %v are not 1…%d", c.Code, revs, writers*rounds)
			}
		}
		status, body, err := loadtest.Get(ctx, client, "http://"+servers[1].Addr, token, "/api/v1/reports/"+c.Code+"/2024/revisions")
		var list struct{ Items []struct{ Revision int } }
		if err != nil || status != 200 || json.Unmarshal(body, &list) != nil {
			t.Fatalf("%s revisions: %d %v", c.Code, status, err)
		}
		if len(list.Items) != writers*rounds {
			t.Errorf("%s: %d revisions stored, want %d", c.Code, len(list.Items), writers*rounds)
		}
		for i, it := range list.Items {
			if it.Revision != i+1 {
				t.Fatalf("%s: stored revisions have a gap at %d", c.Code, i+1)
			}
		}
	}
	s, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckTotals(ctx); err != nil {
		t.Error(err)
	}
}

// TestBackupWhileSubmitting takes `backup FILE` of a live SQLite database
// while clients go on submitting, then checks the copy: it passes
// integrity_check, holds every report acknowledged before the backup began,
// is one consistent moment (the maintained totals agree with its reports),
// and a server started on it serves those reports.
func TestBackupWhileSubmitting(t *testing.T) {
	if testenv.IsPostgres() {
		t.Skip("SKIPPED on PostgreSQL: backup copies SQLite databases (use pg_dump for PostgreSQL)")
	}
	db, token := liveDB(t, "testdata/units-vn-2024-11-01.csv")
	srv := startServer(t, db)
	ctx := context.Background()
	base := "http://" + srv.Addr
	communes := communesOf(t, srv, token)[:6000]
	jobs := func(cs []loadtest.Commune) [][]loadtest.Job {
		out := make([][]loadtest.Job, len(cs))
		for i, c := range cs {
			out[i] = []loadtest.Job{{Commune: c, Period: "2024", Round: 1, Body: loadtest.Body(c, "2024", 1)}}
		}
		return out
	}
	client := loadtest.Client(16)
	before := loadtest.Submit(ctx, client, func() string { return base }, token, jobs(communes[:500]), 16, false)
	if before.Errors > 0 {
		t.Fatal(before.FirstErrors)
	}
	during := make(chan *loadtest.Result)
	go func() {
		during <- loadtest.Submit(ctx, client, func() string { return base }, token, jobs(communes[500:]), 16, false)
	}()
	// Back up once the second wave is under way.
	for reported := 0; reported < 800; {
		status, body, err := loadtest.Get(ctx, client, base, token, "/api/v1/rollups?unit=VN&period=2024&indicators=households")
		var v struct {
			Reported int `json:"communes_reported"`
		}
		if err != nil || status != 200 || json.Unmarshal(body, &v) != nil {
			t.Fatalf("rollup: %d %v", status, err)
		}
		reported = v.Reported
		time.Sleep(5 * time.Millisecond)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	r := run(t, db, "backup", copyPath)
	res := <-during
	if r.code != 0 {
		t.Fatalf("backup: exit %d: %s", r.code, r.stderr)
	}
	if res.Errors > 0 {
		t.Fatal(res.FirstErrors)
	}
	t.Logf("%s; %d reports acknowledged during the backup", strings.TrimSpace(r.stdout), res.OK)
	if err := store.CheckIntegrity(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, copyPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CheckTotals(ctx); err != nil {
		t.Errorf("the copy is not one consistent moment: %v", err)
	}
	s.Close()
	raw, err := sql.Open("sqlite3", copyPath)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	err = raw.QueryRow("SELECT count(*) FROM reports").Scan(&n)
	raw.Close()
	if err != nil || n < 800 || n >= 6000 {
		t.Fatalf("the copy holds %d reports (%v); 800 were acknowledged before it began, 6000 in all by the end", n, err)
	}
	t.Logf("the copy holds %d of 6000 reports", n)
	restored := startServer(t, copyPath)
	for _, a := range before.Acks {
		status, body, err := loadtest.Get(ctx, client, "http://"+restored.Addr, token, "/api/v1/reports/"+a.Job.Commune.Code+"/2024")
		if err != nil || status != 200 || !strings.Contains(string(body), `"revision":1`) {
			t.Fatalf("restored copy, report %s: %d %v %.200s", a.Job.Commune.Code, status, err, body)
		}
	}
}
