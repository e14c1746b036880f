package store_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestUpgradeStepsRunOnce: the upgrade steps (data of earlier releases
// brought under this release's rules) run once per database. After the
// first start they are recorded as done, and a second Migrate reads no
// report, revision or total: only the record of the steps. That is so
// whatever the stored warnings are — here the demo's, whose warnings
// without figures never gain params and were read again at every start
// before the steps were recorded.
func TestUpgradeStepsRunOnce(t *testing.T) {
	clock := testenv.NewClock(time.Date(2025, 11, 20, 3, 0, 0, 0, time.UTC))
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, clock)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	done, err := store.QueryStrings(ctx, s, "SELECT name FROM upgrade_steps ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	if got := js2(t, done); got != `[["exclude_ended_reports"],["give_warnings_params"]]` {
		t.Errorf("the steps recorded after the first start: %s", got)
	}
	// A revision whose warnings name no figure: it never gains params, so
	// a step that looked for it would find it at every start.
	w, _ := json.Marshal([]models.Warning{{Field: "profile", Code: models.WarnOutlier, Message: "delegations_out jumped"}})
	if err := store.ExecSQL(ctx, s, "UPDATE revisions SET warnings = ?", string(w)); err != nil {
		t.Fatal(err)
	}

	// The next start, and the one after, of this server and of another.
	for i := range 2 {
		s2, err := store.Open(ctx, db.URL, store.Options{Clock: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		stop := store.Statements(s2)
		if _, err := s2.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		ran := stop()
		reads := regexp.MustCompile(`(?i)\b(revisions|reports|totals)\b`)
		for _, q := range ran {
			if reads.MatchString(q) {
				t.Errorf("start %d: Migrate ran %q; want no report, revision or total read once the steps are done", i+2, q)
			}
		}
		if len(ran) != 1 {
			t.Errorf("start %d: Migrate ran %d statements through the store (%q); want 1, the record of the steps", i+2, len(ran), ran)
		}
	}
}

// TestUpgradeStepsOnceWithServersAtOnce: two servers starting at once on a
// database whose steps are not done yet (one of an earlier release, with a
// warning stored without params): one does each step, the other finds it
// done; the revisions are read by one, and the step logged once.
func TestUpgradeStepsOnceWithServersAtOnce(t *testing.T) {
	clock := testenv.NewClock(time.Date(2025, 1, 10, 3, 0, 0, 0, time.UTC))
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, clock)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	var old []models.Warning
	view, _, err := s.GetReport(ctx, mustTree(t, s).ByCode("05596"), "2024")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range view.Warnings {
		old = append(old, models.Warning{Field: w.Field, Code: w.Code, Message: w.Message})
	}
	old = append(old, models.Warning{Field: "delegations.inbound_domestic.count", Code: models.WarnOutlier,
		Message: "delegations_in_domestic is 1,200, more than ten times the 6 reported for 2023S2"})
	js, _ := json.Marshal(old)
	if err := store.ExecSQL(ctx, s, "UPDATE revisions SET warnings = ? WHERE submitted_at > 0", string(js)); err != nil {
		t.Fatal(err)
	}
	if err := store.ExecSQL(ctx, s, "DELETE FROM upgrade_steps"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var logs [2]bytes.Buffer
	var wg sync.WaitGroup
	errs := make([]error, 2)
	stops := make([]func() []string, 2)
	for i := range 2 {
		srv, err := store.Open(ctx, db.URL, store.Options{Clock: clock.Now, Logger: slog.New(slog.NewTextHandler(&logs[i], nil))})
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		stops[i] = store.Statements(srv)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = store.RunUpgradeSteps(ctx, srv)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("server %d: %v", i, err)
		}
	}
	scanned := 0
	for _, stop := range stops {
		for _, q := range stop() {
			if strings.Contains(q, "FROM revisions") {
				scanned++
				break
			}
		}
	}
	if scanned != 1 {
		t.Errorf("%d servers read the revisions; want one", scanned)
	}
	all := logs[0].String() + logs[1].String()
	if n := strings.Count(all, "given="); n != 1 {
		t.Errorf("the warnings step logged %d times; want once:\n%s", n, all)
	}
	s3 := testenv.OpenDB(t, db, clock)
	rows, err := store.QueryStrings(ctx, s3, "SELECT warnings FROM revisions WHERE submitted_at > 0")
	if err != nil || len(rows) == 0 {
		t.Fatal(rows, err)
	}
	for _, r := range rows {
		if !strings.Contains(r[0], `"params"`) {
			t.Errorf("a revision's warnings were not given params: %s", r[0])
		}
	}
}

func mustTree(t *testing.T, s *store.Store) *models.Tree {
	t.Helper()
	tr, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}
