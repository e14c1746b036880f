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

// TestFromTextOldToneMarks: a header typed with the old placement of the
// tone marks ("UỶ BAN NHÂN DÂN", "CỘNG HOÀ …") is laid out as one typed
// with the new: the issuer's body in the left column above the unit's
// name, the motto once, in the right column.
func TestFromTextOldToneMarks(t *testing.T) {
	doc := FromText("UỶ BAN NHÂN DÂN\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ THUỶ THỬ\tĐộc lập - Tự do - Hạnh phúc\nSố: 7/BC-UBND\tThuỷ Thử, ngày 2 tháng 3 năm 2024\nBÁO CÁO\n1. Đoàn ra: Không.\n", "")
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
	body, _, _ = strings.Cut(body, "</w:tbl>")
	issuer, unit, motto := strings.Index(body, "UỶ BAN NHÂN DÂN"), strings.Index(body, "XÃ THUỶ THỬ"), strings.Index(body, "Độc lập")
	if issuer < 0 || unit < 0 || issuer > unit || motto < unit {
		t.Errorf("the issuer's body at %d, its name at %d, the motto at %d: want the body above the name in the left column, the motto after", issuer, unit, motto)
	}
	if strings.Contains(body, "CỘNG HOÀ") {
		t.Errorf("the motto is written twice")
	}
}
