// Package benchdata builds the national dataset of the benchmarks: the
// whole country's units (testdata/units-vn-2024-11-01.csv, 10,472 communes)
// and ten years of reports for every commune (about 105,000), submitted
// through the store as the service stores them. Building takes a while, so
// the SQLite file is kept in the system's temporary folder, named by a hash
// of the schema, and reused by later runs.
package benchdata

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"doingoai/migrations"
	"doingoai/models"
	"doingoai/store"
)

// Periods are the years of reports in the dataset.
var Periods = []string{"2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"}

// Target is the database the benchmarks read: BENCH_DATABASE_URL when it
// is set (the same dataset on PostgreSQL, made by Build), else Path.
func Target(tb testing.TB, root string) string {
	if url := os.Getenv("BENCH_DATABASE_URL"); url != "" {
		return url
	}
	return Path(tb, root)
}

// Path returns the dataset's SQLite file, building it if needed. root is
// the repository's root (for testdata/).
func Path(tb testing.TB, root string) string {
	tb.Helper()
	name := "doingoai-bench-national-" + schemaHash(tb) + ".db"
	path := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	start := time.Now()
	if err := Build(context.Background(), tmp, filepath.Join(root, "testdata/units-vn-2024-11-01.csv"), nil); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("built the national dataset in %s: %s", time.Since(start).Round(time.Second), path)
	return path
}

func schemaHash(tb testing.TB) string {
	h := sha256.New()
	fsys, err := migrations.FS("sqlite")
	if err != nil {
		tb.Fatal(err)
	}
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(fsys, p)
			h.Write(b)
		}
		return nil
	})
	h.Write([]byte("dataset v1"))
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Build creates the dataset at dbURL.
func Build(ctx context.Context, dbURL, unitsCSV string, log func(string)) error {
	s, err := store.Open(ctx, dbURL, store.Options{Synchronous: "NORMAL"})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	f, err := os.Open(unitsCSV)
	if err != nil {
		return err
	}
	rows, err := models.ParseUnitsCSV(f)
	f.Close()
	if err != nil {
		return err
	}
	if _, err := s.ImportUnits(ctx, models.CommandLine, rows); err != nil {
		return err
	}
	t, err := s.Tree(ctx)
	if err != nil {
		return err
	}
	communes := t.Communes(t.Root, models.Period{Year: 2024})
	for _, period := range Periods {
		if err := submitAll(ctx, s, communes, period); err != nil {
			return err
		}
		if log != nil {
			log(fmt.Sprintf("period %s: %d reports", period, len(communes)))
		}
	}
	return nil
}

func submitAll(ctx context.Context, s *store.Store, communes []*models.TreeUnit, period string) error {
	work := make(chan *models.TreeUnit)
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for w := 0; w < 4*runtime.GOMAXPROCS(0)+32; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range work {
				if _, err := s.Submit(ctx, Submission(u, period)); err != nil {
					select {
					case errc <- err:
					default:
					}
				}
			}
		}()
	}
	for _, u := range communes {
		work <- u
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}

// Figures returns the deterministic, plausible figures of a commune for a
// period: every commune reports its profile; a third report no labour
// export figure (null, not zero).
func Figures(u *models.TreeUnit, period string) models.Figures {
	rng := rand.New(rand.NewPCG(uint64(u.ID), uint64(len(period))*31+uint64(period[3])))
	var f models.Figures
	hh := 500 + rng.Int64N(4000)
	f.Put(models.MHouseholds, hh)
	f.Put(models.MPopulation, hh*4+rng.Int64N(hh))
	f.Put(models.MPoorHouseholds, rng.Int64N(hh/10+1))
	f.Put(models.MNearPoorHouseholds, rng.Int64N(hh/12+1))
	f.Put(models.MIncomePerCapita, 30_000_000+rng.Int64N(60_000_000))
	f.Put(models.MEthnicMinorityShare, rng.Int64N(100*models.DecimalScale+1)/100*100)
	f.Put(models.MAreaHa, 100*models.DecimalScale+rng.Int64N(5000*models.DecimalScale))
	f.Put(models.MPartyMembers, rng.Int64N(400))
	f.Put(models.MDelegationsInDomestic, rng.Int64N(10))
	f.Put(models.MDelegationsInForeign, rng.Int64N(3))
	f.Put(models.MNgoProjects, rng.Int64N(3))
	f.Put(models.MNgoAidCommitted, rng.Int64N(3)*500_000_000)
	f.Put(models.MForeignResidents, rng.Int64N(5))
	if rng.IntN(3) > 0 {
		f.Put(models.MLaborExportWorkers, rng.Int64N(50))
	}
	return f
}

// Submission is the report of a commune for a period as the store takes it.
func Submission(u *models.TreeUnit, period string) *store.Submission {
	f := Figures(u, period)
	body := []byte(fmt.Sprintf(`{"unit_code":%q,"period":%q,"profile":{"households":%d,"population":%d}}`,
		u.Code, period, f.V[models.MHouseholds], f.V[models.MPopulation]))
	sum := sha256.Sum256(body)
	return &store.Submission{Principal: models.CommandLine, Unit: u, Period: period, Status: models.StatusSubmitted,
		Body: body, Hash: sum[:], Warnings: []models.Warning{}, Figures: f}
}
