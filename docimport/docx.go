package docimport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"doingoai/models"
)

// The namespaces of WordprocessingML and of markup compatibility.
const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var errTooLarge = models.Errorf(models.ETOOLARGE, "Tài liệu giải nén ra quá lớn (hơn %d MiB văn bản XML hoặc %d MiB chữ); có thể tệp bị hỏng hoặc là một \"bom zip\". (The document unpacks to more than the limit.)", MaxXML>>20, MaxText>>20)

func damaged(why string) error {
	return models.Errorf(models.EINVALID, "Tệp .docx bị hỏng, không đọc được (%s). Hãy mở bằng Word, lưu lại dưới dạng .docx rồi gửi lại. (The .docx is damaged.)", why)
}

// docxLines reads the paragraphs of a .docx in document order: body
// paragraphs, and the paragraphs of each table cell, row by row. Text in
// tracked insertions, fields (their result, not their code) and content
// controls counts; tracked deletions and moved-away text do not; of a text
// box, which Word writes twice (the drawing and a fallback copy for old
// readers), only the first copy counts. A line break inside a paragraph
// starts a new line.
//
// The XML is read as a stream through a limited reader: memory stays
// bounded whatever the file claims, and a file that unpacks to more than
// MaxXML bytes is refused; a bounded decoder (xmlbound.go) refuses one
// whose elements nest, carry attributes or run on past its limits.
func docxLines(data []byte) ([]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, damaged("không phải tệp zip hợp lệ")
	}
	main := mainPart(zr)
	if main == nil {
		for _, f := range zr.File {
			switch {
			case f.Name == "mimetype":
				return nil, unsupported("tệp OpenDocument (.odt)")
			case strings.HasPrefix(f.Name, "xl/"):
				return nil, unsupported("tệp Excel (.xlsx)")
			case strings.HasPrefix(f.Name, "ppt/"):
				return nil, unsupported("tệp PowerPoint (.pptx)")
			}
		}
		return nil, unsupported("tệp zip này (không có word/document.xml)")
	}
	if main.UncompressedSize64 > MaxXML {
		return nil, errTooLarge
	}
	rc, err := main.Open()
	if err != nil {
		return nil, damaged("không mở được word/document.xml")
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: MaxXML + 1}
	ctx := newPartCtx(partBody)
	lines, err := readDocumentXML(lr, readNumbering(zr), ctx)
	if lr.N <= 0 {
		return nil, errTooLarge
	}
	if err != nil {
		return nil, err
	}
	return withParts(zr, main.Name, lines, ctx), nil
}

// mainPart finds the document's main part: word/document.xml, or where
// the package relationships say it is.
func mainPart(zr *zip.Reader) *zip.File {
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		byName[f.Name] = f
	}
	if f := byName["word/document.xml"]; f != nil {
		return f
	}
	rels := byName["_rels/.rels"]
	if rels == nil || rels.UncompressedSize64 > 1<<16 {
		return nil
	}
	rc, err := rels.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var doc struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<16)).Decode(&doc) != nil {
		return nil
	}
	for _, r := range doc.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return byName[strings.TrimPrefix(path.Clean("/"+r.Target), "/")]
		}
	}
	return nil
}

// cellText is a table cell being read: its paragraphs, its span over
// the grid's columns, and whether it continues the cell above it.
type cellText struct {
	paras []string
	span  int
	cont  bool
}

// tableText is a table being read: the row's cells so far, and the text
// of the last cell that began in each grid column (what a vertically
// merged cell below continues).
type tableText struct {
	row   []*cellText
	above map[int]string
}

// rowLine writes a row as one line: its cells separated by cellSep, a
// cell's paragraphs by paraSep, a cell that continues the one above as
// contMark and that cell's text, and a cell spanning n columns followed by
// n-1 empty cells — so that every cell stays under its column's header.
// nested joins a nested table's cells by spaces instead, inside the outer
// table's cell.
func (t *tableText) rowLine(nested bool) string {
	var cells []string
	col := 0
	for _, c := range t.row {
		s := strings.Join(c.paras, paraSep)
		if c.cont {
			s = contMark + t.above[col]
		} else {
			t.above[col] = strings.Join(c.paras, " ")
		}
		cells = append(cells, s)
		for k := 1; k < c.span; k++ {
			cells = append(cells, "")
		}
		col += max(c.span, 1)
	}
	t.row = nil
	if nested {
		return strings.Join(strings.Fields(strings.NewReplacer(cellSep, " ", paraSep, " ", contMark, " ").Replace(strings.Join(cells, " "))), " ")
	}
	return strings.Join(cells, cellSep)
}

// readDocumentXML streams WordprocessingML and returns its lines: a
// paragraph is a line, and a table's row is one line of cells
// (tableText.rowLine). A paragraph Word numbers by itself (a list, a
// numbered heading style) begins with the number the page shows, from num
// (nil: none). ctx says which part this is (docxparts.go): the body,
// whose first section's headers and notes it records, a header, whose
// page-number fields it leaves out, or the notes, whose lines it gives
// back note by note.
func readDocumentXML(r io.Reader, num *numbering, ctx *partCtx) ([]string, error) {
	d := newBoundedDecoder(r)
	var (
		lines  []string
		stack  []*strings.Builder // open paragraphs: a text box's paragraphs sit inside another paragraph
		nums   []paraNum          // what each open paragraph says of its numbering
		tables []*tableText       // open tables, the innermost last
		size   int
		depth  int
		inT    int // inside w:t

		inSect  bool   // inside the body's first w:sectPr
		notePr  string // inside its w:footnotePr or w:endnotePr: "footnote", "endnote"
		note    string // the key of the note being read (notes part)
		noteAt  int    // the line it began at
		noteRef bool   // its mark was written
		fields  []pageField
		inInstr int
	)
	hidden := func() bool {
		for _, f := range fields {
			if f.hide {
				return true
			}
		}
		return false
	}
	cell := func() *cellText {
		if n := len(tables); n > 0 {
			if row := tables[n-1].row; len(row) > 0 {
				return row[len(row)-1]
			}
		}
		return nil
	}
	add := func(s string) error {
		if c := cell(); c != nil {
			c.paras = append(c.paras, strings.Split(s, "\n")...)
			return nil
		}
		lines = append(lines, strings.Split(s, "\n")...)
		if len(lines) > MaxLines {
			return errTooLarge
		}
		return nil
	}
	emit := func(b *strings.Builder) error { return add(b.String()) }
	write := func(s string) error {
		if len(stack) == 0 || hidden() {
			return nil // text outside a paragraph (none in valid files), a page number
		}
		size += len(s)
		if size > MaxText {
			return errTooLarge
		}
		stack[len(stack)-1].WriteString(s)
		return nil
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readFailed(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, damaged("lồng nhau quá sâu")
			}
			switch t.Name.Space {
			case nsMC:
				switch t.Name.Local {
				case "Fallback":
					if err := d.Skip(); err != nil {
						return nil, readFailed(err)
					}
					depth--
				}
				continue
			case nsW:
			default:
				continue
			}
			switch t.Name.Local {
			case "tbl":
				tables = append(tables, &tableText{above: map[int]string{}})
			case "tc":
				if n := len(tables); n > 0 {
					tables[n-1].row = append(tables[n-1].row, &cellText{span: 1})
				}
			case "gridSpan":
				if c := cell(); c != nil {
					if v, err := strconv.Atoi(attr(t, "val")); err == nil && v > 1 && v <= 64 {
						c.span = v
					}
				}
			case "vMerge":
				if c := cell(); c != nil && len(stack) == 0 {
					c.cont = attr(t, "val") != "restart"
				}
			case "p":
				stack = append(stack, &strings.Builder{})
				nums = append(nums, paraNum{})
			case "pStyle", "numId", "ilvl":
				if n := len(nums); n > 0 {
					p := &nums[n-1]
					switch v := attr(t, "val"); t.Name.Local {
					case "pStyle":
						p.style = v
					case "numId":
						p.numID = v
					case "ilvl":
						p.ilvl, _ = strconv.Atoi(v)
						p.hasIlvl = true
					}
				}
			case "t":
				inT++
			case "tab", "ptab":
				if err := write(" "); err != nil {
					return nil, err
				}
			case "br", "cr":
				if err := write("\n"); err != nil {
					return nil, err
				}
			case "noBreakHyphen":
				if err := write("-"); err != nil {
					return nil, err
				}
			case "sectPr":
				inSect = ctx.kind == partBody && !ctx.sectDone
			case "headerReference":
				if inSect {
					if typ := attr(t, "type"); typ == "first" || typ == "default" || typ == "" {
						if typ == "" {
							typ = "default"
						}
						ctx.headers[typ] = attrAny(t, "id")
					}
				}
			case "titlePg":
				if inSect {
					v := valXML{attr(t, "val")}
					ctx.titlePg = v.on()
				}
			case "footnotePr", "endnotePr":
				if inSect {
					notePr = strings.TrimSuffix(t.Name.Local, "Pr")
				}
			case "numFmt":
				if inSect && notePr != "" {
					if v := attr(t, "val"); v != "" {
						ctx.noteFmt[notePr] = v
					}
				}
			case "footnoteReference", "endnoteReference":
				if ctx.kind == partBody {
					v := valXML{attr(t, "customMarkFollows")}
					custom := v.Val != "" && v.on()
					ctx.reference(strings.TrimSuffix(t.Name.Local, "Reference"), attr(t, "id"), custom)
				}
			case "footnote", "endnote":
				if ctx.kind == partNotes && note == "" {
					key := t.Name.Local + " " + attr(t, "id")
					if _, ok := ctx.refByID[key]; ok && !strings.Contains(attr(t, "type"), "eparator") && attr(t, "type") != "continuationNotice" {
						if _, done := ctx.notes[key]; !done {
							note, noteAt, noteRef = key, len(lines), false
							continue
						}
					}
				}
				if ctx.kind == partNotes {
					if err := d.Skip(); err != nil {
						return nil, readFailed(err)
					}
					depth--
				}
			case "footnoteRef", "endnoteRef":
				if note != "" && !noteRef {
					noteRef = true
					if err := write(ctx.refByID[note]); err != nil {
						return nil, err
					}
				}
			case "fldChar":
				if ctx.kind == partHeader {
					switch attr(t, "fldCharType") {
					case "begin":
						if len(fields) < maxDepth {
							fields = append(fields, pageField{})
						}
					case "separate":
						if n := len(fields); n > 0 {
							fields[n-1].hide = isPageField(fields[n-1].code)
						}
					case "end":
						if n := len(fields); n > 0 {
							fields = fields[:n-1]
						}
					}
				}
			case "fldSimple":
				if ctx.kind == partHeader && isPageField(attr(t, "instr")) {
					if err := d.Skip(); err != nil {
						return nil, readFailed(err)
					}
					depth--
				}
			case "instrText":
				if ctx.kind == partHeader {
					inInstr++
					continue
				}
				if err := d.Skip(); err != nil {
					return nil, readFailed(err)
				}
				depth--
			case "del", "moveFrom", "delText", "delInstrText", "pPrChange", "numberingChange", "sectPrChange":
				if err := d.Skip(); err != nil {
					return nil, readFailed(err)
				}
				depth--
			}
		case xml.EndElement:
			depth--
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "sectPr":
				if inSect {
					inSect, ctx.sectDone = false, true
				}
			case "footnotePr", "endnotePr":
				notePr = ""
			case "instrText":
				inInstr--
			case "footnote", "endnote":
				if note != "" {
					ls := append([]string(nil), lines[noteAt:]...)
					if !noteRef && len(ls) > 0 && ctx.refByID[note] != "" {
						ls[0] = ctx.refByID[note] + " " + ls[0]
					}
					ctx.notes[note] = ls
					note = ""
				}
			case "p":
				if n := len(stack); n > 0 {
					b := stack[n-1]
					stack = stack[:n-1]
					p := nums[n-1]
					nums = nums[:n-1]
					if l := num.label(p); l != "" {
						b2 := &strings.Builder{}
						b2.WriteString(l)
						b2.WriteString(b.String())
						b = b2
					}
					if err := emit(b); err != nil {
						return nil, err
					}
				}
			case "t":
				inT--
			case "tr":
				if n := len(tables); n > 0 && len(tables[n-1].row) > 0 {
					if err := add(tables[n-1].rowLine(n > 1)); err != nil {
						return nil, err
					}
				}
			case "tbl":
				if n := len(tables); n > 0 {
					tables = tables[:n-1]
					if n == 1 {
						if err := add(""); err != nil { // the table ends
							return nil, err
						}
					}
				}
			}
		case xml.CharData:
			if inInstr > 0 {
				if n := len(fields); n > 0 && len(fields[n-1].code) < 256 {
					fields[n-1].code += string(t)
				}
			} else if inT > 0 {
				if err := write(string(t)); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(lines) == 0 {
		return nil, damaged("không có đoạn văn nào")
	}
	return lines, nil
}

// pageField is a field of a header being read: its code so far, and
// whether its result is a page number, left out.
type pageField struct {
	code string
	hide bool
}

// attr is the value of an element's attribute in the w namespace.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (a.Name.Space == nsW || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}
