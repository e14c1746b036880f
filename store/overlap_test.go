package store_test

import (
	"database/sql"
	"strings"
	"testing"

	"doingoai/internal/testenv"
	"doingoai/store"
)

// TestCodeOverlapEnforcedByDatabase: the database itself refuses a second
// unit with a code on days another unit has it, whatever writes it (here
// plain SQL, past every check of the store): an exclusion constraint or a
// trigger on PostgreSQL, triggers on SQLite.
func TestCodeOverlapEnforcedByDatabase(t *testing.T) {
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	pool := s.Pools()["writer"]
	if s.Dialect() == store.Postgres {
		pool = s.Pools()["postgres"]
		var guard string
		if err := pool.QueryRowContext(ctx, "SELECT units_overlap_guard()").Scan(&guard); err != nil {
			t.Fatal(err)
		}
		t.Logf("PostgreSQL guards unit codes with: %s", guard)
	}
	ins := func(code, from, to string) error {
		var f, tt any
		if from != "" {
			f = from
		}
		if to != "" {
			tt = to
		}
		q := "INSERT INTO units (code, name, name_folded, kind, parent_id, valid_from, valid_to, created_at, updated_at) " +
			"SELECT $1, 'x', 'x', 'commune', id, $2, $3, 0, 0 FROM units WHERE code = '167'"
		_, err := pool.ExecContext(ctx, q, code, f, tt)
		return err
	}
	checkOverlapGuard(t, ins, pool)
	// Another trigger's refusal (on SQLite the same extended code) is not
	// an overlap.
	if _, err := pool.ExecContext(ctx, "DELETE FROM audit_events"); err == nil || store.IsOverlap(err) {
		t.Errorf("the audit trail's trigger: %v", err)
	}
	if s.Dialect() == store.Postgres {
		// The fallback where btree_gist cannot be installed: the trigger.
		for _, q := range []string{"DELETE FROM units WHERE code = 'ZZ1'", "ALTER TABLE units DROP CONSTRAINT units_code_no_overlap",
			"CREATE TRIGGER units_code_no_overlap BEFORE INSERT OR UPDATE OF code, valid_from, valid_to ON units FOR EACH ROW EXECUTE FUNCTION units_code_no_overlap()"} {
			if _, err := pool.ExecContext(ctx, q); err != nil {
				t.Fatal(q, err)
			}
		}
		checkOverlapGuard(t, ins, pool)
	}
}

func checkOverlapGuard(t *testing.T, ins func(code, from, to string) error, pool *sql.DB) {
	t.Helper()
	if err := ins("ZZ1", "2020-01-01", "2099-12-31"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ from, to string }{{"2020-01-01", "2099-12-31"}, {"2099-12-31", ""}, {"", "2020-01-01"}, {"2030-05-05", "2030-05-05"}} {
		err := ins("ZZ1", c.from, c.to)
		if err == nil || !strings.Contains(err.Error(), "units_code_no_overlap") || !store.IsOverlap(err) || store.IsUniqueViolation(err) {
			t.Errorf("ZZ1 %s..%s beside 2020-01-01..2099-12-31: %v", c.from, c.to, err)
		}
	}
	if err := ins("ZZ1", "2100-01-01", ""); err != nil {
		t.Errorf("the day after is free: %v", err)
	}
	if _, err := pool.ExecContext(ctx, "UPDATE units SET valid_to = '2100-06-01' WHERE code = 'ZZ1' AND valid_from = '2020-01-01'"); err == nil || !strings.Contains(err.Error(), "units_code_no_overlap") || !store.IsOverlap(err) {
		t.Errorf("an update that makes two intervals overlap: %v", err)
	}
	// The demo's 05596 (no dates) leaves no day free for another 05596.
	if err := ins("05596", "2030-01-01", ""); err == nil {
		t.Error("a second 05596 beside one with no dates was accepted")
	}
}
