package docimport

import (
	"os"
	"testing"

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
