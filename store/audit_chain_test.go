package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"doingoai/internal/testenv"
	"doingoai/models"
)

// TestAuditClosedToReplaceAndTruncate: the probe rewrote rows with REPLACE
// INTO on SQLite (the DELETE trigger does not fire for REPLACE) and emptied
// the table with TRUNCATE on PostgreSQL. Both are refused, and the rows are
// as they were.
func TestAuditClosedToReplaceAndTruncate(t *testing.T) {
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, nil)
	testenv.LoadDinhHoa(t, s)
	raw := rawDB(t, db)
	var n int
	var actor string
	raw.QueryRowContext(ctx, "SELECT count(*) FROM audit_events").Scan(&n)
	raw.QueryRowContext(ctx, "SELECT actor FROM audit_events WHERE id = (SELECT min(id) FROM audit_events)").Scan(&actor)
	attacks := []string{"TRUNCATE audit_events"}
	if !testenv.IsPostgres() {
		attacks = []string{
			"REPLACE INTO audit_events (id, at, actor, role, action, detail) SELECT id, at, 'someone else', role, action, detail FROM audit_events",
			"INSERT OR REPLACE INTO audit_events (id, at, actor, role, action, detail) SELECT id, at, 'someone else', role, action, detail FROM audit_events",
			"INSERT INTO audit_events (id, at, actor, role, action, detail) SELECT id, at, 'x', role, action, detail FROM audit_events WHERE true ON CONFLICT (id) DO UPDATE SET actor = 'x'",
		}
	}
	for _, q := range attacks {
		if _, err := raw.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v", q, err)
		}
	}
	var after int
	var actorAfter string
	raw.QueryRowContext(ctx, "SELECT count(*) FROM audit_events").Scan(&after)
	raw.QueryRowContext(ctx, "SELECT actor FROM audit_events WHERE id = (SELECT min(id) FROM audit_events)").Scan(&actorAfter)
	if n == 0 || after != n || actorAfter != actor {
		t.Errorf("the trail changed: %d rows → %d, first actor %q → %q", n, after, actor, actorAfter)
	}
	if c, err := s.VerifyAudit(ctx); err != nil || c.BadID != 0 || c.Entries != int64(n) {
		t.Errorf("verify: %+v %v", c, err)
	}
}

// TestAuditChainDetectsTampering: an edit made directly in the database,
// past the triggers, is found by VerifyAudit, which names the entry; so is
// a deleted entry (at the entry after it).
func TestAuditChainDetectsTampering(t *testing.T) {
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, nil)
	testenv.LoadDinhHoa(t, s)
	for i := 0; i < 5; i++ {
		testenv.Token(t, s, models.RoleCommune, "05596", fmt.Sprint("tamper ", i))
	}
	c, err := s.VerifyAudit(ctx)
	if err != nil || c.BadID != 0 || c.Entries < 6 || c.Unchained != 0 {
		t.Fatalf("intact trail: %+v %v", c, err)
	}
	raw := rawDB(t, db)
	var ids []int64
	rows, err := raw.QueryContext(ctx, "SELECT id FROM audit_events ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	// Past the triggers, as someone with the database's owner rights would.
	disable, enable := "DROP TRIGGER audit_events_no_update", ""
	if testenv.IsPostgres() {
		disable, enable = "ALTER TABLE audit_events DISABLE TRIGGER USER", "ALTER TABLE audit_events ENABLE TRIGGER USER"
	}
	if _, err := raw.ExecContext(ctx, disable); err != nil {
		t.Fatal(err)
	}
	if testenv.IsPostgres() {
		defer raw.ExecContext(context.Background(), enable)
	}
	edited := ids[3]
	if _, err := raw.ExecContext(ctx, fmt.Sprintf("UPDATE audit_events SET detail = '{\"name\":\"forged\"}' WHERE id = %d", edited)); err != nil {
		t.Fatal(err)
	}
	c, err = s.VerifyAudit(ctx)
	if err != nil || c.BadID != edited || !strings.Contains(c.Reason, "changed") {
		t.Errorf("an edited entry: %+v %v, want %d", c, err, edited)
	}
	// Even with its hash recomputed, the entry after it no longer follows.
	if !testenv.IsPostgres() {
		raw.ExecContext(ctx, "DROP TRIGGER audit_events_no_delete")
	}
	if _, err := raw.ExecContext(ctx, fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", edited)); err != nil {
		t.Fatal(err)
	}
	c, err = s.VerifyAudit(ctx)
	if err != nil || c.BadID != ids[4] || !strings.Contains(c.Reason, "follow") {
		t.Errorf("a deleted entry: %+v %v, want %d", c, err, ids[4])
	}
}

// TestAuditChainWithConcurrentWriters: two stores on one database (two
// servers on PostgreSQL) append at once; the chain stays one chain.
func TestAuditChainWithConcurrentWriters(t *testing.T) {
	db := testenv.NewDB(t)
	a := testenv.OpenDB(t, db, nil)
	testenv.LoadDinhHoa(t, a)
	b := testenv.OpenDB(t, db, nil)
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Go(func() {
			if _, _, err := testenv.CreateToken(s, models.TokenInput{Role: models.RoleCommune, UnitCode: "05596", Name: fmt.Sprint("w", i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	c, err := a.VerifyAudit(ctx)
	if err != nil || c.BadID != 0 || c.Entries < 41 {
		t.Errorf("after concurrent appends: %+v %v", c, err)
	}
}
