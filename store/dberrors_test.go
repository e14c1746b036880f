package store_test

import (
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"doingoai/internal/testenv"
	"doingoai/store"
)

// TestDatabaseErrorsByCode: the errors the store acts on are told from the
// real drivers' errors by type and code, on the database under test.
func TestDatabaseErrorsByCode(t *testing.T) {
	db := testenv.NewDB(t)
	testenv.OpenDB(t, db, nil).Close() // migrated
	raw := rawDB(t, db)

	_, err := raw.Exec("INSERT INTO tree_version (id, version) VALUES (1, 0)")
	if err == nil || !store.IsUniqueViolation(err) || store.IsOverflow(err) || store.IsRetryable(err) {
		t.Errorf("a duplicate primary key: %v", err)
	}
	overflow := "SELECT CAST(9223372036854775807 AS BIGINT) + 1"
	if !testenv.IsPostgres() {
		if _, err := raw.Exec("CREATE TEMP TABLE t (v INTEGER) STRICT"); err != nil {
			t.Fatal(err)
		}
		overflow = "INSERT INTO t VALUES (9223372036854775807 + 1)"
	}
	_, err = raw.Exec(overflow)
	if err == nil || !store.IsOverflow(err) || store.IsUniqueViolation(err) {
		t.Errorf("an overflow: %v", err)
	}
	for _, code := range []string{"40P01", "40001"} {
		err := fmt.Errorf("commit: %w", &pgconn.PgError{Code: code})
		if !store.IsRetryable(err) {
			t.Errorf("SQLSTATE %s is not retried", code)
		}
	}
	if store.IsRetryable(fmt.Errorf("deadlock detected (SQLSTATE 40P01)")) {
		t.Error("a message that only looks like a deadlock is retried")
	}
}
