package docimport

import (
	"archive/zip"
	"encoding/xml"
	"path"
	"strings"
)

// The parts of a .docx besides the body that hold the report's text. A
// clerk's file may put the header block (ỦY BAN NHÂN DÂN XÃ … | CỘNG HÒA …,
// "Số: …/BC-UBND", the place and date) in the page header, and a figure in
// a footnote or an endnote. The reader gives what Word's "Save as text"
// gives of the final document: the first page's header (the first-page
// header if the first section has a first page of its own, w:titlePg, else
// the default one)
// before the body; the notes after the body, in the order of their marks,
// each beginning with its number. Unlike Word, the reader leaves the mark
// out of the body's line: glued to the word before it ("412 đảng viên1",
// as Word's text export writes it) it reads as that word's figure (party
// members 1), in superscript ("đảng viên¹") it hides the figure, and after
// a number it would change the number ("1.1691"). Footers (page numbers), the other pages' headers and
// comments are never read, and a page-number field (PAGE, NUMPAGES,
// SECTIONPAGES) in the header is not either: "Trang 2" is no figure.
//
// Each extra part is read through the same bounded decoder as the body,
// and may unpack to at most maxPart bytes; a part that is absent, damaged
// or past a limit is left out and the document is read without it.

// partKind is what the part being read is.
type partKind int

const (
	partBody partKind = iota
	partHeader
	partNotes
)

// noteRef is a footnote or endnote referenced in the body: its kind
// ("footnote", "endnote"), its id and the mark the page shows.
type noteRef struct {
	kind, id, mark string
}

// partCtx is what reading the body learns for the other parts (the first
// section's headers and note formats, the notes referenced), and what
// reading the notes part gives back (each note's lines).
type partCtx struct {
	kind partKind

	// The first section's properties, read from the body.
	sectDone  bool
	headers   map[string]string // header type ("first", "default") → relationship id
	titlePg   bool
	noteFmt   map[string]string // "footnote", "endnote" → number format
	refs      []noteRef
	refByID   map[string]string // kind+" "+id → mark
	noteCount map[string]int

	// The notes part: each referenced note's lines, by kind+" "+id.
	notes map[string][]string
}

func newPartCtx(kind partKind) *partCtx {
	return &partCtx{kind: kind, headers: map[string]string{},
		noteFmt: map[string]string{"footnote": "decimal", "endnote": "lowerRoman"},
		refByID: map[string]string{}, noteCount: map[string]int{}, notes: map[string][]string{}}
}

// reference counts a note mark met in the body and returns the number the
// page shows ("" for a mark the clerk typed: w:customMarkFollows).
func (c *partCtx) reference(kind, id string, custom bool) string {
	mark := ""
	if !custom {
		c.noteCount[kind]++
		mark = formatNumber(c.noteCount[kind], c.noteFmt[kind])
	}
	key := kind + " " + id
	if _, seen := c.refByID[key]; !seen && len(c.refs) < MaxLines {
		c.refByID[key] = mark
		c.refs = append(c.refs, noteRef{kind, id, mark})
	}
	return mark
}

// isPageField reports whether a field's code is a page number or count.
func isPageField(code string) bool {
	f := strings.Fields(strings.ToUpper(code))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF":
		return true
	}
	return false
}

// partRels reads the relationships of the part named name: id → the target
// part's name, and the first target of each relationship type (its last
// path element: "header", "footnotes"). Nil maps if absent or damaged.
func partRels(zr *zip.Reader, name string) (byID, byType map[string]string) {
	byID, byType = map[string]string{}, map[string]string{}
	dir, base := path.Split(name)
	var doc struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if !decodePart(zr, dir+"_rels/"+base+".rels", &doc) {
		return byID, byType
	}
	for _, r := range doc.Rel {
		if r.Mode == "External" {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(path.Clean(t), "/")
		} else {
			t = strings.TrimPrefix(path.Clean("/"+dir+t), "/")
		}
		byID[r.ID] = t
		typ := path.Base(r.Type)
		if _, ok := byType[typ]; !ok {
			byType[typ] = t
		}
	}
	return byID, byType
}

// readExtraPart reads one extra part of the package with the body's reader
// and limits; nil if it is absent, damaged or past a limit.
func readExtraPart(zr *zip.Reader, name string, ctx *partCtx) []string {
	rc, lr := openPart(zr, name)
	if rc == nil {
		return nil
	}
	defer rc.Close()
	lines, err := readDocumentXML(lr, nil, ctx)
	if err != nil || lr.N <= 0 {
		return nil
	}
	return lines
}

// withParts returns the body's lines with the first page's header before
// them and the notes after them.
func withParts(zr *zip.Reader, mainName string, body []string, ctx *partCtx) []string {
	byID, byType := partRels(zr, mainName)
	var head []string
	rid := ctx.headers["default"]
	if ctx.titlePg {
		// A first page of its own shows its first-page header; without
		// one, the first section's first page has none (Word leaves it
		// blank): the default header is the other pages'.
		rid = ctx.headers["first"]
	}
	if name, ok := byID[rid]; ok && rid != "" {
		head = readExtraPart(zr, name, newPartCtx(partHeader))
	}
	var tail []string
	if len(ctx.refs) > 0 {
		notes := newPartCtx(partNotes)
		notes.refByID = ctx.refByID
		for _, kind := range []string{"footnote", "endnote"} {
			name, ok := byType[kind+"s"]
			if !ok {
				name = path.Dir(mainName) + "/" + kind + "s.xml"
			}
			readExtraPart(zr, name, notes)
		}
		for _, r := range ctx.refs {
			if ls := notes.notes[r.kind+" "+r.id]; len(ls) > 0 {
				tail = append(tail, ls...)
			}
		}
		if len(tail) > 0 {
			tail = append([]string{""}, tail...)
		}
	}
	size := 0
	for _, ls := range [][]string{head, body, tail} {
		for _, l := range ls {
			size += len(l)
		}
	}
	if len(head)+len(body)+len(tail) > MaxLines || size > MaxText {
		return body // the extra parts would pass the document's limits
	}
	out := make([]string, 0, len(head)+len(body)+len(tail))
	return append(append(append(out, head...), body...), tail...)
}

// attrAny is the value of an element's attribute of that local name in any
// namespace (r:id).
func attrAny(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
