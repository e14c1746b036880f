package main

import (
	"strings"
	"testing"
)

// TestUnitsCheckCommand: `units check` prints the stored reports of units
// that ended before their period's last day and exits 1 when there is any.
// Bộc Nhiêu's 2025 draft, imported before the July reform was recorded,
// becomes one when the reform ends the commune on 2025-06-30; after it the
// import command cannot save a 2025 report of Bộc Nhiêu (unit_ended, naming
// xã Trung Hội) and still saves 2025S1.
func TestUnitsCheckCommand(t *testing.T) {
	db := dinhHoaDB(t).URL
	if r := run(t, db, "units", "check"); r.code != 0 || !strings.Contains(r.stdout, "every stored report belongs to a unit that existed") {
		t.Fatalf("units check on a database without such reports: %+v", r)
	}
	doc := "testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt"
	if r := run(t, db, "import", doc, "--unit", "05596", "--period", "2025", "--save"); r.code != 0 {
		t.Fatalf("import before the reform: %+v", r)
	}
	for _, args := range [][]string{
		{"units", "reform", "--on", "2025-01-01", "--units", "demo/units-dinh-hoa-2025-01-01.csv", "--map", "demo/reform-dinh-hoa-2025-01-01.csv", "--scope", "167"},
		{"units", "reform", "--on", "2025-07-01", "--units", "demo/units-thai-nguyen-2025-07-01.csv", "--map", "demo/reform-dinh-hoa-2025-07-01.csv", "--scope", "19"},
	} {
		if r := run(t, db, args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	r := run(t, db, "units", "check")
	if r.code != 1 || !strings.Contains(r.stdout, "1 stored reports of units that ended") ||
		!strings.Contains(r.stdout, "05596 Xã Bộc Nhiêu 2025: revision 1, draft; the unit ended on 2025-06-30, reported for by 05581 Xã Trung Hội (full)") {
		t.Errorf("units check after the reform: %+v", r)
	}
	r = run(t, db, "import", doc, "--unit", "05596", "--period", "2025", "--save")
	if r.code != 1 || !strings.Contains(r.stderr, "Xã Bộc Nhiêu (05596) ended on 2025-06-30 and cannot report for 2025") || !strings.Contains(r.stderr, "Xã Trung Hội (05581)") {
		t.Errorf("import of 2025 after the reform: %+v", r)
	}
	if r = run(t, db, "import", doc, "--unit", "05596", "--period", "2025S1", "--save"); r.code != 0 {
		t.Errorf("import of 2025S1 after the reform: %+v", r)
	}
	if r = run(t, db, "units", "check"); r.code != 1 || strings.Contains(r.stdout, "2025S1") {
		t.Errorf("2025S1 is a period Bộc Nhiêu covered: %+v", r)
	}
}
