package store_test

import (
	"bufio"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

func readUnits(t testing.TB, name string) []models.UnitRow {
	t.Helper()
	return readTestdata(t, name, models.ParseUnitsCSV)
}

func readMap(t testing.TB, name string) []models.Succession {
	t.Helper()
	if name == "" {
		m, _ := models.ParseSuccessionsCSV(strings.NewReader("old_code,new_code,share\n"))
		return m
	}
	return readTestdata(t, name, models.ParseSuccessionsCSV)
}

// readTestdata parses a file of the repository's testdata/.
func readTestdata[T any](t testing.TB, name string, parse func(io.Reader) (T, error)) T {
	t.Helper()
	f, err := os.Open("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := parse(bufio.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// NationalReform brings a database holding nothing but the country to
// today's: the list of 2024-11-01 imported, then the two reorganisations
// of 2025 from the national files (January: no public map, so the 441
// codes merged away then retire without a successor; July: the national
// map). It returns the time each step took.
func NationalReform(t testing.TB, s *store.Store) (imp, jan, jul time.Duration, rj, rl store.ReformResult) {
	t.Helper()
	ctx := t.Context()
	start := time.Now()
	if _, err := s.ImportUnits(ctx, models.CommandLine, readUnits(t, "units-vn-2024-11-01.csv")); err != nil {
		t.Fatal(err)
	}
	imp = time.Since(start)
	start = time.Now()
	var err error
	rj, err = s.Reform(ctx, models.CommandLine, store.ReformInput{On: models.MustDate("2025-01-01"), Units: readUnits(t, "units-vn-2025-03-01.csv"), Map: readMap(t, "")})
	if err != nil {
		t.Fatal(err)
	}
	jan = time.Since(start)
	start = time.Now()
	rl, err = s.Reform(ctx, models.CommandLine, store.ReformInput{On: models.MustDate("2025-07-01"), Units: readUnits(t, "units-vn-2025-07-01.csv"), Map: readMap(t, "reform-2025-07-01.csv")})
	if err != nil {
		t.Fatal(err)
	}
	jul = time.Since(start)
	return
}

// TestNationalReform applies the national reform from the files on a fresh
// database (both engines): every count as the data says, the 441 + 12 codes
// with no known successor reported, and a second run changes nothing.
func TestNationalReform(t *testing.T) {
	if testing.Short() {
		t.Skip("national data")
	}
	s := testenv.Open(t, nil)
	imp, jan, jul, rj, rl := NationalReform(t, s)
	t.Logf("%s: import %v, reform of 2025-01-01 %v, reform of 2025-07-01 %v", s.Dialect(), imp, jan, jul)
	abolished := map[string]bool{}
	f, err := os.ReadFile("../testdata/units-vn-2024-11-01-abolished-before-2025-07.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(f)), "\n")[1:] {
		abolished[strings.Split(l, ",")[0]] = true
	}
	if len(rj.RetiredWithoutSuccessor) != 441 {
		t.Errorf("January: %d retired without a successor, want the 441 codes merged away", len(rj.RetiredWithoutSuccessor))
	}
	for _, u := range rj.RetiredWithoutSuccessor {
		if !abolished[u.Code] {
			t.Errorf("January retired %s, which is not among the 441", u.Code)
		}
	}
	if rl.Created != 3355-34 || len(rl.CodesReused) != 3315 || len(rl.RetiredWithoutSuccessor) != 12 || rl.Successions < 10570 {
		t.Errorf("July: created %d, codes reused %d, without successor %d, successions %d", rl.Created, len(rl.CodesReused), len(rl.RetiredWithoutSuccessor), rl.Successions)
	}
	tr, err := s.Tree(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	day := models.MustDate("2025-07-01")
	provinces, communes := 0, 0
	for _, p := range tr.Root.Children {
		if p.ExistsOn(day) {
			provinces++
			for _, c := range p.Children {
				if c.ExistsOn(day) && c.Kind.CommuneLevel() {
					communes++
				}
			}
		}
	}
	if provinces != 34 || communes != 3321 {
		t.Errorf("the tree of 2025-07-01 has %d provinces and %d communes straight below them, want 34 and 3321", provinces, communes)
	}
	again, err := s.Reform(t.Context(), models.CommandLine, store.ReformInput{On: day, Units: readUnits(t, "units-vn-2025-07-01.csv"), Map: readMap(t, "reform-2025-07-01.csv")})
	if err != nil || again.Changed() {
		t.Errorf("second run: %+v %v", again.Changed(), err)
	}
}
