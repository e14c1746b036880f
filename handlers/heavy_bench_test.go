package handlers_test

import (
	"sync"
	"testing"

	"doingoai/internal/apitest"
)

// BenchmarkHeavyRollupAttack is the probe's heavy rollup (one indicator
// named 7,400 times, twenty periods, by=child, as a workbook) on province
// 19, one request per operation, and twelve at once.
func BenchmarkHeavyRollupAttack(b *testing.B) {
	env := apitest.New(b)
	url := heavyRollup("19")
	b.Run("one", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if res := env.Do(b, "GET", url, "admin", "", nil); res.Status != 200 {
				b.Fatalf("%d %.200s", res.Status, res.Body)
			}
		}
	})
	b.Run("twelve-at-once", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var wg sync.WaitGroup
			for range 12 {
				wg.Go(func() {
					if res := env.Do(b, "GET", url, "admin", "", nil); res.Status != 200 {
						b.Errorf("%d %.200s", res.Status, res.Body)
					}
				})
			}
			wg.Wait()
		}
	})
}
