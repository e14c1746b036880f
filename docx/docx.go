// Package docx writes Word documents (WordprocessingML, ECMA-376) of the
// small, fixed kind an administrative report is: paragraphs of runs, tables,
// and sections with their own page size, margins and page numbers. It is a
// writer only, with no dependency beyond the standard library: archive/zip
// for the package and the XML written directly, escaped with
// encoding/xml. What it writes opens in Word and LibreOffice without a
// repair prompt (the test renders it with LibreOffice).
//
// Lengths are in twentieths of a point (twips: 1 mm ≈ 56.7), font sizes in
// half-points (14 pt = 28), as WordprocessingML counts them.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// MM converts millimetres to twips.
func MM(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// A4 in twips.
const (
	A4Width  = 11906
	A4Height = 16838
)

// Page is the layout of a section.
type Page struct {
	Landscape                bool
	Top, Bottom, Left, Right int  // margins, twips
	PageNumbers              bool // centred in the top margin, from the section's second page
	RestartNumbering         bool // the section's pages are numbered from 1
}

// Width is the width of the text between the margins.
func (p Page) Width() int {
	w := A4Width
	if p.Landscape {
		w = A4Height
	}
	return w - p.Left - p.Right
}

// Align is a paragraph's alignment.
type Align string

const (
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Run is text in one format. A newline in Text is a line break.
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
	Size      int    // half-points; 0: the document's default
	Highlight string // a highlight colour name such as "yellow"; "" for none
}

// Para is a paragraph.
type Para struct {
	Runs            []Run
	Align           Align
	FirstLine       int // first-line indent, twips
	IndentLeft      int
	IndentRight     int
	Before, After   int  // spacing, twips
	Line            int  // line spacing in 240ths of a line; 0: single
	KeepNext        bool // keep with the next paragraph
	Rule            bool // a thin rule along the paragraph's bottom, between its indents (on an empty paragraph: a short line)
	PageBreakBefore bool
	MarkSize        int // the size of the paragraph mark, half-points (sets an empty paragraph's height); 0: default
}

// Text is a paragraph of one run.
func Text(s string) Para { return Para{Runs: []Run{{Text: s}}} }

// Cell is a table cell.
type Cell struct {
	Paras  []Para
	Span   int    // columns spanned; 0 or 1 for one
	Shade  string // background colour, hex such as "D9D9D9"; "" for none
	VAlign string // "top", "center" or "bottom"; "" for top
}

// Row is a table row.
type Row struct {
	Cells  []Cell
	Header bool // repeated at the top of every page the table runs onto
}

// Table is a table; Widths are the columns' widths in twips.
type Table struct {
	Widths  []int
	Rows    []Row
	Borders bool
	Indent  int // from the left margin, twips (may be negative)
}

// Document is a document being written: blocks are appended in order, and
// EndSection closes the section they belong to.
type Document struct {
	Title, Creator string
	Created        time.Time
	body           bytes.Buffer
}

// Para appends a paragraph.
func (d *Document) Para(p Para) { writePara(&d.body, p, "") }

// Table appends a table.
func (d *Document) Table(t Table) {
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>`)
	if t.Indent != 0 {
		fmt.Fprintf(b, `<w:tblInd w:w="%d" w:type="dxa"/>`, t.Indent)
	}
	if t.Borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if r.Header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		col := 0
		for _, c := range r.Cells {
			span := max(c.Span, 1)
			w := 0
			for i := col; i < col+span && i < len(t.Widths); i++ {
				w += t.Widths[i]
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			if c.Shade != "" {
				fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, c.Shade)
			}
			if c.VAlign != "" {
				fmt.Fprintf(b, `<w:vAlign w:val="%s"/>`, c.VAlign)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paras) == 0 {
				b.WriteString(`<w:p/>`) // a cell must end with a paragraph
			}
			for _, p := range c.Paras {
				writePara(b, p, "")
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// EndSection closes the current section with the page layout p: the blocks
// written since the previous section (or the start) are laid out with it,
// and what follows starts on a new page.
func (d *Document) EndSection(p Page) {
	writePara(&d.body, Para{}, d.sectPr(p))
}

func (d *Document) sectPr(p Page) string {
	var b strings.Builder
	b.WriteString(`<w:sectPr>`)
	if p.PageNumbers {
		b.WriteString(`<w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`)
	}
	w, h, orient := A4Width, A4Height, ""
	if p.Landscape {
		w, h, orient = A4Height, A4Width, ` w:orient="landscape"`
	}
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"%s/>`, w, h, orient)
	fmt.Fprintf(&b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="567" w:gutter="0"/>`,
		p.Top, p.Right, p.Bottom, p.Left, max(p.Top/2, 283))
	if p.RestartNumbering {
		b.WriteString(`<w:pgNumType w:start="1"/>`)
	}
	if p.PageNumbers {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr>`)
	return b.String()
}

func writePara(b *bytes.Buffer, p Para, sectPr string) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.PageBreakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.Rule {
		b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>`)
	}
	fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"`, p.Before, p.After)
	if p.Line > 0 {
		fmt.Fprintf(b, ` w:line="%d" w:lineRule="auto"`, p.Line)
	}
	b.WriteString(`/>`)
	if p.FirstLine != 0 || p.IndentLeft != 0 || p.IndentRight != 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:right="%d" w:firstLine="%d"/>`, p.IndentLeft, p.IndentRight, p.FirstLine)
	}
	if p.Align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.Align)
	}
	if p.MarkSize > 0 { // CT_PPr: rPr comes before sectPr
		fmt.Fprintf(b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, p.MarkSize, p.MarkSize)
	}
	b.WriteString(sectPr)
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func writeRun(b *bytes.Buffer, r Run) {
	b.WriteString(`<w:r>`)
	if r.Bold || r.Italic || r.Underline || r.Size > 0 || r.Highlight != "" {
		b.WriteString(`<w:rPr>`)
		if r.Bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.Italic {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		// CT_RPr's order: sz, highlight, u.
		if r.Size > 0 {
			fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.Size, r.Size)
		}
		if r.Highlight != "" {
			fmt.Fprintf(b, `<w:highlight w:val="%s"/>`, r.Highlight)
		}
		if r.Underline {
			b.WriteString(`<w:u w:val="single"/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		if line == "" {
			continue
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		_ = xml.EscapeText(b, []byte(line)) // writes to a bytes.Buffer: cannot fail
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// Write writes the document as a .docx package; last is the layout of the
// final section (the blocks after the last EndSection).
func (d *Document) Write(w io.Writer, last Page) error {
	final := d.sectPr(last)
	z := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.core()},
		{"docProps/app.xml", appXML},
		{"word/_rels/document.xml.rels", docRels},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", headerPageNumber},
		{"word/header2.xml", headerEmpty},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	f, err := z.Create("word/document.xml")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, xml.Header+`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`); err != nil {
		return err
	}
	if _, err := f.Write(d.body.Bytes()); err != nil {
		return err
	}
	if _, err := io.WriteString(f, final+`</w:body></w:document>`); err != nil {
		return err
	}
	return z.Close()
}

func (d *Document) core() string {
	created := d.Created
	if created.IsZero() {
		created = time.Now()
	}
	var b bytes.Buffer
	b.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	_ = xml.EscapeText(&b, []byte(d.Title))
	b.WriteString(`</dc:title><dc:creator>`)
	_ = xml.EscapeText(&b, []byte(d.Creator))
	b.WriteString(`</dc:creator><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">`)
	b.WriteString(created.UTC().Format(time.RFC3339))
	b.WriteString(`</dcterms:created></cp:coreProperties>`)
	return b.String()
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const docRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
	`</Relationships>`

const appXML = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>doingoai</Application></Properties>`

// The styles: Times New Roman 14 pt, Vietnamese, black, as Nghị định
// 30/2020/NĐ-CP asks of an administrative document.
const stylesXML = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

const settingsXML = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// The page number, centred in the top margin (13 pt).
const headerPageNumber = xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
	`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`

// The first page of a section has no number.
const headerEmpty = xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>`
