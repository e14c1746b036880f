package docimport

import (
	"regexp"
	"slices"
	"strings"
)

// Tables. A row of a table reaches the reader as one line with its cells
// separated by tabs — a .docx's w:tr (docx.go), or a row of a text file
// typed with tabs or between "|" — and a cell's paragraphs separated by
// "\n". A cell that continues the one above (a vertical merge) starts with
// contMark; a cell spanning several columns is followed by empty cells.
//
// In the body, the reader reads a table as a table: a header row tells
// the columns (the row number "STT", the label "Chỉ tiêu", the unit "Đơn
// vị tính", the value "Số lượng" or "Kết quả"); a row with a label and no
// value that names a section opens it, as a heading would; every other
// row becomes one line "label … value … unit" of the section it is in,
// with its figure (rowFigure) for the label grammar. The row number is
// never part of it.

// contMark starts a cell that continues the cell above it.
const contMark = "\x1e"

// cell separator in a row, and paragraph separator in a cell.
const (
	cellSep = "\t"
	paraSep = "\n"
)

// rowFigure is what a row of a table says: its label (with the label of
// the row it belongs to, "Đoàn vào" for "- Trong nước"), its value cells
// and its unit.
type rowFigure struct {
	label text // folded label, the parent's first
	value text // the value cell(s)
	unit  string
}

// isRow tells whether a raw line is a row of a table: a tab after its
// first words (a line only indented with a tab is a paragraph).
func isRow(s string) bool {
	return strings.Contains(strings.TrimRight(strings.TrimLeft(s, " \t"), " \r"), cellSep)
}

var pipeRuleRe = regexp.MustCompile(`^\|?[\s:|\-–=+]+\|?$`)

// pipeRow turns a row typed between "|" ("| 1 | Số hộ | 1.402 |") into a
// row of cells; a rule line ("|---|---|") is dropped (ok false, drop true).
func pipeRow(s string) (row string, ok, drop bool) {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "|") || strings.Count(t, "|") < 3 {
		return "", false, false
	}
	if pipeRuleRe.MatchString(t) {
		return "", false, true
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	cells := strings.Split(t, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return strings.Join(cells, cellSep), true, false
}

// cellsOf splits a row into its cells, each its paragraphs cleaned.
func cellsOf(s string) [][]string {
	raw := strings.Split(strings.Trim(s, " \r\n"), cellSep)
	out := make([][]string, 0, len(raw))
	for _, c := range raw {
		var paras []string
		for _, p := range strings.Split(c, paraSep) {
			if p = clean(p); p != "" {
				paras = append(paras, p)
			}
		}
		out = append(out, paras)
	}
	return out
}

// columns are the roles of a table's columns, as its header row names
// them; -1 where it names none.
type columns struct {
	stt, label, unit, value int
	known                   bool
}

func noColumns() columns { return columns{stt: -1, label: -1, unit: -1, value: -1} }

var (
	sttHeadRe   = regexp.MustCompile(`^(?:stt|tt|so tt|so thu tu|thu tu|s tt)\.?$`)
	labelHeadRe = regexp.MustCompile(`\b(?:chi tieu|noi dung|linh vuc|hang muc|ten chi tieu|ten du an|danh muc|cong viec|hoat dong|ten)\b`)
	unitHeadRe  = regexp.MustCompile(`^(?:dvt|don vi tinh|don vi|dv tinh|d\.v\.t)\.?$`)
	valueHeadRe = regexp.MustCompile(`\b(?:so luong|ket qua|so lieu|thuc hien|gia tri|tong so|so|nam \d{4}|ky bao cao|luy ke)\b`)
	noteHeadRe  = regexp.MustCompile(`\b(?:ghi chu|so sanh|ke hoach|chi tiet|dien giai)\b`)
	ordinalRe   = regexp.MustCompile(`^(?:\d{1,2}|[ivx]{1,4}|[a-dđ])[.)]?(?:\d{1,2}[.)]?)?$`)
)

// headerColumns reads a table's header row: the roles of its columns, or
// known false if the row is not a header (a cell holds a figure, or no
// cell names a role).
func headerColumns(cells []text) columns {
	c := noColumns()
	for i, x := range cells {
		f := strings.TrimSpace(x.fold)
		if f == "" {
			continue
		}
		if strings.IndexFunc(stripYears(f), isDigitRune) >= 0 {
			return noColumns()
		}
		switch {
		case sttHeadRe.MatchString(f):
			c.stt = i
		case unitHeadRe.MatchString(f):
			c.unit = i
		case noteHeadRe.MatchString(f) && !strings.Contains(f, "thuc hien"):
		case labelHeadRe.MatchString(f) && c.label < 0:
			c.label = i
		case valueHeadRe.MatchString(f) && c.value < 0:
			c.value = i
		}
	}
	c.known = c.value >= 0 && (c.label >= 0 || c.stt >= 0 || c.unit >= 0)
	if c.known && c.label < 0 {
		// The label is the first column that is neither the number, the
		// unit nor the value.
		for i := range cells {
			if i != c.stt && i != c.unit && i != c.value {
				c.label = i
				break
			}
		}
	}
	return c
}

var yearWordRe = regexp.MustCompile(`\b(?:nam\s+)?(?:19|20)\d{2}\b`)

func stripYears(f string) string { return yearWordRe.ReplaceAllString(f, "") }

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// rowParts are the label, value and unit cells of a data row.
type rowParts struct {
	label, value, unit int
	valueTo            int // the value cells run from value to valueTo (exclusive)
}

// partsOf tells which cells of a row hold its label, value and unit: by
// the header's columns when the table has one, else by their content (the
// row number first, then the label, then the cells that begin with a
// figure).
func partsOf(cells []text, cols columns) (rowParts, bool) {
	p := rowParts{label: -1, value: -1, unit: -1}
	if cols.known && cols.label < len(cells) && cols.value < len(cells) {
		p.label, p.value, p.valueTo = cols.label, cols.value, cols.value+1
		if cols.unit >= 0 && cols.unit < len(cells) {
			p.unit = cols.unit
		}
		if strings.TrimSpace(cells[p.label].fold) == "" || ordinalRe.MatchString(strings.TrimSpace(cells[p.label].fold)) {
			return p, false
		}
		return p, true
	}
	start := 0
	if len(cells) >= 2 && ordinalRe.MatchString(strings.TrimSpace(cells[0].fold)) {
		start = 1 // the row number
	}
	for i := start; i < len(cells); i++ {
		f := strings.TrimSpace(cells[i].fold)
		if f == "" {
			continue
		}
		if p.label < 0 {
			if startsFigure(f) {
				return p, false
			}
			p.label = i
			continue
		}
		if startsFigure(f) || nothingRe.MatchString(f) {
			if p.value < 0 {
				p.value = i
			}
			p.valueTo = i + 1
			continue
		}
		if p.value >= 0 && p.unit < 0 && unitOnly(f) {
			p.unit = i
		}
		if p.value >= 0 {
			break
		}
	}
	return p, p.label >= 0
}

// startsFigure tells whether a cell begins with a number.
func startsFigure(f string) bool { return f != "" && f[0] >= '0' && f[0] <= '9' }

// unitOnly tells whether a cell holds only a unit ("hộ", "người", "%").
func unitOnly(f string) bool {
	_, ok := unitWords[strings.Trim(f, " .()")]
	return ok
}

// childLabel tells whether a row's label belongs to the row above it
// ("- Trong nước" under "Đoàn vào"): it starts with a dash, a plus or a
// letter item, or in lower case.
func childLabel(orig string) bool {
	s := strings.TrimSpace(orig)
	if s == "" {
		return false
	}
	if strings.ContainsRune("-–+•*", rune(s[0])) {
		return true
	}
	r := []rune(s)[0]
	return r >= 'a' && r <= 'z' || strings.ContainsRune("đàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ", r)
}

// tableState is what split knows of the table it is in.
type tableState struct {
	cols   columns
	parent text // the label of the last row that is not a child
	inside bool
}

// row reads one row of a table in the body: a header row sets the
// columns; a row whose label names a section and that has no value opens
// that section (done says so, with the heading line); any other row is a
// line "label … value … unit" with its figure.
func (d *doc) row(o *outline, ts *tableState, raw string, n int) {
	cells := cellsOf(raw)
	texts := make([]text, len(cells))
	origs := make([]string, len(cells))
	for i, c := range cells {
		s := strings.Join(c, " ")
		if strings.HasPrefix(s, contMark) {
			s = ""
		}
		origs[i] = strings.TrimPrefix(s, contMark)
		texts[i] = newText(clean(s))
	}
	if !ts.inside {
		ts.inside = true
		ts.cols = noColumns()
		ts.parent = text{}
	}
	if cols := headerColumns(texts); cols.known {
		ts.cols = cols
		return
	}
	p, ok := partsOf(texts, ts.cols)
	if !ok {
		d.rowAsLines(o, cells, n)
		return
	}
	label := texts[p.label]
	if p.value < 0 || strings.TrimSpace(texts[p.value].fold) == "" {
		// A row with no value: a section's heading, or the label of the
		// rows below it.
		// "I. | ĐẶC ĐIỂM TÌNH HÌNH": the numbered heading, cells joined.
		var all []string
		for _, t := range texts {
			if t.orig != "" {
				all = append(all, t.orig)
			}
		}
		if h := (line{text: newText(clean(strings.Join(all, " "))), n: n}); d.heading(o, h) {
			return
		}
		l := line{text: label, n: n}
		if keys, _ := headingKeys(numArabic, label.fold, o.top); len(keys) > 0 && len(label.fold) < 150 && !subset(keys, o.cur) {
			d.open(o, keys, l)
			return
		}
		if !childLabel(label.orig) {
			ts.parent = label
		}
		d.rowAsLines(o, cells, n)
		return
	}
	full := label
	if childLabel(label.orig) && ts.parent.fold != "" {
		full = newText(clean(ts.parent.orig + " " + label.orig))
	} else {
		ts.parent = label
	}
	var vals []string
	for i := p.value; i < p.valueTo && i < len(texts); i++ {
		if texts[i].orig != "" {
			vals = append(vals, texts[i].orig)
		}
	}
	value := newText(clean(strings.Join(vals, " ")))
	unit := ""
	if p.unit >= 0 && p.unit < len(texts) {
		unit = strings.TrimSpace(texts[p.unit].fold)
	}
	words := []string{label.orig, value.orig}
	if unit != "" {
		words = append(words, texts[p.unit].orig)
	}
	l := line{text: newText(strings.Join(words, " … ")), n: n, fig: &rowFigure{label: full, value: value, unit: unit}}
	for _, k := range o.cur {
		d.parts[k] = append(d.parts[k], l)
	}
}

// rowAsLines keeps a row that is not a figure as lines of text: each
// cell's paragraphs, the row number left out.
func (d *doc) rowAsLines(o *outline, cells [][]string, n int) {
	for i, c := range cells {
		for _, p := range c {
			if strings.HasPrefix(p, contMark) || i == 0 && len(cells) > 1 && ordinalRe.MatchString(fold(p)) {
				continue
			}
			l := line{text: newText(p), n: n}
			for _, k := range o.cur {
				d.parts[k] = append(d.parts[k], l)
			}
		}
	}
}

// open makes keys the sections the lines now go to, opened by l.
func (d *doc) open(o *outline, keys []string, l line) {
	o.cur = keys
	for _, k := range keys {
		d.headings[k] = l
	}
}

// subset tells whether every one of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
