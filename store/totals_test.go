package store_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// randomSubmission is a report of a commune with random figures, some of
// them null, and a random status.
func randomSubmission(s *store.Store, rng *rand.Rand, unit *models.TreeUnit, period string) *store.Submission {
	var f models.Figures
	for m := models.Measure(0); m < models.NumMeasures; m++ {
		if rng.IntN(4) > 0 {
			f.Put(m, rng.Int64N(5000))
		}
	}
	status := models.StatusSubmitted
	if rng.IntN(5) == 0 {
		status = models.StatusDraft
	}
	body := []byte(fmt.Sprintf(`{"unit_code":%q,"period":%q,"n":%d}`, unit.Code, period, rng.Int64()))
	return &store.Submission{Principal: models.CommandLine, Unit: unit, Period: period, Status: status, Body: body,
		Hash: body, Warnings: []models.Warning{}, Figures: f}
}

// TestTotalsNeverDrift: after concurrent submissions, amendments, drafts
// refused, and units moved between districts and provinces, every
// maintained total equals a recomputation from the reports.
func TestTotalsNeverDrift(t *testing.T) {
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	if _, err := s.CreateUnit(ctx, models.CommandLine, models.UnitInput{Code: "05431", Name: "Phường Quán Triều", Kind: models.KindWard, ParentCode: "164"}); err != nil {
		t.Fatal(err)
	}
	tr, _ := s.Tree(ctx)
	var communes []*models.TreeUnit
	communes = append(communes, tr.ByCode("167").Children...)
	communes = append(communes, tr.ByCode("05431"))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for i := 0; i < 40; i++ {
				u := communes[rng.IntN(len(communes))]
				period := []string{"2023", "2024", "2024S1"}[rng.IntN(3)]
				if _, err := s.Submit(ctx, randomSubmission(s, rng, u, period)); err != nil && models.ErrorCode(err) != models.ECONFLICT {
					t.Error(err)
				}
			}
		}(g)
	}
	wg.Wait()
	if err := s.CheckTotals(ctx); err != nil {
		t.Fatal("after submissions:", err)
	}
	// Moves: a commune to another district, a district to the province's
	// root level, the ward to Định Hóa.
	for _, mv := range []struct{ code, parent string }{{"05596", "164"}, {"05431", "167"}, {"05599", "19"}} {
		p := mv.parent
		if _, err := s.UpdateUnit(ctx, models.CommandLine, mv.code, models.UnitPatch{ParentCode: &p}); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckTotals(ctx); err != nil {
			t.Fatalf("after moving %s under %s: %v", mv.code, mv.parent, err)
		}
	}
	// An import that moves a unit back.
	rows, _ := models.ParseUnitsCSV(stringsReader("code,name,kind,parent_code\n05596,Xã Bộc Nhiêu,commune,167\n"))
	if _, err := s.ImportUnits(ctx, models.CommandLine, rows); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckTotals(ctx); err != nil {
		t.Fatal("after an import moved a commune:", err)
	}
}

// TestTotalsOverflowIsAnError: a total that would pass the int64 range is
// refused as invalid on both databases (told by the driver's error code),
// never stored wrong, and the totals stay true to the reports.
func TestTotalsOverflowIsAnError(t *testing.T) {
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	tr, _ := s.Tree(ctx)
	sub := func(code string, v int64) *store.Submission {
		var f models.Figures
		f.Put(0, v)
		body := []byte(fmt.Sprintf(`{"unit_code":%q,"v":%d}`, code, v))
		return &store.Submission{Principal: models.CommandLine, Unit: tr.ByCode(code), Period: "2024", Status: models.StatusSubmitted,
			Body: body, Hash: body, Warnings: []models.Warning{}, Figures: f}
	}
	if _, err := s.Submit(ctx, sub("05596", math.MaxInt64-10)); err != nil {
		t.Fatal(err)
	}
	_, err := s.Submit(ctx, sub("05599", 100))
	if models.ErrorCode(err) != models.EINVALID || !strings.Contains(err.Error(), "largest number") {
		t.Fatalf("an overflowing total: %v", err)
	}
	if err := s.CheckTotals(ctx); err != nil {
		t.Error(err)
	}
}
