package store_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestEndedReportStoredBeforeTheRule: a 2025 report of Bộc Nhiêu (ended
// 2025-06-30, merged into xã Trung Hội 05581) written straight into the
// database with the totals the service kept before the rule — as a
// database of before holds it. CheckTotals, which recomputes by the rule,
// finds the difference; the start-up step (Migrate) takes it out of the
// totals once; then the rollups and completeness of 2025 count Trung Hội
// alone, the report stays readable, EndedReports lists it, and a third
// start changes nothing (TestUpgradeStepsRunOnce: nor reads it).
func TestEndedReportStoredBeforeTheRule(t *testing.T) {
	clock := testenv.NewClock(time.Date(2025, 11, 20, 3, 0, 0, 0, time.UTC))
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, clock)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	// The database as a release before the upgrade steps (00019) left it.
	if err := s.MigrateDownTo(ctx, 18); err != nil {
		t.Fatal(err)
	}
	raw := rawDB(t, db)
	tr, _ := s.Tree(ctx)
	bn := tr.OnDay("05596", models.MustDate("2025-06-30"))
	insertOldReport(t, raw, bn, "2024", "2025")
	if err := s.CheckTotals(ctx); err == nil || !strings.Contains(err.Error(), "2025") {
		t.Fatalf("CheckTotals with Bộc Nhiêu's 2025 report counted: %v; want the 2025 totals named as differing", err)
	}
	u19 := tr.ByCode("19")
	r, err := s.Rollup(ctx, store.RollupQuery{Unit: u19, Period: models.Period{Year: 2025}, Indicators: models.Indicators})
	if err != nil || r.CommunesReported != 2 {
		t.Fatalf("before the start-up step the old totals count it: %d %v", r.CommunesReported, err)
	}

	// The next start of the server.
	s2 := testenv.OpenDB(t, db, clock)
	if err := s2.CheckTotals(ctx); err != nil {
		t.Fatal(err)
	}
	if done, err := store.QueryStrings(ctx, s2, "SELECT name FROM upgrade_steps WHERE name = 'exclude_ended_reports'"); err != nil || len(done) != 1 {
		t.Errorf("the step is not recorded as done: %q %v", done, err)
	}
	if err := testenv.OpenDB(t, db, clock).CheckTotals(ctx); err != nil {
		t.Errorf("after a third start: %v", err)
	}
	r, err = s2.Rollup(ctx, store.RollupQuery{Unit: u19, Period: models.Period{Year: 2025}, Indicators: models.Indicators})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range r.Indicators {
		if v.Code == "population" && (v.Value == nil || v.Value.String() != "12986" || v.Reporting != 1) {
			t.Errorf("province 19's 2025 population: %v from %d communes, want 12986 (Trung Hội's) from 1", v.Value, v.Reporting)
		}
	}
	if r.CommunesReported != 1 {
		t.Errorf("province 19, 2025: %d communes reported, want 1", r.CommunesReported)
	}
	// 2024 is unchanged: Bộc Nhiêu existed on 2024-12-31.
	r24, _ := s2.Rollup(ctx, store.RollupQuery{Unit: u19, Period: models.Period{Year: 2024}, Indicators: models.Indicators})
	if r24.CommunesReported != 1 {
		t.Errorf("province 19, 2024: %d communes reported, want 1", r24.CommunesReported)
	}
	for _, q := range []store.CompletenessQuery{
		{Unit: u19, Period: models.Period{Year: 2025}},            // counted by the database
		{Unit: u19, Period: models.Period{Year: 2025}, Limit: -1}, // one by one
		{Unit: tr.Root, Period: models.Period{Year: 2025}, Limit: -1},
		{Unit: tr.ByCode("167"), Period: models.Period{Year: 2025}, Limit: -1},
	} {
		c, err := s2.Completeness(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if c.Reported+c.Missing+c.Draft != c.Expected || c.Total != c.Expected {
			t.Errorf("completeness of %s: expected %d, reported %d, missing %d, %d communes", q.Unit.Code, c.Expected, c.Reported, c.Missing, c.Total)
		}
		for _, u := range c.Units {
			if u.Code == "05596" {
				t.Errorf("completeness of %s lists Bộc Nhiêu in 2025", q.Unit.Code)
			}
		}
	}
	if _, _, err := s2.GetReport(ctx, bn, "2025"); err != nil {
		t.Errorf("the kept report is not readable: %v", err)
	}
	list, err := s2.EndedReports(ctx)
	if err != nil || len(list) != 1 || list[0].Unit.Code != "05596" || list[0].Period != "2025" || list[0].ValidTo.String() != "2025-06-30" ||
		len(list[0].Successors) != 1 || list[0].Successors[0].Code != "05581" {
		t.Errorf("EndedReports: %+v %v", list, err)
	}
}

// insertOldReport copies a unit's report of one period to another straight
// into the tables, with the totals the service maintained before the rule
// (the report added to its commune and every unit above it).
func insertOldReport(t *testing.T, raw *sql.DB, u *models.TreeUnit, from, to string) {
	t.Helper()
	figs := make([]string, len(models.Measures))
	for i, m := range models.Measures {
		figs[i] = "f_" + m.Code
	}
	cols := "unit_id, revision, status, content_hash, version, submitted_at, first_submitted_at, warnings, " + strings.Join(figs, ", ")
	exec := func(q string, args ...any) {
		t.Helper()
		if testenv.IsPostgres() {
			n := 0
			var b strings.Builder
			for _, c := range q {
				if c == '?' {
					n++
					b.WriteString("$" + string(rune('0'+n)))
					continue
				}
				b.WriteRune(c)
			}
			q = b.String()
		}
		if _, err := raw.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("INSERT INTO reports (period, "+cols+") SELECT ?, "+cols+" FROM reports WHERE unit_id = ? AND period = ?", to, u.ID, from)
	exec(`INSERT INTO revisions (report_id, revision, status, body, content_hash, warnings, submitted_at, token_id, submitted_by, role)
		SELECT n.id, v.revision, v.status, REPLACE(v.body, '"period":"`+from+`"', '"period":"`+to+`"'), v.content_hash, v.warnings, v.submitted_at, v.token_id, v.submitted_by, v.role
		FROM reports o JOIN revisions v ON v.report_id = o.id AND v.revision = o.revision JOIN reports n ON n.unit_id = o.unit_id AND n.period = ?
		WHERE o.unit_id = ? AND o.period = ?`, to, u.ID, from)
	set := make([]string, len(models.TotalNames))
	for i, c := range models.TotalNames {
		set[i] = c + " = totals." + c + " + excluded." + c
	}
	tcols := strings.Join(models.TotalNames, ", ")
	for a := u; a != nil; a = a.Parent {
		exec("INSERT INTO totals (unit_id, period, scope, "+tcols+") SELECT ?, ?, scope, "+tcols+" FROM totals WHERE unit_id = ? AND period = ?"+
			" ON CONFLICT (unit_id, period, scope) DO UPDATE SET "+strings.Join(set, ", "), a.ID, to, u.ID, from)
	}
}
