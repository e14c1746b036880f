package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"doingoai/internal/loadtest"
)

// TestUnitsReformCommand runs `units reform` as an operator would: a dry
// run prints what would change and writes nothing, the run applies it, a
// second run changes nothing, and a bad map exits non-zero naming each
// line, having written nothing.
func TestUnitsReformCommand(t *testing.T) {
	bin := binary(t)
	db := dinhHoaDB(t).URL
	args := []string{"units", "reform", "--on", "2025-07-01", "--units", "demo/units-thai-nguyen-2025-07-01.csv", "--map", "demo/reform-dinh-hoa-2025-07-01.csv", "--scope", "19"}
	out, err := loadtest.Run(bin, db, nil, append(args, "--dry-run")...)
	if err != nil || !strings.Contains(out, "dry run: nothing written") || !strings.Contains(out, "92 units created") || !strings.Contains(out, "codes reused by a new unit") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	again, err := loadtest.Run(bin, db, nil, append(args, "--dry-run")...)
	if err != nil || again != out {
		t.Errorf("a dry run wrote: the second says\n%s", again)
	}
	if out, err = loadtest.Run(bin, db, nil, args...); err != nil || !strings.Contains(out, "23 successions recorded") || !strings.Contains(out, "warning: 1 commune-level units retired without a successor") {
		t.Fatalf("run: %v\n%s", err, out)
	}
	if out, err = loadtest.Run(bin, db, nil, args...); err != nil || !strings.Contains(out, "nothing to change") {
		t.Errorf("second run: %v\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("old_code,new_code,share\n05596,05581,whole\n"), 0o644)
	_, err = loadtest.Run(bin, db, nil, "units", "reform", "--on", "2026-01-01", "--units", "demo/units-thai-nguyen-2025-07-01.csv", "--map", bad)
	if err == nil || !strings.Contains(err.Error(), "line 2.share") {
		t.Errorf("a bad share: %v", err)
	}
	_, err = loadtest.Run(bin, db, nil, "units", "reform", "--on", "2025-13-01", "--units", "x.csv", "--map", "y.csv")
	if err == nil || !strings.Contains(err.Error(), "--on") {
		t.Errorf("a date that is not a date: %v", err)
	}
}
