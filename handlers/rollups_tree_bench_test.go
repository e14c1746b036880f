package handlers_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/internal/benchdata"
	"doingoai/models"
	"doingoai/store"
)

var reformed struct {
	once    sync.Once
	handler http.Handler
	token   string
	err     error
}

// reformedAPI serves the national dataset (ten years of reports of the
// 10,472 communes of 2024) after the two reorganisations of 2025, applied
// from the national files to a copy: the country of today, with its past.
func reformedAPI(b *testing.B) (http.Handler, string) {
	base := benchdata.Path(b, "..")
	reformed.once.Do(func() {
		ctx := context.Background()
		path := strings.TrimSuffix(base, ".db") + "-reformed-2025.db"
		if _, err := os.Stat(path); err != nil {
			src, err := store.Open(ctx, base, store.Options{})
			if err != nil {
				reformed.err = err
				return
			}
			tmp := path + ".building"
			os.Remove(tmp)
			_, err = src.Backup(ctx, tmp)
			src.Close()
			if err != nil {
				reformed.err = err
				return
			}
			s, err := store.Open(ctx, tmp, store.Options{})
			if err != nil {
				reformed.err = err
				return
			}
			start := time.Now()
			for _, r := range []struct{ on, units, m string }{
				{"2025-01-01", "units-vn-2025-03-01.csv", ""}, {"2025-07-01", "units-vn-2025-07-01.csv", "reform-2025-07-01.csv"},
			} {
				in := store.ReformInput{On: models.MustDate(r.on), Units: benchUnits(b, r.units), Map: benchMap(b, r.m)}
				if _, err := s.Reform(ctx, models.CommandLine, in); err != nil {
					reformed.err = err
					s.Close()
					return
				}
			}
			b.Logf("the 2025 reorganisations applied to the national dataset in %s", time.Since(start).Round(time.Millisecond))
			s.Close()
			if reformed.err = os.Rename(tmp, path); reformed.err != nil {
				return
			}
		}
		reformed.handler, reformed.token, reformed.err = serveBench(ctx, path)
	})
	if reformed.err != nil {
		b.Fatal(reformed.err)
	}
	return reformed.handler, reformed.token
}

func benchUnits(b *testing.B, name string) []models.UnitRow {
	f, err := os.ReadFile("../testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := models.ParseUnitsCSV(strings.NewReader(string(f)))
	if err != nil {
		b.Fatal(err)
	}
	return rows
}

func benchMap(b *testing.B, name string) []models.Succession {
	text := "old_code,new_code,share\n"
	if name != "" {
		f, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		text = string(f)
	}
	m, err := models.ParseSuccessionsCSV(strings.NewReader(text))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// The 2024 figures of the whole country in the tree of 2025-07-01: the
// target is a p50 under 5 ms (a province under 2 ms), as in today's tree.
func BenchmarkRollupTree2025National(b *testing.B) {
	h, tok := reformedAPI(b)
	benchGETOn(b, h, tok, "/api/v1/rollups?unit=VN&period=2024&tree=2025-07-01", `"tree":"2025-07-01"`)
}

// New Thái Nguyên = old Thái Nguyên + old Bắc Kạn.
func BenchmarkRollupTree2025Province(b *testing.B) {
	h, tok := reformedAPI(b)
	benchGETOn(b, h, tok, "/api/v1/rollups?unit=19&period=2024&tree=2025-07-01", `"tree":"2025-07-01"`)
}

func BenchmarkRollupTree2025ProvinceByCommune(b *testing.B) {
	h, tok := reformedAPI(b)
	benchGETOn(b, h, tok, "/api/v1/rollups?unit=19&period=2024&tree=2025-07-01&by=child", `"unit_code":"05581"`)
}

func BenchmarkRollupTree2025NationalByProvince(b *testing.B) {
	h, tok := reformedAPI(b)
	benchGETOn(b, h, tok, "/api/v1/rollups?unit=VN&period=2024&tree=2025-07-01&by=child", `"unit_code":"96"`)
}

func BenchmarkRollupTree2025ProvinceSeries(b *testing.B) {
	h, tok := reformedAPI(b)
	benchGETOn(b, h, tok, "/api/v1/rollups?unit=19&periods="+strings.Join(benchdata.Periods, ",")+"&tree=2025-07-01", `"period":"2015"`)
}
