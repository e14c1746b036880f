package consolidated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"doingoai/consolidated"
	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// hanoi loads Hà Nội as it was before the 2025 reform (30 districts, 579
// communes, from the national list of 2024-11-01) and a seed-sized 2024
// report for every commune: Bộc Nhiêu's, with figures, difficulties and
// NGO projects varied from commune to commune.
func hanoi(b *testing.B) (*store.Store, *models.TreeUnit) {
	b.Helper()
	s := testenv.Open(b, testenv.NewClock(time.Date(2024, 12, 10, 9, 0, 0, 0, models.Vietnam)))
	ctx := context.Background()
	f, err := os.Open("../testdata/units-vn-2024-11-01.csv")
	if err != nil {
		b.Fatal(err)
	}
	rows, err := models.ParseUnitsCSV(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	inHanoi := map[string]bool{"01": true}
	var keep []models.UnitRow
	for _, r := range rows { // parents come before their children in the list
		if inHanoi[r.Code] || inHanoi[r.ParentCode] {
			inHanoi[r.Code] = true
			keep = append(keep, r)
		}
	}
	if _, err := s.ImportUnits(ctx, models.CommandLine, keep); err != nil {
		b.Fatal(err)
	}
	t, err := s.Tree(ctx)
	if err != nil {
		b.Fatal(err)
	}
	province := t.ByCode("01")
	communes := t.Communes(province, models.Period{Year: 2024})
	if len(communes) != 579 {
		b.Fatalf("Hà Nội has %d communes, want 579", len(communes))
	}
	var seed map[string]any
	if err := json.Unmarshal(demo.BocNhieu2024, &seed); err != nil {
		b.Fatal(err)
	}
	var wg sync.WaitGroup
	var failed atomic.Value
	sem := make(chan struct{}, 32)
	for i, u := range communes {
		m := map[string]any{}
		_ = json.Unmarshal(demo.BocNhieu2024, &m)
		m["unit_code"] = u.Code
		m["delegations"].(map[string]any)["inbound_domestic"] = map[string]any{"count": i % 9}
		m["difficulties"] = append(m["difficulties"].([]any), fmt.Sprintf("Địa bàn %s còn nhiều khó khăn về giao thông", u.Name))
		if i%5 == 0 {
			m["ngo_aid"].(map[string]any)["projects"] = []any{map[string]any{"name": "Nước sạch cho trường học " + u.Name,
				"donor": "Plan International", "country": "Anh", "committed_vnd": 500000000 + i, "disbursed_vnd": 300000000}}
		}
		body, _ := json.Marshal(m)
		var rep models.Report
		if err := models.DecodeJSON(body, &rep, models.ReportReadOnly); err != nil {
			b.Fatal(err)
		}
		var p models.Problems
		warnings := models.CheckReport(&rep, s.Now(), &p)
		canonical, hash, err := rep.Canonical()
		if err != nil {
			b.Fatal(err)
		}
		sub := &store.Submission{Principal: models.CommandLine, Unit: u, Period: "2024", Status: models.StatusSubmitted,
			Body: canonical, Hash: hash, Warnings: warnings, Figures: models.FiguresOf(&rep)}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := s.Submit(ctx, sub); err != nil {
				failed.Store(err)
			}
		}()
	}
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	return s, province
}

// BenchmarkConsolidatedHanoi drafts Hà Nội's 2024 report from its 579
// communes' reports and writes the Word document. Targets: under 1 s and
// under 50 MB of extra memory (peak-MB: the most the heap grew while
// drafting, sampled every millisecond).
func BenchmarkConsolidatedHanoi(b *testing.B) {
	s, province := hanoi(b)
	ctx := context.Background()
	var size int
	var peak uint64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		stop, done := make(chan struct{}), make(chan uint64)
		go func() {
			var top uint64
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				top = max(top, m.HeapAlloc)
				select {
				case <-stop:
					done <- top
					return
				case <-tick.C:
				}
			}
		}()
		rep, err := consolidated.Build(ctx, s, province, models.Period{Year: 2024}, consolidated.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := rep.Write(&buf, s.Now()); err != nil {
			b.Fatal(err)
		}
		close(stop)
		if top := <-done; top > base {
			peak = max(peak, top-base)
		}
		size = buf.Len()
		if rep.Completeness.Counted != 579 {
			b.Fatalf("%d reports counted, want 579", rep.Completeness.Counted)
		}
		_, _ = io.Discard.Write(buf.Bytes())
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(size)/(1<<10), "docx-KB")
}
