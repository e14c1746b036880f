package store_test

import (
	"database/sql"
	"testing"

	"doingoai/internal/testenv"
	"doingoai/store"
)

// rawDB opens the test database with database/sql alone, as an operator's
// SQL client would.
func rawDB(t *testing.T, db testenv.DB) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite3", store.SQLiteDSN(db.Path, false, "FULL")
	if testenv.IsPostgres() {
		driver, dsn = "pgx", db.URL
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
