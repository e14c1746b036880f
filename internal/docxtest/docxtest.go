// Package docxtest writes small .docx files for tests: paragraphs and
// tables, with the parts of WordprocessingML that a reader must handle —
// runs split inside words, tracked insertions and deletions, fields,
// content controls, and text boxes with their fallback copy.
package docxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// Block is a paragraph or a table of the document body.
type Block interface{ xml(b *strings.Builder) }

// P is a paragraph of runs.
type P []Run

// Run is a piece of a paragraph.
type Run interface{ run(b *strings.Builder) }

// T is plain text in one run.
type T string

// Ins is text in a tracked insertion; Del text in a tracked deletion.
type (
	Ins string
	Del string
)

// Field is a field: its code and its shown result ("PAGE", "3").
type Field struct{ Code, Result string }

// SDT is text inside a content control.
type SDT string

// TextBox is a text box anchored in the paragraph, written as Word does:
// the drawing (mc:Choice) and a VML fallback copy of the same text.
type TextBox []string

// Br is a line break inside a paragraph.
type Br struct{}

// Table is a table: rows of cells, each cell paragraphs.
type Table [][][]P

// Numbered is a paragraph numbered by Word, not by its text: a list item
// (NumID, Ilvl) or, with Style, a paragraph of a numbered style.
type Numbered struct {
	NumID, Style string
	Ilvl         int
	Text         string
}

// Para returns a paragraph of plain text.
func Para(s string) P { return P{T(s)} }

// Split returns a paragraph whose text is cut into runs every n bytes (at
// rune boundaries), as Word does after edits.
func Split(s string, n int) P {
	var p P
	var cur strings.Builder
	for _, r := range s {
		cur.WriteRune(r)
		if cur.Len() >= n {
			p = append(p, T(cur.String()))
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		p = append(p, T(cur.String()))
	}
	return p
}

func esc(s string) string { return html.EscapeString(s) }

func (t T) run(b *strings.Builder) {
	fmt.Fprintf(b, `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(string(t)))
}
func (t Ins) run(b *strings.Builder) {
	fmt.Fprintf(b, `<w:ins w:id="1" w:author="A" w:date="2024-11-20T00:00:00Z"><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:ins>`, esc(string(t)))
}
func (t Del) run(b *strings.Builder) {
	fmt.Fprintf(b, `<w:del w:id="2" w:author="A" w:date="2024-11-20T00:00:00Z"><w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>`, esc(string(t)))
}
func (f Field) run(b *strings.Builder) {
	fmt.Fprintf(b, `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>%s</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`, esc(f.Code), esc(f.Result))
}
func (s SDT) run(b *strings.Builder) {
	fmt.Fprintf(b, `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>`, esc(string(s)))
}
func (Br) run(b *strings.Builder) { b.WriteString(`<w:r><w:br/></w:r>`) }
func (tb TextBox) run(b *strings.Builder) {
	var inner strings.Builder
	for _, s := range tb {
		fmt.Fprintf(&inner, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, esc(s))
	}
	fmt.Fprintf(b, `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`, inner.String(), inner.String())
}

func (p P) xml(b *strings.Builder) {
	b.WriteString(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr>`)
	for _, r := range p {
		r.run(b)
	}
	b.WriteString(`</w:p>`)
}

func (n Numbered) xml(b *strings.Builder) {
	b.WriteString(`<w:p><w:pPr>`)
	if n.Style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, esc(n.Style))
	}
	if n.NumID != "" {
		fmt.Fprintf(b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr>`, n.Ilvl, esc(n.NumID))
	}
	b.WriteString(`</w:pPr>`)
	T(n.Text).run(b)
	b.WriteString(`</w:p>`)
}

func (t Table) xml(b *strings.Builder) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>`)
	for _, row := range t {
		b.WriteString(`<w:tr>`)
		for _, cell := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>`)
			if len(cell) == 0 {
				cell = []P{{}}
			}
			for _, p := range cell {
				p.xml(b)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// DocumentXML returns word/document.xml for blocks.
func DocumentXML(blocks []Block) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>`)
	for _, bl := range blocks {
		bl.xml(&b)
	}
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`)
	return b.String()
}

// Build returns a .docx holding blocks.
func Build(blocks []Block) []byte { return Package(DocumentXML(blocks)) }

// Package returns a .docx whose main part is documentXML, with the other
// parts of extra (name → content: "word/numbering.xml", "word/styles.xml").
func Package(documentXML string, extra ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", documentXML},
	}
	for _, e := range extra {
		files = append(files, struct{ name, body string }{e[0], e[1]})
	}
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// FromText turns a report written as text into a .docx the way communes
// lay it out: the header (issuer and number; national motto, place and
// date) in a two-column table, the body as paragraphs with their runs cut
// as Word cuts them, and the recipients beside the signature in a second
// two-column table. issuer, if not empty, is put at the top of the
// header's left column ("UBND XÃ BỘC NHIÊU"). The text's own header lines (those before "BÁO CÁO") and its
// closing lines (from "Nơi nhận:") are moved into the tables.
func FromText(text, issuer string) []byte {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var head, body, recipients, sign []string
	state := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case state == 0 && (strings.ToUpper(l) == "BÁO CÁO" || strings.ToUpper(l) == "BAO CAO"): // the title, typed without its diacritics too
			state = 1
		case state == 1 && strings.HasPrefix(l, "Nơi nhận"):
			state = 2
			continue
		case state == 2 && !strings.HasPrefix(l, "-") && l != "":
			state = 3
		}
		if l == "" {
			continue
		}
		switch state {
		case 0:
			// A header laid out as a two-column table: each cell is a
			// paragraph of the column it belongs to.
			for _, c := range strings.Split(l, "\t") {
				if c = strings.TrimSpace(c); c != "" {
					head = append(head, c)
				}
			}
		case 1:
			body = append(body, l)
		case 2:
			recipients = append(recipients, l)
		case 3:
			for _, s := range strings.Split(strings.Trim(l, "*"), "\n") {
				sign = append(sign, strings.Trim(s, "*"))
			}
		}
	}
	var left, right []P
	if issuer != "" {
		left = append(left, Para(issuer))
	}
	for _, h := range head {
		if u := strings.ToUpper(h); strings.HasPrefix(h, "Số") || strings.HasPrefix(u, "UBND") || strings.HasPrefix(u, "ỦY BAN") || strings.HasPrefix(u, "UỶ BAN") || strings.HasPrefix(u, "ĐẢNG BỘ") || u == h && (strings.HasPrefix(h, "XÃ ") || strings.HasPrefix(h, "PHƯỜNG ") || strings.HasPrefix(h, "THỊ TRẤN ") || strings.HasPrefix(h, "ĐẶC KHU ")) {
			left = append(left, Para(h))
		} else if strings.HasPrefix(u, "CỘNG HÒA") || strings.HasPrefix(u, "CỘNG HOÀ") || strings.HasPrefix(u, "ĐỘC LẬP") {
			continue
		} else {
			right = append(right, Para(h))
		}
	}
	right = append([]P{Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Para("Độc lập - Tự do - Hạnh phúc")}, right...)
	blocks := []Block{Table{{left, right}}}
	for _, l := range body {
		blocks = append(blocks, Split(l, 17))
	}
	recips := []P{Para("Nơi nhận:")}
	for _, r := range recipients {
		recips = append(recips, Para(r))
	}
	var signs []P
	for _, s := range sign {
		signs = append(signs, Para(s))
	}
	if len(signs) > 0 {
		signs = append(signs[:len(signs)-1], Para("(Đã ký)"), signs[len(signs)-1])
	}
	blocks = append(blocks, Table{{recips, signs}})
	return Build(blocks)
}
