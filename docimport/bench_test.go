package docimport

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"doingoai/internal/docxtest"
)

// BenchmarkRead reads the seed (a 13 KB report) from its bytes to the
// draft with its found and not_found lists: the work of an import less the
// unit lookup and the HTTP round trip. The target is < 20 ms.
func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		b.Fatal(err)
	}
	for name, data := range map[string][]byte{"text": src, "docx": docxtest.FromText(string(src), "UBND XÃ BỘC NHIÊU")} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				lines, _, err := Lines(data)
				if err != nil {
					b.Fatal(err)
				}
				if res := Read(lines); len(res.Found) == 0 {
					b.Fatal("nothing found")
				}
			}
		})
	}
}

// BenchmarkReadBlind reads every report of the blind corpus, as text and
// as .docx, and reports the median (p50-ms) and p95 (p95-ms) time of one
// report's read, from its bytes to the draft. The target is p50 < 20 ms.
func BenchmarkReadBlind(b *testing.B) {
	var docs [][]byte
	for _, part := range []string{"dev", "heldout"} {
		files, _ := filepath.Glob(filepath.Join("testdata", "blind", part, "*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".docx") {
				data, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				docs = append(docs, data)
			}
		}
	}
	if len(docs) == 0 {
		b.Fatal("no blind reports")
	}
	var times []time.Duration
	for b.Loop() {
		for _, data := range docs {
			start := time.Now()
			lines, _, err := Lines(data)
			if err != nil {
				b.Fatal(err)
			}
			Read(lines)
			times = append(times, time.Since(start))
		}
	}
	slices.Sort(times)
	ms := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}
