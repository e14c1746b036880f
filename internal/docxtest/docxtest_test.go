package docxtest

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestFromTextTitleWithoutDiacritics: a report whose title is typed
// without its diacritics ("BAO CAO") is laid out as one titled "BÁO CÁO":
// the header in its table, the body after it as paragraphs.
func TestFromTextTitleWithoutDiacritics(t *testing.T) {
	for _, title := range []string{"BÁO CÁO", "BAO CAO"} {
		doc := FromText("UBND XÃ THỬ\n"+title+"\nKet qua cong tac doi ngoai nam 2024\n1. Doan ra: Khong.\n", "")
		zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
		if err != nil {
			t.Fatal(err)
		}
		var body string
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				body = string(b)
			}
		}
		end := strings.Index(body, "</w:tbl>")
		if at := strings.Index(body, "Doan ra"); end < 0 || at < end {
			t.Errorf("%s: the body's line is in the header's table (at %d, the table ends at %d)", title, at, end)
		}
	}
}
