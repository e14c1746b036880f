package models_test

import (
	"testing"
	"time"

	"doingoai/internal/loadtest"
	"doingoai/models"
)

// The CPU of one submission's handler work, outside the database: decode,
// check and canonical JSON of seed-sized reports (internal/loadtest.Body,
// as loadbench sends them).
func benchBodies() [][]byte {
	out := make([][]byte, 64)
	for i := range out {
		out[i] = loadtest.Body(loadtest.Commune{Code: "05596", Seed: uint64(i)}, "2024", 0)
	}
	return out
}

func BenchmarkDecodeReport(b *testing.B) {
	bodies := benchBodies()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		var r models.Report
		if err := models.DecodeJSON(bodies[i%len(bodies)], &r, models.ReportReadOnly); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckReport(b *testing.B) {
	bodies := benchBodies()
	reps := make([]models.Report, len(bodies))
	for i := range bodies {
		if err := models.DecodeJSON(bodies[i], &reps[i], models.ReportReadOnly); err != nil {
			b.Fatal(err)
		}
	}
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, models.Vietnam)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		var p models.Problems
		models.CheckReport(&reps[i%len(reps)], now, &p)
		if len(p.List()) > 0 {
			b.Fatal(p.List())
		}
	}
}

func BenchmarkCanonical(b *testing.B) {
	bodies := benchBodies()
	reps := make([]models.Report, len(bodies))
	for i := range bodies {
		if err := models.DecodeJSON(bodies[i], &reps[i], models.ReportReadOnly); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, _, err := reps[i%len(reps)].Canonical(); err != nil {
			b.Fatal(err)
		}
	}
}
