package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of a SQLite database to path while the
// server goes on serving: VACUUM INTO reads one snapshot of the database (a
// WAL read transaction, so writers are not stopped) and writes it as a new,
// compact database file. The copy is then checked with PRAGMA
// integrity_check. It returns the size of the copy.
func (s *Store) Backup(ctx context.Context, path string) (int64, error) {
	if s.dialect != SQLite {
		return 0, errors.New("backup copies SQLite databases; for PostgreSQL use pg_dump")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, err
	}
	if _, err := os.Stat(abs); err == nil {
		return 0, fmt.Errorf("%s already exists; a backup never overwrites a file", path)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
		return 0, err
	}
	// A connection of its own: the readers' pool is query-only, which
	// SQLite takes to forbid VACUUM INTO, and the writer must go on
	// committing submissions while the copy is made. VACUUM INTO holds a
	// read transaction only, so in WAL mode it blocks no one.
	conn, err := sql.Open("sqlite3", SQLiteDSN(s.path, false, "FULL"))
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
		return 0, fmt.Errorf("backup: %w", err)
	}
	if err := CheckIntegrity(ctx, abs); err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// CheckIntegrity runs PRAGMA integrity_check on the SQLite file at path.
func CheckIntegrity(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", SQLiteDSN(path, true, "FULL"))
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check failed: %s", res)
	}
	return nil
}
