package docimport

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
)

// TestDocxPartsLibreOffice: a report as LibreOffice writes it to .docx
// (testdata/docx/phu-tien-2024-parts.fodt, converted with soffice
// --convert-to docx:"MS Word 2007 XML") with its header block in the
// first page's header, the default header and the footers carrying page
// numbers, a footnote after "412 đảng viên", a comment stating another
// population, a tracked deletion of the old one and a paragraph in a text
// frame. Its lines are those of Word's "Save as text": the first page's
// header, the body (without the note's mark: see docxparts.go), the note at
// the end; no page
// number, comment or deleted text. It reads the same figures, number and
// date as the report as text.
func TestDocxPartsLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/docx/phu-tien-2024-parts.docx")
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := Lines(data)
	if err != nil {
		t.Fatal(err)
	}
	head := []string{"UBND HUYỆN ĐỊNH HÓA", "UBND XÃ PHÚ TIẾN", "Số: 87/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phú Tiến, ngày 05 tháng 12 năm 2024", "BÁO CÁO"}
	if len(lines) < len(head) || !slices.Equal(lines[:len(head)], head) {
		t.Errorf("the first page's header does not come first: %q", lines[:min(len(lines), len(head))])
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"Đảng bộ xã có 21 chi bộ với 412 đảng viên.", "Kính gửi: Ủy ban nhân dân huyện Định Hóa.", "\n\n1 Số liệu đến ngày 30/11/2024."} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in the lines", want)
		}
	}
	if !strings.HasSuffix(all, "\n1 Số liệu đến ngày 30/11/2024.") {
		t.Errorf("the footnote is not at the end: %q", lines[len(lines)-3:])
	}
	for _, not := range []string{"9.999", "5.913", "Trang 1", "Trang 2", "/3", "năm 2024 - Trang"} {
		if strings.Contains(all, not) {
			t.Errorf("%q (a comment, a deletion, a page number) is in the lines", not)
		}
	}
	src, err := os.ReadFile("testdata/reports/phu-tien-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := Lines(src)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(Read(lines).Report)
	want, _ := json.Marshal(Read(text).Report)
	if string(got) != string(want) {
		t.Errorf("the .docx reads\n%s\nthe text\n%s", got, want)
	}
}

const relsHead = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`

func partXML(root, body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:` + root + ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + body + `</w:` + root + `>`
}

// TestDocxParts: without a first-page header the default one is read, its
// page numbers (a complex field, a simple field) left out; the footers are
// never read; the notes come after the body in the order of their marks,
// footnotes numbered 1, 2 and endnotes i, ii, their marks left out of the
// body's lines (they would change or hide its figures); a comment is never read;
// an extra part that is damaged or too large is left out and the document
// still reads.
func TestDocxParts(t *testing.T) {
	body := `<w:body>` +
		`<w:p><w:r><w:t>Xã có 1.169</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t xml:space="preserve"> hộ; 4.456 nhân khẩu</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:p><w:r><w:t>Có 3 đoàn ra</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:t>, 12 người</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:t>.</w:t></w:r></w:p>` +
		`<w:sectPr><w:headerReference w:type="even" r:id="rId9"/><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>`
	doc := partXML("document", body)
	rels := relsHead +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header9.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="/word/footnotes.xml"/>` +
		`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>` +
		`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`
	header := partXML("hdr", `<w:p><w:r><w:t>UBND XÃ A</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`+
		`<w:r><w:t>/</w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>5</w:t></w:r></w:fldSimple></w:p>`+
		`<w:p><w:r><w:t>A, ngày 1 tháng 2 năm 2024</w:t></w:r></w:p>`)
	footnotes := partXML("footnotes", `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`+
		`<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Gồm 7 người của huyện.</w:t></w:r></w:p></w:footnote>`+
		`<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Số liệu đến 30/11.</w:t></w:r></w:p></w:footnote>`+
		`<w:footnote w:id="8"><w:p><w:r><w:t>Không được dẫn.</w:t></w:r></w:p></w:footnote>`)
	endnotes := partXML("endnotes", `<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Đi Lào.</w:t></w:r></w:p></w:endnote>`)
	parts := [][2]string{
		{"word/_rels/document.xml.rels", rels},
		{"word/header1.xml", header},
		{"word/header9.xml", partXML("hdr", `<w:p><w:r><w:t>Trang chẵn 99</w:t></w:r></w:p>`)},
		{"word/footer1.xml", partXML("ftr", `<w:p><w:r><w:t>Trang 3</w:t></w:r></w:p>`)},
		{"word/footnotes.xml", footnotes},
		{"word/endnotes.xml", endnotes},
		{"word/comments.xml", partXML("comments", `<w:comment w:id="0"><w:p><w:r><w:t>Sai, là 9.999 hộ</w:t></w:r></w:p></w:comment>`)},
	}
	want := []string{"UBND XÃ A", "Trang /", "A, ngày 1 tháng 2 năm 2024",
		"Xã có 1.169 hộ; 4.456 nhân khẩu", "Có 3 đoàn ra, 12 người.",
		"", "1 Số liệu đến 30/11.", "i Đi Lào.", "2 Gồm 7 người của huyện."}
	lines, _, err := Lines(docxtest.Package(doc, parts...))
	if err != nil || !slices.Equal(lines, want) {
		t.Errorf("%q, %v\nwant %q", lines, err, want)
	}

	// A first page of its own without a first-page header has none: the
	// default header is the other pages'.
	titled := strings.Replace(doc, `<w:pgSz`, `<w:titlePg/><w:pgSz`, 1)
	lines, _, err = Lines(docxtest.Package(titled, parts...))
	if err != nil || !slices.Equal(lines, want[3:]) {
		t.Errorf("w:titlePg without a first-page header: %q, %v", lines, err)
	}

	// A damaged or oversize extra part is left out; the rest still reads.
	for name, bad := range map[string]string{
		"damaged": `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>UBND</w:p>`,
		"deep":    partXML("hdr", strings.Repeat("<w:p>", maxDepth+1)),
		"large":   partXML("hdr", strings.Repeat(`<w:p><w:r><w:t>UBND XÃ A 123</w:t></w:r></w:p>`, maxPart/40)),
		"doctype": `<!DOCTYPE x [<!ENTITY a "b">]>` + header,
	} {
		broken := slices.Clone(parts)
		broken[1][1] = bad
		broken[4][1] = bad
		lines, _, err := Lines(docxtest.Package(doc, broken...))
		if err != nil || !slices.Equal(lines, slices.Concat(want[3:6], want[7:8])) {
			t.Errorf("%s header and footnotes: %q, %v", name, lines, err)
		}
	}
}

// FuzzDocxParts: whatever the header and the notes hold, the document
// reads within its limits, or is refused with a classified error.
func FuzzDocxParts(f *testing.F) {
	f.Add(partXML("hdr", `<w:p><w:r><w:t>UBND XÃ A</w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>`),
		partXML("footnotes", `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Gồm 7 người.</w:t></w:r></w:p></w:footnote>`))
	f.Add(`<w:p><w:p>`, `<w:footnote w:id="1"><w:footnote w:id="1">`)
	doc := partXML("document", `<w:body><w:p><w:r><w:t>Xã có 1.169 hộ</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`+
		`<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body>`)
	rels := relsHead + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`
	f.Fuzz(func(t *testing.T, header, footnotes string) {
		lines, _, err := Lines(docxtest.Package(doc, [2]string{"word/_rels/document.xml.rels", rels},
			[2]string{"word/header1.xml", header}, [2]string{"word/footnotes.xml", footnotes}))
		if err != nil {
			t.Fatalf("a damaged header or footnote refused the document: %v", err)
		}
		total := 0
		for _, l := range lines {
			total += len(l)
		}
		if total > MaxText+len(lines) || len(lines) > MaxLines || !slices.Contains(lines, "Xã có 1.169 hộ") {
			t.Fatalf("%d lines, %d bytes: %q", len(lines), total, lines[:min(3, len(lines))])
		}
	})
}

// TestDocxHeaderTable: a report whose header block LibreOffice keeps in the
// default page header as a two-column table (testdata/docx/
// trung-hoi-2025s1-header-table.fodt, with a page number under it) reads
// the same report as its text: number, date, place, unit, period and
// every figure.
func TestDocxHeaderTable(t *testing.T) {
	data, err := os.ReadFile("testdata/docx/trung-hoi-2025s1-header-table.docx")
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := Lines(data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(lines[0], "ỦY BAN NHÂN DÂN") || strings.Contains(strings.Join(lines, "\n"), "Trang 1") {
		t.Errorf("the header: %q", lines[:min(3, len(lines))])
	}
	src, err := os.ReadFile("testdata/reports/trung-hoi-2025s1.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := Lines(src)
	if err != nil {
		t.Fatal(err)
	}
	d, x := Read(lines), Read(text)
	got, _ := json.Marshal(d.Report)
	want, _ := json.Marshal(x.Report)
	if string(got) != string(want) {
		t.Errorf("the .docx reads\n%s\nthe text\n%s", got, want)
	}
	if d.Period != x.Period || len(d.Places) == 0 || len(x.Places) == 0 || d.Places[0] != x.Places[0] {
		t.Errorf("period %q, places %v; the text: %q, %v", d.Period, d.Places, x.Period, x.Places)
	}
}
