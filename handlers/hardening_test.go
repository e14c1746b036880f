package handlers_test

import (
	"reflect"
	"runtime"

	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/xuri/excelize/v2"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/demo"
	"doingoai/handlers"
	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestBooleanQueryMustSayTrueOrFalse: "?dry_run=" (empty) or a word that is
// not a boolean is refused with 422 and stores nothing; a client that meant
// a dry run never writes data.
func TestBooleanQueryMustSayTrueOrFalse(t *testing.T) {
	env := apitest.New(t)
	for _, q := range []string{"dry_run=", "dry_run", "dry_run=yes", "dry_run=%20", "dry_run=true&dry_run=false"} {
		res := env.Do(t, "POST", "/api/v1/reports?"+q, "commune", string(demo.BocNhieu2024), nil)
		if res.Status != 422 || !strings.Contains(string(res.Body), `"field":"dry_run"`) {
			t.Errorf("?%s: %d %s", q, res.Status, res.Body)
		}
		res = env.Do(t, "PUT", seedURL+"?"+q, "commune", string(demo.BocNhieu2024), nil)
		if res.Status != 422 {
			t.Errorf("PUT ?%s: %d %s", q, res.Status, res.Body)
		}
	}
	if res := env.Do(t, "GET", seedURL, "commune", "", nil); res.Status != 404 {
		t.Fatalf("a refused dry run stored the report: %d %s", res.Status, res.Body)
	}
	if res := env.Do(t, "POST", "/api/v1/reports?dry_run=true", "commune", string(demo.BocNhieu2024), nil); res.Status != 200 || !strings.Contains(string(res.Body), `"dry_run":true`) {
		t.Errorf("dry_run=true: %d %s", res.Status, res.Body)
	}
	if res := env.Do(t, "POST", "/api/v1/reports?dry_run=false", "commune", string(demo.BocNhieu2024), nil); res.Status != 201 {
		t.Errorf("dry_run=false: %d %s", res.Status, res.Body)
	}
}

// syncBuffer is a log sink that tests read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBodyCutShort: a client that announces 1000 bytes, sends 6 and
// half-closes its side gets 400, and the server logs it below error level.
func TestBodyCutShort(t *testing.T) {
	env := apitest.New(t)
	var logs syncBuffer
	h := api.New(api.Config{Store: env.Store, Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, target := range []string{"POST /api/v1/reports", "PUT " + seedURL, "POST " + seedURL + "/review", "POST /api/v1/units"} {
		method, path, _ := strings.Cut(target, " ")
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		token := env.Tokens["admin"]
		if strings.Contains(path, "reports") && method != "POST" || path == "/api/v1/reports" {
			token = env.Tokens["commune"]
		}
		fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\":1", method, path, token)
		conn.(*net.TCPConn).CloseWrite()
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		res.Body.Close()
		conn.Close()
		if res.StatusCode != 400 || res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", target, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("a body cut short is logged as an error:\n%s", logs.String())
	}
}

// TestControlCharactersInQueryAndPath: "q=%00" once matched every unit
// (SQLite) or failed (PostgreSQL refuses NUL in text); a control character
// or invalid UTF-8 in any query or path value is refused with 422.
func TestControlCharactersInQueryAndPath(t *testing.T) {
	env := apitest.New(t)
	for _, u := range []string{"/api/v1/units?q=%00", "/api/v1/units?q=x%01", "/api/v1/units?q=%ff", "/api/v1/units/%00",
		"/api/v1/reports?period=2024%00", "/api/v1/rollups?unit=167%00&period=2024", "/api/v1/units?%00=1"} {
		res := env.Do(t, "GET", u, "admin", "", nil)
		if res.Status != 422 || !strings.Contains(string(res.Body), "control characters") {
			t.Errorf("%s: %d %s", u, res.Status, res.Body)
		}
	}
	if res := env.Do(t, "GET", "/api/v1/units?q=boc%20nhieu", "admin", "", nil); res.Status != 200 || !strings.Contains(string(res.Body), `"total":1`) {
		t.Errorf("a plain search: %d %s", res.Status, res.Body)
	}
}

// TestCompletenessPaginated: the list of communes comes a page at a time;
// the counts are always of every commune.
func TestCompletenessPaginated(t *testing.T) {
	env := apitest.New(t)
	var all, page models.Completeness
	res := env.Do(t, "GET", "/api/v1/completeness?unit=VN&period=2024", "admin", "", nil)
	res.JSON(t, &all)
	if res.Status != 200 || all.Expected < 20 || len(all.Units) != all.Total || all.Page != 1 || all.PerPage != 500 {
		t.Fatalf("%d expected %d, %d units of %d, page %d/%d", res.Status, all.Expected, len(all.Units), all.Total, all.Page, all.PerPage)
	}
	res = env.Do(t, "GET", "/api/v1/completeness?unit=VN&period=2024&page=2&per_page=10", "admin", "", nil)
	res.JSON(t, &page)
	if page.Expected != all.Expected || page.Total != all.Total || len(page.Units) != 10 || page.Units[0].Code != all.Units[10].Code {
		t.Errorf("page 2: expected %d, total %d, %d units", page.Expected, page.Total, len(page.Units))
	}
	// The store lists only the page; its communes are those of the whole
	// list at the same places, with the same states, and the counts the same.
	if !reflect.DeepEqual(page.Units, all.Units[10:20]) {
		t.Errorf("page 2's communes differ from the whole list's 11th to 20th:\n%+v\n%+v", page.Units, all.Units[10:20])
	}
	if page.Reported != all.Reported || page.Missing != all.Missing || page.OnTime != all.OnTime || page.Late != all.Late ||
		page.Accepted != all.Accepted || page.Returned != all.Returned || page.Draft != all.Draft {
		t.Errorf("page 2's counts differ: %+v, %+v", page, all)
	}
	res = env.Do(t, "GET", "/api/v1/completeness?unit=VN&period=2024&page=99&per_page=10", "admin", "", nil)
	res.JSON(t, &page)
	if res.Status != 200 || len(page.Units) != 0 || page.Expected != all.Expected {
		t.Errorf("past the end: %d %d units", res.Status, len(page.Units))
	}
	if res := env.Do(t, "GET", "/api/v1/completeness?unit=VN&period=2024&per_page=1001", "admin", "", nil); res.Status != 422 {
		t.Errorf("per_page over 1000: %d", res.Status)
	}
}

// reportWith returns the Bộc Nhiêu report for unit with these NGO projects.
func reportWith(t *testing.T, unit string, projects []map[string]any) string {
	t.Helper()
	var r map[string]any
	if err := json.Unmarshal(demo.BocNhieu2024, &r); err != nil {
		t.Fatal(err)
	}
	r["unit_code"] = unit
	r["ngo_aid"] = map[string]any{"projects": projects}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func projects(n int, each int64) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"name": fmt.Sprint("Dự án ", i+1), "committed_vnd": each, "disbursed_vnd": each}
	}
	return out
}

// TestOverflowAttack: a province token once filled its communes with
// reports of 1,000 projects × 10^15 đồng, brought the national total to
// the int64 maximum, and from then on every other province's valid report
// was refused. Now one report adds at most MaxReportTotal to any total, so
// that MaxReportingUnits reports cannot overflow, and the attack's report is
// refused; the most a province can add leaves every other report valid.
func TestOverflowAttack(t *testing.T) {
	if models.MaxReportTotal > math.MaxInt64/models.MaxReportingUnits {
		t.Fatalf("%d reports of %d can overflow a total", models.MaxReportingUnits, models.MaxReportTotal)
	}
	env := apitest.New(t)
	attack := reportWith(t, "05596", projects(1000, 1_000_000_000_000_000))
	res := env.Do(t, "POST", "/api/v1/reports", "province", attack, nil)
	if res.Status != 422 || !strings.Contains(string(res.Body), `"field":"ngo_aid.projects`) {
		t.Fatalf("the attack's report: %d %.300s", res.Status, res.Body)
	}
	// The same sum in fewer, larger projects, and income × population.
	res = env.Do(t, "POST", "/api/v1/reports", "province", reportWith(t, "05596", projects(2, 60_000_000_000_000)), nil)
	if res.Status != 422 || !strings.Contains(string(res.Body), "add up to") {
		t.Errorf("two projects over the report's total: %d %.300s", res.Status, res.Body)
	}
	var r map[string]any
	json.Unmarshal(demo.BocNhieu2024, &r)
	prof := r["profile"].(map[string]any)
	prof["income_per_capita_vnd"], prof["population"] = 10_000_000_000, 5_000_000
	prof["households"], prof["party_members"] = 1_000_000, 100
	b, _ := json.Marshal(r)
	if res := env.Do(t, "POST", "/api/v1/reports", "province", string(b), nil); res.Status != 422 || !strings.Contains(string(res.Body), "profile.income_per_capita_vnd") {
		t.Errorf("income × population over the bound: %d %.300s", res.Status, res.Body)
	}

	// The most the province may add: every commune of it at the bound.
	tr, err := env.Store.Tree(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	period, _ := models.ParsePeriod("2024")
	communes := tr.Communes(tr.ByCode("19"), period)
	for _, u := range communes {
		res := env.Do(t, "POST", "/api/v1/reports", "province", reportWith(t, u.Code, projects(1000, models.MaxReportTotal/1000)), nil)
		if res.Status != 201 {
			t.Fatalf("%s at the bound: %d %.300s", u.Code, res.Status, res.Body)
		}
	}
	// Another province's valid report is stored, and the national total is
	// exact.
	res = env.Do(t, "POST", "/api/v1/reports", "admin", reportWith(t, "00001", projects(1, 1_000_000)), nil)
	if res.Status != 201 {
		t.Fatalf("a valid report elsewhere: %d %.300s", res.Status, res.Body)
	}
	res = env.Do(t, "GET", "/api/v1/rollups?unit=VN&period=2024&indicators=ngo_aid_committed_vnd", "admin", "", nil)
	want := fmt.Sprintf(`"value":%d`, int64(len(communes))*models.MaxReportTotal+1_000_000)
	if res.Status != 200 || !strings.Contains(string(res.Body), want) {
		t.Errorf("national total: %d, want %s in %.400s", res.Status, want, res.Body)
	}
}

// heavyRollup is the probe's heavy rollup: one indicator named 7,400 times,
// twenty periods, by=child, as a workbook.
func heavyRollup(unit string) string {
	var periods []string
	for y := 2005; y < 2025; y++ {
		periods = append(periods, fmt.Sprint(y))
	}
	return "/api/v1/rollups?unit=" + unit + "&period=2024&by=child&format=xlsx&periods=" + strings.Join(periods, ",") +
		"&indicators=" + strings.TrimSuffix(strings.Repeat("ngo_aid_committed_vnd,", 7400), ",")
}

// TestHeavyRollupBounded: the probe's heavy rollup is answered with the one
// indicator it names (repeats count once), within a bounded amount of
// memory; a rollup over MaxRollupCells figures is refused with 422; a
// 10,000-item bad list answers a short problem; and when every export slot
// is busy an export waits, then gets 503 with Retry-After.
func TestHeavyRollupBounded(t *testing.T) {
	env := apitest.New(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := env.Do(t, "GET", heavyRollup("19"), "admin", "", nil)
	runtime.ReadMemStats(&after)
	if res.Status != 200 {
		t.Fatalf("%d %.300s", res.Status, res.Body)
	}
	// Before the fix one such request allocated about 1 GB (7,400 × 21
	// periods × the children); now about 2 MB.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("the heavy rollup allocated %d MB", alloc>>20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Tổng hợp")
	if len(rows) != 4 || rows[3][len(rows[3])-1] != "ngo_aid_committed_vnd" {
		t.Errorf("the totals sheet has %d rows: %v", len(rows), rows)
	}
	f.Close()

	// Over the bound of figures: 200 more communes × every indicator × 21
	// periods.
	for i := 1; i <= 200; i++ {
		code := fmt.Sprintf("9%04d", i)
		if _, err := env.Store.CreateUnit(t.Context(), models.CommandLine, models.UnitInput{Code: code, Name: "Xã thử " + code, Kind: models.KindCommune, ParentCode: "167"}); err != nil {
			t.Fatal(err)
		}
	}
	res = env.Do(t, "GET", strings.Replace(strings.Split(heavyRollup("167"), "&indicators=")[0], "format=xlsx", "format=json", 1), "admin", "", nil)
	if res.Status != 422 || !strings.Contains(string(res.Body), fmt.Sprint(handlers.MaxRollupCells)) {
		t.Errorf("over the bound: %d %.400s", res.Status, res.Body)
	}
	if res := env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&by=child&periods=2023,2024", "admin", "", nil); res.Status != 200 {
		t.Errorf("a province-sized breakdown: %d %.300s", res.Status, res.Body)
	}

	// A 10,000-item bad list: one problem, a short answer.
	var bad []string
	for i := 0; i < 10_000; i++ {
		bad = append(bad, fmt.Sprint("x", i))
	}
	res = env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&indicators="+strings.Join(bad, ","), "admin", "", nil)
	if res.Status != 422 || len(res.Body) > 2000 {
		t.Errorf("a 10,000-item bad list: %d, %d bytes", res.Status, len(res.Body))
	}

	// errors[] lists at most MaxProblemErrors entries, with the total.
	res = env.Do(t, "POST", "/api/v1/reports", "commune", reportWith(t, "05596", projects(300, -1)), nil)
	var p models.Problem
	res.JSON(t, &p)
	if res.Status != 422 || len(p.Errors) != models.MaxProblemErrors || p.ErrorsTotal != 600 || !strings.Contains(p.Detail, "600 problems") {
		t.Errorf("a report with 600 problems: %d, %d listed, total %d, %q", res.Status, len(p.Errors), p.ErrorsTotal, p.Detail)
	}

	// Every export slot busy: the export waits, then 503 + Retry-After;
	// JSON is not held up.
	release := apitest.HoldExports(t)
	res = env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&format=csv", "admin", "", nil)
	if res.Status != 503 || res.Header.Get("Retry-After") == "" {
		t.Errorf("export with every slot busy: %d %q", res.Status, res.Header.Get("Retry-After"))
	}
	if res := env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024", "admin", "", nil); res.Status != 200 {
		t.Errorf("JSON while exports are busy: %d", res.Status)
	}
	release()
	if res := env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&format=csv", "admin", "", nil); res.Status != 200 {
		t.Errorf("export after the slots are free: %d", res.Status)
	}
}
