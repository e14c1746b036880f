package main

import (
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"doingoai/internal/testenv"
	"doingoai/store"
)

// TestAuditVerifyCommand: `audit verify` exits 0 with the count when the
// trail is intact, and 1 naming the first entry that does not match after
// an edit made directly in the database.
func TestAuditVerifyCommand(t *testing.T) {
	tdb := dinhHoaDB(t)
	db := tdb.URL
	run(t, db, "token", "create", "--role", "commune", "--unit", "05596")
	run(t, db, "token", "create", "--role", "admin")
	r := run(t, db, "audit", "verify")
	if r.code != 0 || !strings.Contains(r.stdout, "intact: 3 entries") {
		t.Fatalf("intact: %+v", r)
	}
	driver, dsn := "sqlite3", store.SQLiteDSN(tdb.Path, false, "FULL")
	disable := "DROP TRIGGER audit_events_no_update"
	if testenv.IsPostgres() {
		driver, dsn, disable = "pgx", tdb.URL, "ALTER TABLE audit_events DISABLE TRIGGER USER"
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var id int64
	raw.QueryRow("SELECT max(id) FROM audit_events WHERE action = 'token.create'").Scan(&id)
	if _, err := raw.Exec(disable); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE audit_events SET actor = 'someone else' WHERE id = $1", id); err != nil {
		t.Fatal(err)
	}
	r = run(t, db, "audit", "verify")
	if r.code != 1 || !strings.Contains(r.stdout, "audit entry "+itoa(id)+" does not match") {
		t.Errorf("after an edit: %+v", r)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
