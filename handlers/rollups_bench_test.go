package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/internal/benchdata"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// benchAPI is the router over a benchmark database with an admin token,
// made once for every benchmark that reads it.
type benchAPI struct {
	once    sync.Once
	handler http.Handler
	token   string
	err     error
}

// serve returns the router over the database that path returns (made on
// the first call), or stops the benchmark if it cannot be made.
func (a *benchAPI) serve(b *testing.B, path func() (string, error)) (http.Handler, string) {
	a.once.Do(func() {
		p, err := path()
		if err != nil {
			a.err = err
			return
		}
		a.handler, a.token, a.err = serveBench(context.Background(), p)
	})
	if a.err != nil {
		b.Fatal(a.err)
	}
	return a.handler, a.token
}

var national benchAPI

// nationalAPI serves the national dataset: 10,472 communes, ten years of
// reports (see internal/benchdata); on PostgreSQL with BENCH_DATABASE_URL.
func nationalAPI(b *testing.B) (http.Handler, string) {
	path := benchdata.Target(b, "..")
	return national.serve(b, func() (string, error) { return path, nil })
}

// serveBench opens the database at path, migrates it and answers the
// router over it with an admin token, for the benchmarks.
func serveBench(ctx context.Context, path string) (http.Handler, string, error) {
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return nil, "", err
	}
	if _, err := s.Migrate(ctx); err != nil {
		return nil, "", err
	}
	token, _, err := testenv.CreateToken(s, models.TokenInput{Role: models.RoleAdmin, Name: "bench"})
	return api.New(api.Config{Store: s}), token, err
}

// benchGET requests url b.N times and reports the median and 99th
// percentile latency through the router, with the JSON encoding.
func benchGET(b *testing.B, url, contains string) {
	h, token := nationalAPI(b)
	benchGETOn(b, h, token, url, contains)
}

// benchGETOn is benchGET against a handler of one's choice.
func benchGETOn(b *testing.B, h http.Handler, token, url, contains string) {
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", url, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		durations = append(durations, time.Since(start))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), contains) {
			b.Fatalf("%s: %d %.300s", url, rec.Code, rec.Body.String())
		}
	}
	b.StopTimer()
	slices.Sort(durations)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(durations[len(durations)/2]), "p50-ms")
	b.ReportMetric(ms(durations[len(durations)*99/100]), "p99-ms")
}

func BenchmarkRollupNational(b *testing.B) {
	benchGET(b, "/api/v1/rollups?unit=VN&period=2024", `"communes_reported":10472`)
}

func BenchmarkRollupNationalByProvince(b *testing.B) {
	benchGET(b, "/api/v1/rollups?unit=VN&period=2024&by=child", `"unit_code":"96"`)
}

func BenchmarkRollupDistrict(b *testing.B) {
	benchGET(b, "/api/v1/rollups?unit=167&period=2024", `"communes_reported":23`)
}

func BenchmarkRollupNationalSeries(b *testing.B) {
	benchGET(b, "/api/v1/rollups?unit=VN&periods="+strings.Join(benchdata.Periods, ","), `"period":"2015"`)
}

func BenchmarkCompletenessProvince(b *testing.B) {
	benchGET(b, "/api/v1/completeness?unit=19&period=2024", `"expected":`)
}

// Hà Nội has the most communes of any province (579).
func BenchmarkCompletenessLargestProvince(b *testing.B) {
	benchGET(b, "/api/v1/completeness?unit=01&period=2024", `"expected":579`)
}
