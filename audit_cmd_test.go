package main

import (
	"database/sql"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"doingoai/internal/loadtest"
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

// TestAuditVerifyKeyedWithAnchor: with AUDIT_KEY_FILE, `audit verify`
// reports the entries keyed and prints the anchor; after the newest
// entries are removed in the database the trail still verifies alone, but
// not --since the anchor noted before (exit 1); without the key the keyed
// entries cannot be checked (exit 1).
func TestAuditVerifyKeyedWithAnchor(t *testing.T) {
	tdb := dinhHoaDB(t)
	db := tdb.URL
	keyFile := filepath.Join(t.TempDir(), "audit.key")
	if err := os.WriteFile(keyFile, []byte("# the audit chain's key\n2026-12:0123456789abcdef0123456789abcdef0123456789abcdef\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	keyed := []string{"AUDIT_KEY_FILE=" + keyFile}
	runEnv(t, keyed, db, "token", "create", "--role", "commune", "--unit", "05596")
	runEnv(t, keyed, db, "token", "create", "--role", "admin")
	r := runEnv(t, keyed, db, "audit", "verify")
	m := regexp.MustCompile(`anchor: (\d+:[0-9a-f]{64})`).FindStringSubmatch(r.stdout)
	if r.code != 0 || !strings.Contains(r.stdout, "keyed (HMAC): 2 entries") || m == nil {
		t.Fatalf("keyed: %+v", r)
	}
	anchor := m[1]
	runEnv(t, keyed, db, "token", "create", "--role", "admin")
	if r := runEnv(t, keyed, db, "audit", "verify", "--since", anchor); r.code != 0 || !strings.Contains(r.stdout, "holding the anchor "+anchor) {
		t.Fatalf("--since on the whole trail: %+v", r)
	}
	if r := run(t, db, "audit", "verify"); r.code != 1 || !strings.Contains(r.stdout, "not among the keys given") {
		t.Errorf("without the key: %+v", r)
	}

	// The server shows the same anchor on /metrics (and in its log).
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	srv := &loadtest.Server{Bin: binary(t), DB: db, Addr: addr, Env: append(keyed, "AUDIT_ANCHOR_EVERY=50ms")}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	var body []byte
	for i := 0; i < 100 && !strings.Contains(string(body), "doingoai_audit_head{"); i++ {
		res, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(res.Body)
		res.Body.Close()
		time.Sleep(20 * time.Millisecond)
	}
	srv.Stop()
	r = runEnv(t, keyed, db, "audit", "verify")
	want := regexp.MustCompile(`intact: (\d+) entries(?s:.*)anchor: (\S+)`).FindStringSubmatch(r.stdout)
	if want == nil || !strings.Contains(string(body), `doingoai_audit_head{anchor="`+want[2]+`"}`) || !strings.Contains(string(body), "doingoai_audit_entries "+want[1]+"\n") {
		t.Errorf("/metrics does not show the anchor %v:\n%s", want, regexp.MustCompile(`(?m)^doingoai_audit.*$`).FindAllString(string(body), -1))
	}

	driver, dsn := "sqlite3", store.SQLiteDSN(tdb.Path, false, "FULL")
	stmts := []string{"DROP TRIGGER audit_events_no_delete"}
	if testenv.IsPostgres() {
		driver, dsn, stmts = "pgx", tdb.URL, []string{"ALTER TABLE audit_events DISABLE TRIGGER USER"}
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	id, _, _ := strings.Cut(anchor, ":")
	for _, q := range append(stmts, "DELETE FROM audit_events WHERE id >= "+id) {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if r := runEnv(t, keyed, db, "audit", "verify"); r.code != 0 {
		t.Errorf("the cut trail alone: %+v", r)
	}
	if r := runEnv(t, keyed, db, "audit", "verify", "--since", anchor); r.code != 1 || !strings.Contains(r.stdout, "no longer in the trail") {
		t.Errorf("the cut trail --since its anchor: %+v", r)
	}
}
