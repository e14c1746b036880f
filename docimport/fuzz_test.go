package docimport

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
	"doingoai/models"
)

// FuzzParseNumber: whatever the input, ParseNumber never panics, and a
// number it accepts is within range and reads back the same when written
// the Vietnamese way.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.169", "2.690,67", "04", "5,03", "3.6", "1.2345", "1,234.5", "0", "00", "1.000.000.000", "99999999999", ",5", "1,", ".1", "1..2", "1.16", "2.500.000.000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseNumber(s)
		if err != nil {
			return
		}
		if d.Units() < 0 {
			t.Fatalf("%q → %s is negative", s, d)
		}
		// Written back with "." for thousands and "," for decimals, it
		// reads the same.
		w := vietnamese(d)
		back, err := ParseNumber(w)
		if err != nil || back != d {
			t.Fatalf("%q → %s → %q → %s, %v", s, d, w, back, err)
		}
		if _, err := ParseMoney(s + " đồng"); err != nil && d.Places() == 0 {
			t.Fatalf("%q đồng is not money: %v", s, err)
		}
	})
}

// vietnamese writes d as Vietnamese documents do.
func vietnamese(d models.Decimal) string {
	s := d.String()
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// FuzzDocx: any document.xml, packaged as a .docx, is read without a
// panic, within the limits, and every figure the reader then sets has a
// found entry.
func FuzzDocx(f *testing.F) {
	f.Add(docxtest.DocumentXML([]docxtest.Block{docxtest.Para("BÁO CÁO"), docxtest.Para("Kết quả công tác đối ngoại năm 2024"), docxtest.Para("Xã có tổng số 1.169 hộ.")}))
	f.Add(docxtest.DocumentXML([]docxtest.Block{docxtest.Table{{{docxtest.Para("UBND XÃ A")}, {docxtest.P{docxtest.Ins("x"), docxtest.Del("y"), docxtest.Field{Code: "PAGE", Result: "1"}, docxtest.SDT("z"), docxtest.TextBox{"tb"}, docxtest.Br{}}}}}}))
	f.Add(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>1.169 hộ</w:t></w:r></w:p></w:body></w:document>`)
	f.Add(`<w:p><w:p><w:p>`)
	f.Fuzz(func(t *testing.T, xml string) {
		data := docxtest.Package(xml)
		lines, _, err := Lines(data)
		if err != nil {
			if models.ErrorCode(err) == models.EINTERNAL {
				t.Fatalf("an unclassified error: %v", err)
			}
			return
		}
		total := 0
		for _, l := range lines {
			total += len(l)
		}
		if total > MaxText+len(lines) || len(lines) > MaxLines {
			t.Fatalf("%d lines, %d bytes: over the limits", len(lines), total)
		}
		res := Read(lines)
		for _, fd := range res.Found {
			if fd.Field == "" {
				t.Fatal("a found entry without a field")
			}
		}
	})
}

func newZip(buf *bytes.Buffer) func(name, body string) {
	zw := zip.NewWriter(buf)
	return func(name, body string) {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
		zw.Close()
	}
}
