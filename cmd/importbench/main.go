// Command importbench performs the hostile-document attack on the import
// against the real server and measures what it costs: it builds
// `doingoai serve` (or takes -bin, to measure another build), imports the
// units, and sends rounds of concurrent POST /api/v1/reports/import with
// tiny .docx files built to cost memory and time (internal/docxtest's
// Hostile), first from one commune token, then from as many tokens as
// there are requests at once; meanwhile another client reads
// /api/v1/completeness without pause. It prints, per attack, the answers'
// statuses, the imports' latency, the other client's latency (p50, p90,
// max) and the server's peak resident memory (VmHWM, reset between
// attacks).
//
//	go run ./cmd/importbench                      # 10 at once, 5 rounds
//	go run ./cmd/importbench -at-once 20 -rounds 3
//	go run ./cmd/importbench -import-rate 0       # the slots alone
//	go run ./cmd/importbench -bin /tmp/old/doingoai   # an earlier build
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"doingoai/internal/docxtest"
	"doingoai/internal/loadtest"
)

func main() {
	atOnce := flag.Int("at-once", 10, "imports sent at once")
	rounds := flag.Int("rounds", 5, "rounds of imports at once, per attack")
	docs := flag.String("docs", "attributes,deep fallback,tags", "hostile documents sent, in turn (names of docxtest.Hostile)")
	bin := flag.String("bin", "", "a built doingoai to measure instead of building this tree")
	importRate := flag.String("import-rate", "1", "the server's IMPORT_RATE (0: no import rate limit, only the slots)")
	flag.Parse()
	if err := run(*atOnce, *rounds, strings.Split(*docs, ","), *bin, *importRate); err != nil {
		fmt.Fprintln(os.Stderr, "importbench:", err)
		os.Exit(1)
	}
}

func run(atOnce, rounds int, docNames []string, bin, importRate string) error {
	tmp, err := os.MkdirTemp("", "doingoai-importbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		fmt.Println("building the server …")
		if bin, err = loadtest.Build(".", tmp); err != nil {
			return err
		}
	}
	var docs [][]byte
	for _, name := range docNames {
		build := docxtest.Hostile[name]
		if build == nil {
			return fmt.Errorf("no hostile document %q", name)
		}
		docs = append(docs, build())
	}
	db := filepath.Join(tmp, "bench.db")
	const unitsFile = "testdata/units-vn-2024-11-01.csv"
	if _, err := loadtest.Run(bin, db, nil, "units", "import", unitsFile); err != nil {
		return err
	}
	communes, err := communesOf(unitsFile, "167", atOnce+1) // the first for the first attack, the others for the second
	if err != nil {
		return err
	}
	token := func(role, unit string) (string, error) {
		out, err := loadtest.Run(bin, db, nil, "token", "create", "--role", role, "--unit", unit, "--name", "importbench "+role+" "+unit)
		return strings.TrimSpace(out), err
	}
	reader, err := token("district", "167")
	if err != nil {
		return err
	}
	tokens := make([]string, len(communes))
	for i, c := range communes {
		if tokens[i], err = token("commune", c); err != nil {
			return err
		}
	}
	addr, err := loadtest.FreeAddr()
	if err != nil {
		return err
	}
	srv := &loadtest.Server{Bin: bin, DB: db, Addr: addr, Env: []string{"IMPORT_RATE=" + importRate}}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Stop()
	base := "http://" + addr
	fmt.Printf("%d imports at once, %d rounds, documents %q (%s), IMPORT_RATE=%s\n", atOnce, rounds, docNames, sizes(docs), importRate)
	for _, attack := range []struct {
		name     string
		tokens   []string
		communes []string
	}{
		{"one commune token", tokens[:1], communes[:1]},
		{fmt.Sprintf("%d commune tokens", atOnce), tokens[1:], communes[1:]},
	} {
		resetPeak(srv)
		a := attackOnce(base, reader, attack.tokens, attack.communes, docs, atOnce, rounds)
		fmt.Printf("\n%s:\n  answers %v\n  import latency p50 %s, p90 %s, max %s\n  another client's GET: %d requests, p50 %s, p90 %s, max %s, errors %d\n  server peak RSS %.0f MB\n",
			attack.name, a.statuses, pct(a.imports, 50), pct(a.imports, 90), pct(a.imports, 100),
			len(a.gets), pct(a.gets, 50), pct(a.gets, 90), pct(a.gets, 100), a.getErrors, float64(srv.PeakRSS())/(1<<20))
	}
	return nil
}

type attackResult struct {
	statuses  map[int]int
	imports   []time.Duration
	gets      []time.Duration
	getErrors int
}

// attackOnce sends rounds of atOnce imports, the i-th from tokens[i %
// len(tokens)], while another client reads without pause.
func attackOnce(base, reader string, tokens, communes []string, docs [][]byte, atOnce, rounds int) attackResult {
	res := attackResult{statuses: map[int]int{}}
	ctx, stop := context.WithCancel(context.Background())
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		c := loadtest.Client(1)
		for ctx.Err() == nil {
			t0 := time.Now()
			status, _, err := loadtest.Get(ctx, c, base, reader, "/api/v1/completeness?unit=167&period=2024")
			if ctx.Err() != nil {
				return
			}
			res.gets = append(res.gets, time.Since(t0))
			if err != nil || status != http.StatusOK {
				res.getErrors++
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	client := loadtest.Client(atOnce)
	var mu sync.Mutex
	for r := range rounds {
		var wg sync.WaitGroup
		for i := range atOnce {
			wg.Go(func() {
				tok := i % len(tokens)
				doc := docs[(r*atOnce+i)%len(docs)]
				t0 := time.Now()
				status := post(client, base+"/api/v1/reports/import?period=2024&unit="+communes[tok], tokens[tok], doc)
				mu.Lock()
				res.statuses[status]++
				res.imports = append(res.imports, time.Since(t0))
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	stop()
	<-readerDone
	return res
}

func post(c *http.Client, url, token string, doc []byte) int {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(doc)))
	if err != nil {
		return -1
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	res, err := c.Do(req)
	if err != nil {
		return -1
	}
	res.Body.Close()
	return res.StatusCode
}

// communesOf returns the codes of the first n communes under parent.
func communesOf(file, parent string, n int) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range rows {
		if len(r) >= 4 && r[3] == parent && len(out) < n {
			out = append(out, r[0])
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("%s has %d communes under %s, fewer than %d", file, len(out), parent, n)
	}
	return out, nil
}

// resetPeak resets the server's VmHWM to its current resident set.
func resetPeak(srv *loadtest.Server) {
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", srv.Pid()), []byte("5"), 0)
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := min(len(s)-1, (len(s)*p+99)/100-1)
	return s[max(0, i)].Round(time.Millisecond)
}

func sizes(docs [][]byte) string {
	var s []string
	for _, d := range docs {
		s = append(s, fmt.Sprintf("%d KB", len(d)>>10))
	}
	return strings.Join(s, ", ")
}
