package docimport

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"doingoai/models"
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
	note  text // the row's note ("Dự án “…” - Tổ chức …" beside a count of projects)
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
		cont := strings.HasPrefix(c, contMark)
		for _, p := range strings.Split(strings.TrimPrefix(c, contMark), paraSep) {
			if p = clean(p); p != "" {
				paras = append(paras, p)
			}
		}
		if cont {
			// The cell continues the one above: its words only mark it.
			paras = []string{contMark + strings.Join(paras, " ")}
		}
		out = append(out, paras)
	}
	return out
}

// columns are the roles of a table's columns, as its header row names
// them; -1 where it names none.
// Roles of a table's columns.
const (
	colNumber = "number" // STT: the row number, never a figure
	colLabel  = "label"  // Chỉ tiêu, Nội dung, Tên dự án
	colUnit   = "unit"   // Đơn vị tính
	colValue  = "value"  // Số lượng, Kết quả, Cam kết, …
	colNote   = "note"   // Ghi chú: read only for a bare percentage
	colDonor  = "donor"  // Nhà tài trợ
	colOther  = "other"  // a column never read (another period, a date)
	// colSubLabel is the second column under a label's header merged
	// across two ("Nội dung" over "Đoàn vào | Trong nước"): the row's own
	// label under the first column's, which spans the rows of its parts.
	colSubLabel = "sublabel"
)

// col is a column of a table as its header names it: its role, for a
// value the kind of figure ("people" in "Số người", "committed",
// "disbursed", "pct"), and its header's words, the merged header above it
// first.
type col struct {
	role, kind, head string
}

var (
	sttHeadRe   = regexp.MustCompile(`^(?:stt|tt|so tt|so thu tu|thu tu|s tt|ma so)\.?$`)
	labelHeadRe = regexp.MustCompile(`\b(?:chi tieu|noi dung|linh vuc|hang muc|ten chi tieu|ten du an|ten chuong trinh|danh muc|ten doan|doan|co quan, don vi)\b`)
	unitHeadRe  = regexp.MustCompile(`^(?:dvt|don vi tinh|don vi|dv tinh|d\.v\.t)\.?$`)
	valueHeadRe = regexp.MustCompile(`\b(?:so luong|ket qua|so lieu|thuc hien|gia tri|tong so|so nguoi|so luot|cam ket|giai ngan|ty le|nam \d{4}|ky bao cao|luy ke|ca nam|6 thang|quy (?:i|ii|iii|iv|[1-4])|thang \d{1,2}|so)\b|^(?:19|20)\d{2}$`)
	noteHeadRe  = regexp.MustCompile(`\b(?:ghi chu|chi tiet|dien giai|thuyet minh)\b`)
	donorHeadRe = regexp.MustCompile(`\b(?:nha tai tro|to chuc tai tro|don vi tai tro|tai tro)\b`)
	otherHeadRe = regexp.MustCompile(`\b(?:thoi gian|ngay|so sanh|cung ky|ke hoach|nam truoc|chi tieu giao|quoc tich|dia diem)\b`)
	headWordRe  = regexp.MustCompile(`\b(?:stt|tt|chi tieu|noi dung|don vi tinh|dvt|so luong|ket qua|so lieu|ghi chu|so nguoi|cam ket|giai ngan|ten du an|nha tai tro|to chuc tai tro|don vi tai tro|kinh phi|thoi gian|tong so|gia tri|ty le|thuc hien)\b|^(?:du an|chuong trinh|du an, chuong trinh)$|^(?:nam \d{4}|(?:19|20)\d{2}|ca nam(?: \d{4})?|(?:0?6|sau) thang (?:dau|cuoi) nam(?: \d{4})?)$`)
	rangeHeadRe = regexp.MustCompile(`^(?:ke )?tu (?:ngay )?\d{1,2}/\d{1,2}(?:/\d{4})? (?:den|-) (?:ngay )?(?:\d{1,2}/\d{1,2}(?:/\d{4})?|nay)$`)
	ordinalRe   = regexp.MustCompile(`^(?:\d{1,2}|[ivx]{1,4}|[a-dđ])[.)]?(?:\d{1,2}[.)]?)?$`)
	totalRe     = regexp.MustCompile(`^(?:cong|tong cong|tong so|tong)\s*:?(?:\s*\([^()]*\))?$`)
)

// isHeader tells whether a row is a header row: two cells name columns
// ("STT", "Số lượng", "Cam kết"), none holds a figure (a year in "Năm
// 2024" is no figure) and it has no row number.
func isHeader(cells []text) bool {
	named := 0
	for i, c := range cells {
		f := strings.TrimSpace(c.fold)
		if strings.IndexFunc(stripYears(outsideBrackets(f)), isDigitRune) >= 0 || i == 0 && ordinalRe.MatchString(f) {
			return false // a figure, or a row's number ("II | KẾT QUẢ …")
		}
		if headWordRe.MatchString(f) {
			named++
		}
	}
	return named >= 2
}

// leafHeads combines a header row and the row under it that divides its
// merged cells ("Kết quả 6 tháng cuối năm 2024" over "Số lượng" and "Số
// người") into the words of each column. In a .docx both rows have as
// many cells (a spanning cell is followed by empty ones, a merged one
// continues); in text a spanning cell is one cell and a vertically merged
// one leaves the cell below it empty, so the cells that divide the
// spanning ones are shared out evenly among them.
func leafHeads(top, sub []text) []string {
	heads := make([]string, len(sub))
	if len(top) == len(sub) {
		last := ""
		for i := range sub {
			if t := strings.TrimSpace(top[i].fold); t != "" {
				last = t
			}
			heads[i] = strings.TrimSpace(last + " " + sub[i].fold)
		}
		return heads
	}
	empty := 0
	for _, c := range sub {
		if strings.TrimSpace(c.fold) == "" {
			empty++
		}
	}
	spanning, divided := len(top)-empty, len(sub)-empty
	if spanning <= 0 || divided%spanning != 0 {
		for i := range sub {
			heads[i] = strings.TrimSpace(sub[i].fold)
		}
		return heads
	}
	span, p, run := divided/spanning, 0, 0
	for i, c := range sub {
		if p >= len(top) {
			heads[i] = strings.TrimSpace(c.fold)
			continue
		}
		t := strings.TrimSpace(top[p].fold)
		if strings.TrimSpace(c.fold) == "" {
			heads[i] = t
			p++
			continue
		}
		heads[i] = strings.TrimSpace(t + " " + c.fold)
		if run++; run == span {
			run = 0
			p++
		}
	}
	return heads
}

func foldsOf(ts []text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = strings.TrimSpace(t.fold)
	}
	return out
}

// columnsOf tells the role of each column from its header's words, or
// nil if no column is the label. Of the value columns of one kind, only
// those of the report's own period are read ("Năm 2025" in a report of
// 2025, not "Năm 2024"; "Cả năm" in a year's report, not "6 tháng đầu").
func columnsOf(heads []string, per period) []col {
	cols := make([]col, len(heads))
	label := false
	best := map[string]int{}
	fits := make([]int, len(heads))
	for i, h := range heads {
		c := col{head: h}
		switch {
		case h == "":
			c.role = colOther
		case sttHeadRe.MatchString(h):
			c.role = colNumber
		case unitHeadRe.MatchString(h):
			c.role = colUnit
		case noteHeadRe.MatchString(h):
			c.role = colNote
		case donorHeadRe.MatchString(h) && !(labelHeadRe.MatchString(h) && !label):
			c.role = colDonor // not "Tên dự án, nhà tài trợ": the label
		case !label && labelHeadRe.MatchString(h):
			c.role, label = colLabel, true
		case otherHeadRe.MatchString(h):
			c.role = colOther
		case valueHeadRe.MatchString(h):
			c.role, c.kind = colValue, valueKind(h)
			fits[i] = per.fit(h)
			if b, ok := best[c.kind]; !ok || fits[i] > b {
				best[c.kind] = fits[i]
			}
		case !label:
			c.role, label = colLabel, true
		default:
			c.role = colNote
		}
		cols[i] = c
	}
	for i := range cols {
		if cols[i].role == colValue && (fits[i] < 0 || fits[i] < best[cols[i].kind]) {
			cols[i].role = colOther
		}
		if i > 0 && cols[i-1].role == colLabel && heads[i] == heads[i-1] {
			cols[i].role = colSubLabel // "Nội dung | Nội dung": a merged header's second column
		}
	}
	if !label {
		return nil
	}
	projectValues(cols)
	return cols
}

// projectValues gives a table of NGO projects (a column of donors, or
// the label's column named "Dự án") its column of the value committed
// when the header names it otherwise: "Tổng vốn (triệu đồng)", "Kinh
// phí", "Giá trị (đồng)".
func projectValues(cols []col) {
	projects, committed := false, false
	for _, c := range cols {
		projects = projects || c.role == colDonor || c.role == colLabel && hasAny(c.head, "du an", "chuong trinh")
		committed = committed || c.role == colValue && c.kind == "committed"
	}
	if !projects || committed {
		return
	}
	at := -1
	for i, c := range cols {
		if (c.role == colNote || c.role == colValue && c.kind == "") && committedHeadRe.MatchString(c.head) && !hasAny(c.head, "giai ngan", "con lai", "ke hoach", "doi ung") {
			if at >= 0 {
				return // two such columns: which is committed is not said
			}
			at = i
		}
	}
	if at >= 0 {
		cols[at].role, cols[at].kind = colValue, "committed"
	}
}

// committedHeadRe names the value of a project in a table's header.
var committedHeadRe = regexp.MustCompile(`\b(?:tong von|von vien tro|von tai tro|kinh phi|tong kinh phi|gia tri|tri gia|so tien|tong muc)\b`)

// valueKind is the kind of figure a value column holds.
func valueKind(h string) string {
	switch {
	case hasAny(h, "so nguoi", "so luot nguoi", "luot nguoi", "so thanh vien", "so khach"),
		strings.HasSuffix(h, " nguoi") || strings.HasSuffix(h, " (nguoi)"):
		return "people" // "Năm 2024 Người": the merged year over "Đoàn" and "Người"
	case hasAny(h, "cam ket"):
		return "committed"
	case hasAny(h, "giai ngan"):
		return "disbursed"
	case hasAny(h, "ty le"):
		return "pct"
	}
	return ""
}

// period is the report's period as its title says it, to choose among a
// table's columns.
type period struct {
	year string // "2024"
	half string // "dau", "cuoi", or "" for the whole year
}

// fit tells how well a column's header fits the period: 2 if it names
// the whole of a year's report ("Cả năm", "Lũy kế cả năm"), 1 if it
// names the period or its year, 0 if it names no period,
// -1 if it names another. Columns of one kind that fit alike are all
// read, so that figures they give differently are left unresolved.
func (p period) fit(h string) int {
	if hasAny(h, "cung ky", "nam truoc", "so sanh", "ke hoach") || partYearRe.MatchString(h) {
		return -1 // another period, or a quarter's or a month's part of it
	}
	if p.half == "cuoi" && hasAny(h, "luy ke") && !hasAny(h, "6 thang", "sau thang") {
		return -1 // "Lũy kế năm 2024" beside the second half: the year so far
	}
	fit := 0
	for _, y := range yearOnlyRe.FindAllString(h, -1) {
		if y != p.year {
			return -1
		}
		fit = 1
	}
	if hasAny(h, "6 thang", "sau thang") {
		half := "dau"
		if strings.Contains(h, "cuoi") {
			half = "cuoi"
		}
		if half != p.half {
			return -1
		}
		return 1
	}
	if hasAny(h, "ca nam") {
		if p.half != "" {
			return -1
		}
		return 2
	}
	return fit
}

var yearOnlyRe = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)

// partYearRe names a quarter or a month of the year in a column's header
// ("Quý I", "Quý IV (đến 30/11)", "Tháng 12"): a part of a year's or a
// half's figure, never the period's own.
// A span of months ("Từ tháng 7 đến tháng 12") is none.
var partYearRe = regexp.MustCompile(`\bquy (?:i|ii|iii|iv|[1-4])\b|^(?:nam \d{4} )?thang \d{1,2}(?: nam \d{4})?(?: \(.*\))?$`)

// titlePeriod reads the period from the title's words.
func titlePeriod(title []line) period {
	for _, l := range title {
		if m := halfRe.FindStringSubmatch(l.fold); m != nil {
			return period{year: m[2], half: m[1]}
		}
		if m := yearRe.FindStringSubmatch(l.fold); m != nil {
			return period{year: m[1]}
		}
	}
	return period{}
}

var yearWordRe = regexp.MustCompile(`\b(?:nam\s+)?(?:19|20)\d{2}\b|\b(?:0?3|0?6|0?9|12)\s+thang\b`)

func stripYears(f string) string { return yearWordRe.ReplaceAllString(f, "") }

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

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
	header  []text // the last header row, which a second one may divide
	cols    []col  // the columns, once a header names them
	parent  text   // the label of the last row that is not a child
	group   string // the words of the last row that groups those below it ("B. Dự án đề xuất")
	caption string // the words before the table ("2. Các đoàn trong nước đến làm việc")
	inside  bool
	headed  bool   // the last row was a header row
	peoples []text // a row of the names of peoples, their shares in the row below
	// the cells of the row of peoples' names after a label ("Dân tộc"),
	// whose shares are in a row below labelled as such, or 0
	peoplesWidth int
	// A table of peoples by row under a header "Dân tộc | … | Tỷ lệ (%)":
	// the column of their names and that of their shares, or 0.
	peopleCol, shareCol int
	// the project (its index + 1 in doc.projects) made of the first row
	// under a merged label ("Dự án …"), whose other rows measure it; or 0
	project int
	rows    int    // the rows read of the table
	prev    []text // the row before, which may name the figures of this one
	prev2   []text // the row before that
	// for each cell of those rows, whether it continues the one above
	prevCont, prev2Cont []bool
	// A table whose rows are periods ("Năm 2025", "Năm 2024", "Tăng,
	// giảm") and whose columns are figures: its header rows, and for
	// each of their cells whether it continues the cell above (.docx).
	byPeriod    [][]text
	periodCont  [][]bool
	periodRows  bool // a row of a period was read: no more header rows
	periodParts bool // the rows of periods so far are all quarters or months of the report's year
	periodCol   int  // the column of the periods: 0, or 1 after "STT"
}

// monthUnitRe is a unit of money of a month, a quarter or a household.
var monthUnitRe = regexp.MustCompile(`/\s*(?:thang|quy|ho)\b`)

// knownUnit tells whether words in a label's brackets are a unit: of a
// count ("người", "hộ"), a share ("%"), an area ("ha", "km²") or money
// ("triệu đồng/người/năm").
func knownUnit(u string) bool {
	if monthUnitRe.MatchString(u) {
		return false // "(triệu đồng/người/tháng)": a month's, no unit the profile reads
	}
	if _, ok := unitWords[u]; ok || u == "%" {
		return true
	}
	if cu, _ := columnUnit(u); cu != "" {
		return true
	}
	return false
}

// unitParenRe is a unit in brackets at the end of a header ("(ha)",
// "(triệu đồng/người/năm)").
var unitParenRe = regexp.MustCompile(`\(([^()]+)\)\s*$`)

// acrossPair tells whether a row of at least four labels, none a
// figure nor a row number's or a year's header, stands over a row of as
// many figures: a table laid out across.
func acrossPair(heads, vals []text) bool {
	if len(heads) < 4 || len(vals) != len(heads) {
		return false
	}
	for i := range heads {
		h := strings.TrimSpace(heads[i].fold)
		if h == "" || startsFigure(h) || sttHeadRe.MatchString(h) || yearOnlyRe.MatchString(h) || !startsFigure(strings.TrimSpace(vals[i].fold)) {
			return false
		}
	}
	return true
}

// countRateRe is a count with its share in brackets ("38 (0,28%)").
var countRateRe = regexp.MustCompile(`^\d[\d.]*\s*\(\s*\d[\d,.]*\s*%\s*\)$`)

// totalOfBreakdown reads a row of figures under a header "Tổng số |
// Trong đó" whose second row names the parts (" | Hàn Quốc | Pháp | …"):
// the total's cell, first.
func totalOfBreakdown(top, sub, vals []text) (text, bool) {
	if len(top) < 2 || len(sub) != len(vals) || len(vals) < 3 || len(top) > len(vals) {
		return text{}, false
	}
	if !totalHeadRe.MatchString(strings.TrimSpace(top[0].fold)) || !hasAny(top[1].fold, "trong do", "chia ra", "bao gom", "gom") || strings.TrimSpace(sub[0].fold) != "" {
		return text{}, false
	}
	if !noFigures(sub) || nonEmpty(sub) != len(sub)-1 {
		return text{}, false
	}
	for _, v := range vals {
		if !startsFigure(strings.TrimSpace(v.fold)) {
			return text{}, false
		}
	}
	return vals[0], true
}

// totalHeadRe is the header of a total's column.
var totalHeadRe = regexp.MustCompile(`^(?:tong so|tong|tong cong|cong)$`)

// nonEmpty counts the cells that hold words.
func nonEmpty(cells []text) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c.fold) != "" {
			n++
		}
	}
	return n
}

// peopleRow tells whether a row holds only names of peoples ("Tày | Kinh
// | Dao | Nùng"), at least two of them.
func peopleRow(cells []text) bool {
	n := 0
	for _, c := range cells {
		f := strings.TrimSpace(c.fold)
		if f == "" {
			continue
		}
		if _, ok := peoples[strings.TrimPrefix(f, "dan toc ")]; !ok {
			return false
		}
		n++
	}
	return n >= 2
}

// sharesLine reads the row under a row of peoples' names as their shares,
// when the caption or the cells say they are percentages and they add up
// to at most 100: one line "Dân tộc: Tày 64,8%, Kinh 16,4%, …" for the
// profile's reading of peoples.
//
// The last column may have no people's name but a header of its own over
// it ("Tỷ lệ các dân tộc (%)" over the names, "Tỷ lệ người DTTS (%)" over
// the last): its share is the ethnic minorities', a line of its own.
func sharesLine(names, shares []text, caption string, top []text) ([]line, bool) {
	if len(shares) == len(names)+1 {
		names = append(names[:len(names):len(names)], text{}) // the empty cell under the last header, dropped at the row's end
	}
	if len(names) != len(shares) {
		return nil, false
	}
	heads := strings.Join(foldsOf(top), " ")
	pct := strings.Contains(caption, "%") || hasAny(caption, "ty le", "phan tram") || nonEmpty(top) >= 1 && strings.Contains(heads, "%")
	var parts []string
	var minority string
	var sum int64
	for i, c := range shares {
		f := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c.fold), "%"))
		if strings.TrimSpace(names[i].fold) == "" && f == "" {
			continue
		}
		d, err := ParseNumber(f)
		if err != nil {
			return nil, false
		}
		if strings.TrimSpace(names[i].fold) == "" {
			last := lastHead(top)
			if i != len(shares)-1 || nonEmpty(top) < 2 || !minorityHead(last) {
				return nil, false // a share under no name
			}
			minority = f
			continue
		}
		pct = pct || strings.Contains(c.fold, "%")
		sum += d.Units()
		parts = append(parts, strings.TrimSpace(names[i].orig)+" "+f+"%")
	}
	if !pct || len(parts) == 0 || sum > 100*models.DecimalScale+models.DecimalScale/2 {
		return nil, false
	}
	out := []line{{text: newText("Dân tộc: " + strings.Join(parts, ", "))}}
	if minority != "" {
		out = append(out, line{text: newText("Tỷ lệ dân tộc thiểu số: " + minority + "%")})
	}
	return out, true
}

// peoplesLabelRe is the label of a row of peoples' names ("Dân tộc |
// Khmer | Kinh | Hoa | Cộng"); shareLabelRe that of the row of their
// shares under it ("Tỷ lệ (%) | 72,4 | …").
var (
	peoplesLabelRe = regexp.MustCompile(`^(?:thanh phan dan toc|ten dan toc|cac dan toc|dan toc)(?:\s*\([^()]*\))?$`)
	shareLabelRe   = regexp.MustCompile(`^(?:ty le|co cau|ty trong)\b`)
)

// peoplesHeader tells whether a header row names the peoples in a column
// ("Dân tộc") and their shares in a later one ("Tỷ lệ (%)"), and returns
// both columns.
func peoplesHeader(cells []text) (peopleCol, shareCol int, ok bool) {
	peopleCol = -1
	for i, c := range cells {
		f := strings.TrimSpace(c.fold)
		switch {
		case peopleCol < 0 && peoplesLabelRe.MatchString(f):
			peopleCol = i
		case peopleCol >= 0 && shareLabelRe.MatchString(f) && strings.Contains(f, "%"):
			if shareCol > 0 {
				return 0, 0, false // two columns of shares: which is the people's is not said
			}
			shareCol = i
		}
	}
	return peopleCol, shareCol, peopleCol >= 0 && shareCol > peopleCol
}

// labelledPeopleRow tells whether a row names peoples after a label that
// says so ("Dân tộc"), the last cell perhaps their total ("Cộng"), and
// returns the names.
func labelledPeopleRow(cells []text) ([]text, bool) {
	if len(cells) < 3 || !peoplesLabelRe.MatchString(strings.TrimSpace(cells[0].fold)) {
		return nil, false
	}
	names := cells[1:]
	if totalRe.MatchString(strings.TrimSpace(names[len(names)-1].fold)) {
		names = names[:len(names)-1]
	}
	if nonEmpty(names) != len(names) || !peopleRow(names) {
		return nil, false
	}
	return names, true
}

// profileTableLines adds the lines a table of peoples' shares gives to
// the sections it is in, or, in an annex or a part of no section, to the
// profile (where the profile's lines are: its section, or else those
// before the first section).
func (d *doc) profileTableLines(o *outline, ls []line, n int) {
	keys := o.cur
	if generic(keys) {
		keys = []string{secPreamble}
		if len(d.parts[secProfile]) > 0 {
			keys = []string{secProfile}
		}
	}
	for _, l := range ls {
		l.n = n
		for _, k := range keys {
			d.parts[k] = append(d.parts[k], l)
		}
	}
}

// lastHead is the words of the last cell of a header row that has any.
func lastHead(top []text) string {
	for i := len(top) - 1; i >= 0; i-- {
		if f := strings.TrimSpace(top[i].fold); f != "" {
			return f
		}
	}
	return ""
}

// minorityHead tells whether a header names the share of the ethnic
// minorities ("Tỷ lệ người DTTS (%)").
func minorityHead(h string) bool {
	return hasAny(h, "dtts", "dan toc thieu so", "thieu so") && !hasAny(h, "kinh")
}

// groupOrdinalRe begins the label of a group of rows ("A. ", "II. ",
// "2) "), never a column's name.
var groupOrdinalRe = regexp.MustCompile(`^(?:[a-dđ]|[ivx]{1,4}|\d{1,2})[.)]\s+\S`)

// subHeader tells whether a row under a header row divides its merged
// cells by period or kind only ("| | | Năm 2023 | Năm 2024 |"): each of its
// cells is empty or names a column, and none holds a figure.
func subHeader(cells []text) bool {
	named := 0
	for _, c := range cells {
		f := strings.TrimSpace(c.fold)
		if f == "" {
			continue
		}
		if groupOrdinalRe.MatchString(f) {
			return false // "A. Dự án đang thực hiện": the label of the rows below
		}
		if _, unit := unitWords[strings.Trim(f, " ()")]; unit && f != "to" && f != "ban" {
			named++ // "Đoàn | Người" under a period: the unit of each column
			continue
		}
		if rangeHeadRe.MatchString(f) || partYearRe.MatchString(f) {
			named++ // "Từ 01/7 đến 10/12/2025", "Tháng 11": a part of the period, its dates no figure
			continue
		}
		if totalRe.MatchString(f) {
			named++ // "Quý I | Quý II | Cộng": the total of the parts beside it
			continue
		}
		if strings.IndexFunc(stripYears(outsideBrackets(f)), isDigitRune) >= 0 || !valueHeadRe.MatchString(f) && !otherHeadRe.MatchString(f) && !headWordRe.MatchString(f) {
			return false
		}
		named++
	}
	return named > 0
}

// row reads one row of a table in the body: a header row names the
// columns; a row with a label and no value opens the section it names or
// is the label of the rows below it; a row of a table of NGO projects is a
// project; any other row gives a line "label … value" with its figure for
// each value column, the row number left out.
func (d *doc) row(o *outline, ts *tableState, raw string, n int) {
	cells := cellsOf(raw)
	texts := make([]text, len(cells))
	for i, c := range cells {
		s := strings.Join(c, " ")
		if strings.HasPrefix(s, contMark) {
			s = ""
		}
		texts[i] = newText(clean(s))
	}
	if !ts.inside || ts.cols != nil && projectTable(ts.cols) && !generic(o.cur) && !slices.Contains(o.cur, secPeopleNgo) {
		// A table of NGO projects ends where a heading of another section
		// ("4. Lãnh sự …" typed between its rows and the next table's) begins.
		*ts = tableState{inside: true, caption: ts.caption}
	}
	if ts.rows++; ts.rows == 1 && nonEmpty(texts) == 1 && texts[0].fold != "" {
		// A first row of one merged cell is the table's title: its caption
		// ("Tỷ lệ các dân tộc trên địa bàn xã (%)").
		ts.caption = strings.TrimSpace(ts.caption + " " + texts[0].fold)
	}
	if d.periodRow(o, ts, cells, texts, n) {
		return
	}
	if peopleRow(texts) {
		ts.peoples = texts // the names of a table of shares by people, its shares below
		ts.peoplesWidth = 0
		return
	}
	if names, ok := labelledPeopleRow(texts); ok {
		ts.peoples, ts.peoplesWidth = names, len(texts)
		return
	}
	if ts.peoples != nil && ts.peoplesWidth > 0 {
		// A row under "Dân tộc | Khmer | Kinh | Hoa | Cộng": its label says
		// what its cells are — the shares ("Tỷ lệ (%)"), or the people of
		// each ("Số nhân khẩu"), a row of the table as any other.
		names := ts.peoples
		if len(texts) != ts.peoplesWidth || strings.TrimSpace(texts[0].fold) == "" {
			ts.peoples = nil
		} else if label := strings.TrimSpace(texts[0].fold); shareLabelRe.MatchString(label) {
			ts.peoples = nil
			if ls, ok := sharesLine(names, texts[1:1+len(names)], label, nil); ok {
				d.profileTableLines(o, ls, n)
				return
			}
		}
	} else if ts.peoples != nil {
		names := ts.peoples
		ts.peoples = nil
		if ls, ok := sharesLine(names, texts, ts.caption, ts.header); ok {
			d.profileTableLines(o, ls, n)
			return
		}
	}
	if ts.shareCol > 0 {
		// "Khmer | 2.104 | 8.457 | 53,4" under "Dân tộc | Số hộ | Số nhân
		// khẩu | Tỷ lệ (%)": the people's share, its other cells no
		// figure of the profile; the total row below is any row.
		if len(texts) > ts.shareCol {
			name := strings.TrimSpace(texts[ts.peopleCol].orig)
			if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) && !totalRe.MatchString(strings.TrimSpace(texts[ts.peopleCol].fold)) && len(strings.Fields(name)) <= 3 {
				v := texts[ts.shareCol]
				l := line{text: newText(texts[ts.peopleCol].orig + " … " + v.orig), n: n, fig: &rowFigure{label: newText("dân tộc " + name), value: v, unit: "%"}}
				d.profileTableLines(o, []line{l}, n)
				return
			}
		}
		ts.peopleCol, ts.shareCol = 0, 0
	}
	if pc, sc, ok := peoplesHeader(texts); ok {
		ts.peopleCol, ts.shareCol = pc, sc
	}
	prev, prev2 := ts.prev, ts.prev2
	ts.prev, ts.prev2 = texts, prev
	prevCont, prev2Cont := ts.prevCont, ts.prev2Cont
	ts.prevCont, ts.prev2Cont = contCells(cells), prevCont
	if len(prev2) > 0 && unitsRow(prev) && len(prev) == len(texts) && noFigures(prev2) && nonEmpty(prev2) >= 2 && figureCells(texts) && nonEmpty(texts) == len(texts) {
		// "Đoàn ra | Đoàn vào …" over "Đoàn | Người | Đoàn | Người" over
		// "02 | 09 | 34 | 412": a table laid out across under a header of
		// two rows, each column named by the cells above it.
		if heads := periodHeads([][]text{prev2, prev}, [][]bool{prev2Cont, prevCont}, len(texts)); heads != nil {
			d.headedFigures(o, heads, texts, 0, "", n)
			return
		}
	}
	if v, ok := totalOfBreakdown(prev2, prev, texts); ok && ts.caption != "" {
		// "Tổng số | Trong đó" over " | Hàn Quốc | Pháp | …" over "263 |
		// 74 | 52 | …", under "Người nước ngoài tạm trú …:": the total is
		// the caption's figure, its parts none.
		l := line{text: newText(prev2[0].orig + " … " + v.orig), n: n, fig: &rowFigure{label: newText(strings.TrimRight(ts.caption, " :")), value: v}}
		for _, k := range o.cur {
			d.parts[k] = append(d.parts[k], l)
		}
		return
	}
	if acrossPair(prev, texts) {
		// "Diện tích tự nhiên (ha) | Số hộ | … " over "116,2 | 2.873 | …":
		// a table laid out across, each header naming the figure below it.
		for i := range texts {
			label, unit := prev[i], ""
			if m := unitParenRe.FindStringSubmatchIndex(label.fold); m != nil {
				unit = label.fold[m[2]:m[3]]
				label = newText(strings.TrimSpace(label.orig[:label.idx[m[0]]]))
				if strings.TrimSpace(unit) == "ty le" && countRateRe.MatchString(strings.TrimSpace(texts[i].fold)) {
					unit = "" // "Hộ nghèo (tỷ lệ)" over "38 (0,28%)": the count, and its share by its "%"
				}
			}
			if vs, us, ok := pairedCell(texts[i], strings.TrimSpace(label.fold)); ok {
				// "Chi bộ / Đảng viên" over "21 / 524": a figure for each name.
				for k := range vs {
					l := line{text: newText(prev[i].orig + " … " + texts[i].orig), n: n, fig: &rowFigure{label: newText(us[k]), value: vs[k], unit: us[k]}}
					for _, key := range o.cur {
						d.parts[key] = append(d.parts[key], l)
					}
				}
				continue
			}
			l := line{text: newText(prev[i].orig + " … " + texts[i].orig), n: n, fig: &rowFigure{label: label, value: texts[i], unit: unit}}
			for _, k := range o.cur {
				d.parts[k] = append(d.parts[k], l)
			}
		}
		return
	}
	if isHeader(texts) || ts.headed && subHeader(texts) {
		if ts.header != nil && ts.cols != nil && len(texts) >= len(ts.header) && !headWordRe.MatchString(texts[0].fold) {
			ts.cols = columnsOf(leafHeads(ts.header, texts), d.period)
		} else {
			ts.header = texts
			ts.cols = columnsOf(foldsOf(texts), d.period)
		}
		ts.headed = true
		return
	}
	if ts.headed && numbersRow(texts) {
		return // "A | B | C | 1 | 2 | 3=1+2": the columns' numbers, no data
	}
	ts.headed = false
	if ts.cols == nil {
		d.plainRow(o, ts, cells, texts, n)
		return
	}
	cols := ts.cols
	if len(texts) < len(cols) && len(texts) > 1 && !ordinalRe.MatchString(strings.TrimSpace(texts[0].fold)) {
		// The first cell spans the columns before the others ("Cộng" over
		// STT, Thời gian and Đoàn).
		pad := make([]text, len(cols)-len(texts))
		texts = append(append([]text{texts[0]}, pad...), texts[1:]...)
	}
	cols = subLabelRow(cols, texts)
	cell := func(role string) (text, col, bool) {
		for i, c := range cols {
			if c.role == role && i < len(texts) && texts[i].fold != "" {
				return texts[i], c, true
			}
		}
		return text{}, col{}, false
	}
	label, _, ok := cell(colLabel)
	inherited := false // the label is that of the merged cell above
	subLabel, _, hasSub := cell(colSubLabel)
	if hasSub && !ok && ts.parent.fold != "" {
		// " |  | Nước ngoài | 07 | 64" under "2 | Đoàn vào | Trong nước |
		// 38 | 512": the first label merged over the rows of its parts.
		label, ok = ts.parent, true
	}
	if !ok && len(texts) > 0 && totalRe.MatchString(texts[0].fold) {
		label, ok = texts[0], true // "Cộng" over the number and the label
	}
	if _, _, unit := cell(colUnit); !ok && unit && ts.parent.fold != "" && len(texts) == len(cols) && strings.TrimSpace(texts[0].fold) == "" && !projectTable(cols) {
		// "1 | Đoàn ra | Đoàn | 1" over " |  | Người | 6": the label merged
		// over the rows of its units, each row the label's.
		label, ok = ts.parent, true
		inherited = true
	}
	if !inherited {
		ts.project = 0
	}
	if !ok {
		// A group row whose words sit in the number's column ("A. Dự án
		// đang triển khai" typed in one cell).
		var words []string
		for _, t := range texts {
			if t.orig != "" {
				words = append(words, t.orig)
			}
		}
		label = newText(clean(strings.Join(words, " ")))
	}
	hasValue := false
	for i, c := range cols {
		hasValue = hasValue || c.role == colValue && i < len(texts) && texts[i].fold != ""
	}
	if !hasValue {
		d.groupRow(o, ts, texts, label, n)
		return
	}
	if spannedValues(cols, texts) {
		if !inherited && !hasSub && ok && !childLabel(label.orig) {
			// The rows under it with no label of their own are its
			// ("8 | Viện trợ … | Dự án | 01 | 01 | - | …" over " |  | Cam
			// kết (đồng) | 1.250.000.000"), not the row's before it.
			ts.parent = label
		}
		return // which of the columns under one header holds its figure is not said
	}
	if totalRe.MatchString(label.fold) {
		if ts.caption == "" || projectTable(cols) || proseCaption(ts.caption) {
			// "Cộng": the sum of the rows above, not a figure of its own —
			// nor of a paragraph of prose before the table, which names
			// many figures and so none ("Xã có … hộ, … nhân khẩu, … Cơ cấu
			// dân tộc như sau:" over a table of peoples).
			return
		}
		label = newText(ts.caption + " " + label.orig)
	}
	if projectTable(cols) {
		d.projectRow(ts, cols, texts, label, text{})
		return
	}
	if listTable(cols) && !totalRe.MatchString(strings.TrimSpace(cells0(texts))) && !strings.Contains(label.fold, "cong") {
		d.rowAsLines(o, cells, n)
		return // one delegation of a list: its total is read, not each
	}
	full := label
	switch {
	case hasSub:
		// "Đoàn vào | Trong nước": the row's own label is the second,
		// said of the first.
		ts.parent = label
		full, label = newText(clean(label.orig+" "+subLabel.orig)), subLabel
	case (childLabel(label.orig) || bareMeasureRe.MatchString(strings.TrimSpace(label.fold))) && ts.parent.fold != "":
		full = newText(clean(ts.parent.orig + " " + label.orig))
	default:
		ts.parent = label
		if m := firstItemRe.FindStringIndex(label.fold); m != nil {
			// "Cơ cấu kinh tế: - Nông, lâm nghiệp" over "- Công nghiệp,
			// …": the rows under it are items of the words before the
			// colon, not of its first item.
			ts.parent = sub(label, 0, m[0])
		}
	}
	unit, _, _ := cell(colUnit)
	if unit.fold == "" {
		// "Diện tích tự nhiên (ha) | 2.345,6": the unit in the label's
		// brackets, when it is one.
		if m := unitParenRe.FindStringSubmatchIndex(full.fold); m != nil && knownUnit(strings.TrimSpace(full.fold[m[2]:m[3]])) {
			unit = newText(strings.TrimSpace(full.span(m[2], m[3])))
			full = newText(strings.TrimSpace(full.span(0, m[0])))
		}
	}
	note, _, _ := cell(colNote)
	if projectRowLabel(label.fold, unit.fold, o.cur) {
		if inherited && ts.project > 0 {
			// "6 | Dự án viện trợ … | Giá trị cam kết | đồng | 650000000"
			// over " |  | Giá trị giải ngân | đồng | 390000000": the rows
			// under one merged label are measures of the same project —
			// the one a detail names "giải ngân" its value disbursed; no
			// project of their own.
			p := &d.projects[ts.project-1]
			v, _, _ := cell(colValue)
			for i, c := range cols {
				if c.role == colNote && i < len(texts) && strings.Contains(texts[i].fold, "giai ngan") && p.disbursed.fold == "" && v.fold != "" {
					p.disbursed = newText(v.orig + " " + unit.orig)
					p.quote += " … " + texts[i].orig + " … " + p.disbursed.orig
					break
				}
			}
			return
		}
		// "Dự án … | USD | 25.000 | Đã giải ngân 12.000 USD": a project in a
		// table of indicators, its value in the unit's currency.
		before := len(d.projects)
		d.projectRow(ts, cols, texts, label, unit)
		if len(d.projects) > before {
			ts.project = len(d.projects)
		}
		return
	}
	for i, c := range cols {
		if i >= len(texts) || texts[i].fold == "" {
			continue
		}
		v := texts[i]
		u := strings.TrimSpace(unit.fold)
		if vs, us, ok := pairedCell(v, u); ok && c.role == colValue {
			// "Số chi bộ / đảng viên | chi bộ / đảng viên | 96 / 2.318": two
			// figures in one cell, each with its unit — in a column that is
			// read (not "Lũy kế năm 2024" beside the second half).
			for k := range vs {
				l := line{text: newText(label.orig + " … " + v.orig + " … " + unit.orig), n: n, fig: &rowFigure{label: full, value: vs[k], unit: us[k]}}
				for _, key := range o.cur {
					d.parts[key] = append(d.parts[key], l)
				}
			}
			continue
		}
		if c.role == colNote && hasAny(full.fold, "dan toc", "dtts", "thieu so") {
			// "Tỷ lệ người dân tộc thiểu số | % | 28,7 | Kinh 71,3%; Khmer
			// 27,9%; Hoa 0,8%": the peoples' shares in the note, each a
			// row of its own, as in a table by people.
			if ls, ok := notePeoples(v, n); ok {
				d.profileTableLines(o, ls, n)
				continue
			}
		}
		switch {
		case c.role == colValue && c.kind == "people":
			u = "nguoi"
		case c.role == colValue && c.kind == "pct":
			u = "%"
		case c.role == colValue:
		case c.role == colNote && notePctRe.MatchString(v.fold):
			u = "%"
		case c.role == colNote && noteCoursesRe.MatchString(v.fold):
			// "01 lớp do Sở Ngoại vụ tổ chức" beside the officials trained.
			v, u = newText(v.orig[:v.idx[noteCoursesRe.FindStringIndex(v.fold)[1]]]), "lop"
		default:
			continue
		}
		words := []string{label.orig, v.orig}
		if unit.orig != "" && c.kind == "" && c.role == colValue {
			words = append(words, unit.orig)
		}
		l := line{text: newText(strings.Join(words, " … ")), n: n, fig: &rowFigure{label: full, value: v, unit: u, note: note}}
		for _, k := range o.cur {
			d.parts[k] = append(d.parts[k], l)
		}
		// "Lãnh sự, bảo hộ công dân | Có 214 người nước ngoài tạm trú, …"
		// in a table outside sections 1–13: the prose of the cell is a
		// paragraph of the sections its row names.
		if c.role == colValue && !startsFigure(strings.TrimSpace(v.fold)) && generic(o.cur) {
			for _, k := range classifySections(full.fold) {
				d.parts[k] = append(d.parts[k], line{text: v, n: n})
			}
		}
	}
}

// firstItemRe is the colon of a label that names a group and its first
// item ("Cơ cấu kinh tế: - Nông, lâm nghiệp, thủy sản").
var firstItemRe = regexp.MustCompile(`\s*:\s*[-–+•]\s+\S`)

// subLabelRow gives the columns of a row typed as text whose label spans
// two cells where the header's is one ("Nội dung" over "2 | Đoàn vào |
// Trong nước | 38 | 512 | "): one cell more than the columns, words in
// the cell after the label's where a figure is due, and a figure or
// nothing in every column of values once that cell is the label's part.
// That cell then has a column of its own, the sub-label's, after the
// label's; any other row keeps the table's columns.
func subLabelRow(cols []col, texts []text) []col {
	li := slices.IndexFunc(cols, func(c col) bool { return c.role == colLabel })
	if li < 0 || len(texts) != len(cols)+1 || li+1 >= len(cols) || cols[li+1].role != colValue || slices.ContainsFunc(cols, func(c col) bool { return c.role == colSubLabel }) {
		return cols
	}
	if w := strings.TrimSpace(texts[li+1].fold); w == "" || strings.IndexFunc(w, isDigitRune) >= 0 {
		return cols
	}
	for j, c := range cols[li+1:] {
		if v := strings.TrimSpace(texts[li+2+j].fold); c.role == colValue && v != "" && !startsFigure(v) {
			return cols
		}
	}
	return slices.Concat(cols[:li+1], []col{{role: colSubLabel, head: cols[li].head}}, cols[li+1:])
}

// spannedValues tells whether a row holds figures in columns that its
// header does not name, beside a value column: "6 tháng cuối năm 2024"
// spanning "3 | 4 | 7" with no row under it dividing it ("Quý III | Quý
// IV | Cộng"). In a .docx the spanning cell is followed by empty ones, in
// text it is one cell and the row has more cells than the header. Which
// of them is the header's figure is not said: none is read.
func spannedValues(cols []col, texts []text) bool {
	figure := func(t text) bool {
		f := strings.TrimSpace(t.fold)
		return f == "-" || startsFigure(f)
	}
	for i := len(cols); i < len(texts); i++ {
		if figure(texts[i]) {
			return true
		}
	}
	for i, c := range cols {
		if c.role != colValue {
			continue
		}
		for j := i + 1; j < len(cols) && j < len(texts) && cols[j].head == ""; j++ {
			if figure(texts[j]) {
				return true
			}
		}
	}
	return false
}

// colNumRe is a column's number under a header: a letter ("A", "(B)"),
// a number ("1", "(2)"), or how the column is reckoned ("5=1+2+3+4",
// "7=5/6").
var colNumRe = regexp.MustCompile(`^\(?(?:[a-z]|(\d{1,2}))\)?(?:\s*=\s*[\d\s()+\-*/x:]+)?$`)

// numbersRow tells whether a row under a header only numbers its
// columns, as a sheet of a spreadsheet does: every cell a column's number,
// those in figures 1, 2, 3, … in order, at least three of them.
func numbersRow(cells []text) bool {
	next, n := 1, 0
	for _, c := range cells {
		f := strings.TrimSpace(c.fold)
		if f == "" {
			continue
		}
		m := colNumRe.FindStringSubmatch(f)
		if m == nil {
			return false
		}
		n++
		if m[1] != "" {
			if m[1] != strconv.Itoa(next) {
				return false
			}
			next++
		}
	}
	return n >= 3 && next > 2
}

// bareMeasureRe is a row's label that names only what is counted ("Số
// người" under "Đoàn trong nước đến làm việc"): of the row above.
var bareMeasureRe = regexp.MustCompile(`^(?:so nguoi|so luot nguoi|so luot|so thanh vien|so khach)$`)

// generic tells whether the current parts are none of the sections 1–13.
func generic(cur []string) bool {
	for _, k := range cur {
		if k != secResults && k != secOther && k != secPreamble {
			return false
		}
	}
	return true
}

// projectRowLabel tells whether a row of a table of indicators under NGO
// aid is a project: its label begins "Dự án" and its unit is money.
func projectRowLabel(label, unit string, cur []string) bool {
	if !slices.Contains(cur, secPeopleNgo) || !strings.HasPrefix(strings.TrimLeft(label, "-+• "), "du an ") {
		return false
	}
	u, money := columnUnit(unit)
	return money != "" || u == "dong" || hasAny(unit, "usd", "do la", "eur", "yen", "won")
}

// pairedCell splits a value cell and its unit that hold two figures set
// apart by "/" ("96 / 2.318" in "chi bộ / đảng viên", "04/38" in
// "đoàn/người"), as many values as units, each a number.
func pairedCell(v text, unit string) ([]text, []string, bool) {
	if !strings.Contains(v.fold, "/") || !strings.Contains(unit, "/") {
		return nil, nil, false
	}
	vs := strings.Split(v.orig, "/")
	us := strings.Split(unit, "/")
	if len(vs) != len(us) || len(vs) < 2 {
		return nil, nil, false
	}
	var out []text
	var units []string
	for k := range vs {
		t := newText(strings.TrimSpace(vs[k]))
		if _, err := ParseNumber(t.fold); err != nil {
			return nil, nil, false
		}
		u := strings.TrimSpace(us[k])
		if _, ok := unitWords[u]; !ok {
			return nil, nil, false
		}
		out, units = append(out, t), append(units, u)
	}
	return out, units, true
}

func cells0(ts []text) string {
	if len(ts) == 0 {
		return ""
	}
	return ts[0].fold
}

// notePeopleRe is a people and its share in a note ("Khmer 27,9%"), and
// notePeoplesRe a note that is only a list of them.
var (
	notePeopleRe  = regexp.MustCompile(`([a-z][a-z' -]*?)\s*:?\s*(\d{1,2}(?:,\d{1,2})?|100)\s*%`)
	notePeoplesRe = regexp.MustCompile(`^\s*(?:[a-z][a-z' -]*?\s*:?\s*(?:\d{1,2}(?:,\d{1,2})?|100)\s*%\s*(?:[;,]\s*|$))+$`)
)

// notePeoples reads a note that lists peoples and their shares ("Kinh
// 71,3%; Khmer 27,9%; Hoa 0,8%") as rows by people: two at least, each a
// people of the official list named with its capital.
func notePeoples(v text, n int) ([]line, bool) {
	if !notePeoplesRe.MatchString(v.fold) {
		return nil, false
	}
	var ls []line
	for _, m := range notePeopleRe.FindAllStringSubmatchIndex(v.fold, -1) {
		key := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v.fold[m[2]:m[3]]), "dan toc "))
		if _, ok := peoples[key]; !ok {
			return nil, false
		}
		name := strings.TrimSpace(v.span(m[2], m[3]))
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
			return nil, false
		}
		t := sub(v, m[0], m[1])
		ls = append(ls, line{text: t, n: n, fig: &rowFigure{label: newText("dân tộc " + strings.TrimSpace(t.span(m[2]-m[0], m[3]-m[0]))), value: newText(v.span(m[4], m[5])), unit: "%"}})
	}
	return ls, len(ls) >= 2
}

// noteCoursesRe is a note that says how many courses ("01 lớp …").
var noteCoursesRe = regexp.MustCompile(`^\d{1,3}\s+(?:lop|khoa)\b`)

// notePctRe is a note that is only a share: "6,93%", "Tỷ lệ 0,18%".
var notePctRe = regexp.MustCompile(`^(?:ty le\s*:?\s*|chiem\s*)?\d[\d.,]*\s*%$`)

// projectTable tells whether a table lists NGO projects: it has a column
// of the value committed or disbursed.
func projectTable(cols []col) bool {
	for _, c := range cols {
		if c.role == colValue && (c.kind == "committed" || c.kind == "disbursed") {
			return true
		}
	}
	return false
}

// listTable tells whether a table lists delegations one by one (a
// column of dates, or a label column "Đoàn").
func listTable(cols []col) bool {
	for _, c := range cols {
		if c.role == colOther && hasAny(c.head, "thoi gian", "ngay") || c.role == colLabel && (c.head == "doan" || c.head == "ten doan") {
			return true
		}
	}
	return false
}

// groupRow reads a row with no value: the heading of a section, or the
// label of the rows below it.
func (d *doc) groupRow(o *outline, ts *tableState, texts []text, label text, n int) {
	var all []string
	for _, t := range texts {
		if t.orig != "" {
			all = append(all, t.orig)
		}
	}
	if n := strings.TrimSpace(texts[0].fold); len(all) >= 2 && ordinalRe.MatchString(n) && !strings.ContainsAny(n, ".)") && opensBody(n, label.fold, o.top) {
		all[0] += "." // "A | THÔNG TIN CHUNG": a heading numbered in its own cell
	}
	joined := newText(clean(strings.Join(all, " ")))
	ts.group = joined.fold
	if d.heading(o, line{text: joined, n: n}) {
		return
	}
	if keys, _ := headingKeys(numArabic, label.fold, o.top); len(keys) > 0 && len(label.fold) < 150 && !subset(keys, o.cur) {
		d.open(o, keys, line{text: label, n: n})
		return
	}
	if !childLabel(label.orig) {
		ts.parent = label
	}
	l := line{text: joined, n: n}
	for _, k := range o.cur {
		d.parts[k] = append(d.parts[k], l)
	}
}

// opensBody tells whether a row numbered in its own cell ("A | THÔNG TIN
// CHUNG") opens a part of the body — the profile, the results, or some of
// the sections 1–13 — as a heading with that number would; a group of
// rows ("B | Dự án đề xuất") opens no part.
func opensBody(numeral, words, top string) bool {
	keys, _ := headingKeys(numeralKind(numeral), words, top)
	for _, k := range keys {
		switch k {
		case secPlan, secRecommendations, secTroubles, secDifficulties, secCauses, secOther:
			return false
		}
	}
	return len(keys) > 0
}

// tableProject is a row of a table of NGO projects.
type tableProject struct {
	name, donor          text
	committed, disbursed text
	quote                string
}

// finishedGroupRe is a group of rows of projects that have ended.
var finishedGroupRe = regexp.MustCompile(`\b(?:da ket thuc|da hoan thanh|ket thuc|hoan thanh|da quyet toan)\b`)

// runningRowRe begins a row's label that adds up projects over the years.
var runningRowRe = regexp.MustCompile(`^(?:luy ke|tong cong|tong so|tinh den|tu nam \d{4} den nay)\b`)

// projectRow keeps a row of a table of NGO projects, unless its group
// says the projects below it are only proposed ("Dự án đề xuất, chưa
// được phê duyệt"). In a table of indicators (unit set), the value column
// with the unit is the value committed and a note that says "giải ngân"
// the value disbursed.
func (d *doc) projectRow(ts *tableState, cols []col, texts []text, label, unit text) {
	if proposedRe.MatchString(ts.group) || strings.Contains(ts.group, "de xuat") || proposedRe.MatchString(label.fold) || finishedBefore(label.fold, d.period.year) {
		return
	}
	if finishedGroupRe.MatchString(ts.group) && !hasAny(ts.group, "chua hoan thanh", "chua ket thuc", "dang thuc hien", "dang trien khai", "chuyen tiep") && !slices.Contains(yearOnlyRe.FindAllString(label.fold+" "+ts.group, -1), d.period.year) {
		// "B. Dự án đã kết thúc" and no year of the report's: ended this
		// year or before is not said; the row is left out, not guessed.
		return
	}
	for _, t := range texts {
		if totalRe.MatchString(strings.TrimSpace(t.fold)) {
			return // "Cộng", wherever a merged cell shifted it: the sum of the projects above
		}
	}
	if runningRowRe.MatchString(strings.TrimSpace(label.fold)) {
		return // "Lũy kế các dự án từ năm 2015": a sum over the years, no project
	}
	p := tableProject{name: label}
	words := []string{label.orig}
	for i, c := range cols {
		if i >= len(texts) || texts[i].fold == "" {
			continue
		}
		if c.role == colNote && (proposedRe.MatchString(texts[i].fold) || finishedBefore(texts[i].fold, d.period.year)) {
			return // "Đã kết thúc năm 2023", "Chưa được phê duyệt" in its note
		}
		switch {
		case c.role == colDonor:
			p.donor = texts[i]
		case c.role == colValue && c.kind == "committed":
			p.committed = moneyCell(texts[i], c.head+" "+captionUnit(ts.caption))
			words = append(words, texts[i].orig)
		case c.role == colValue && c.kind == "disbursed":
			p.disbursed = moneyCell(texts[i], c.head+" "+captionUnit(ts.caption))
			words = append(words, texts[i].orig)
		case unit.fold != "" && c.role == colValue && p.committed.fold == "":
			p.committed = newText(texts[i].orig + " " + unit.orig)
			words = append(words, p.committed.orig)
		case unit.fold != "" && c.role == colNote && strings.Contains(texts[i].fold, "giai ngan"):
			p.disbursed = texts[i]
			words = append(words, texts[i].orig)
		}
	}
	if !moneyLike(p.committed) && !moneyLike(p.disbursed) {
		return // no amount in any value cell: the row of another table below
	}
	p.quote = strings.Join(words, " … ")
	d.projects = append(d.projects, p)
}

// foreignMoneyRe is an amount in another currency ("18.500 USD").
var foreignMoneyRe = regexp.MustCompile(foreignAmountRe)

// moneyLike tells whether a cell of a project's value says an amount, in
// đồng or another currency, or that nothing was disbursed.
func moneyLike(t text) bool {
	if _, ok := cellMoney(t); ok {
		return true
	}
	f := strings.TrimSpace(t.fold)
	if foreignMoneyRe.MatchString(f) {
		return true
	}
	_, err := ParseNumber(f)
	return err == nil // a bare amount, its unit in the header or nowhere
}

// moneyCell is a cell of money with the unit its column's header gives
// ("Giá trị (đồng)": "2.640.000.000" is in đồng).
//
// A header in another currency ("(USD)") or in thousands of đồng as
// figures ("(1.000 đồng)") says its unit too; the unit may also stand in
// the line before the table ("ĐVT: triệu đồng").
func moneyCell(v text, head string) text {
	f := v.fold
	if !startsFigure(f) || moneyRe.MatchString(f) || hasAny(f, "usd", "do la", "eur") {
		return v
	}
	if hasAny(head, "usd", "do la", "eur", "yen", "won", "nhan dan te", "aud", "cad", "gbp", "chf", "jpy", "krw", "sgd", "bang anh") {
		return v // the figures are in another currency
	}
	if m := scaleNumRe.FindStringSubmatch(head); m != nil {
		if w, ok := scaleWords[strings.ReplaceAll(m[1], ",", ".")]; ok {
			return newText(v.orig + " " + map[string]string{"nghin": "nghìn", "trieu": "triệu", "ty": "tỷ"}[w] + " đồng")
		}
		return v
	}
	// The unit in the header's brackets, or its words: only a unit known
	// whole is read ("(tr đồng)" is millions, never đồng).
	unit := strings.TrimSpace(head)
	if m := unitsParenRe.FindAllStringSubmatch(head, -1); m != nil {
		unit = strings.TrimSpace(m[len(m)-1][1])
		if w, ok := cellUnits[strings.ReplaceAll(unit, " ", "")]; ok {
			return newText(v.orig + " " + w)
		}
		return v
	}
	switch {
	case hasAny(unit, "ty dong"):
		return newText(v.orig + " tỷ đồng")
	case hasAny(unit, "trieu dong", "tr.dong", "tr. dong", "tr dong", "trieu d "):
		return newText(v.orig + " triệu đồng")
	case hasAny(unit, "nghin dong", "ngan dong"):
		return newText(v.orig + " nghìn đồng")
	case strings.HasSuffix(unit, " dong") || strings.HasSuffix(unit, " vnd"):
		if words := strings.Fields(unit); len(words) >= 2 && !slices.Contains([]string{"trieu", "ty", "ti", "nghin", "ngan", "tr", "tr."}, words[len(words)-2]) {
			return newText(v.orig + " đồng")
		}
	}
	return v
}

// unitsParenRe is a unit in a header's brackets ("(triệu đồng)").
var unitsParenRe = regexp.MustCompile(`\(([^()]{1,20})\)`)

// cellUnits are the units of money a header's brackets may name, their
// spaces removed, each with the words it adds to a bare amount.
var cellUnits = map[string]string{
	"dong": "đồng", "vnd": "đồng", "d": "đồng", "vnđ": "đồng", "dongvn": "đồng",
	"trieudong": "triệu đồng", "trieu": "triệu đồng", "tr.dong": "triệu đồng", "tr.d": "triệu đồng", "trd": "triệu đồng", "trdong": "triệu đồng", "trieud": "triệu đồng",
	"tydong": "tỷ đồng", "ty": "tỷ đồng", "tidong": "tỷ đồng",
	"nghindong": "nghìn đồng", "ngandong": "nghìn đồng", "nghin": "nghìn đồng", "ngan": "nghìn đồng",
}

// proseCaption tells whether the words before a table are a paragraph of
// prose, not a title that names its figures: more than maxCaptionWords.
func proseCaption(caption string) bool {
	return len(strings.Fields(caption)) > maxCaptionWords
}

// maxCaptionWords is how many words the title of a table may have.
const maxCaptionWords = 40

// captionUnitRe is a unit for a table said in the line before it ("ĐVT:
// triệu đồng", "Đơn vị tính: 1.000 đồng").
var captionUnitRe = regexp.MustCompile(`\b(?:dvt|don vi tinh|don vi)\s*:\s*([^;]{1,30})$`)

// captionUnit is the unit of money the line before a table gives, or "".
func captionUnit(caption string) string {
	if m := captionUnitRe.FindStringSubmatch(strings.TrimSpace(strings.Trim(caption, " ()."))); m != nil {
		return m[1]
	}
	return ""
}

// plainRow reads a row of a table without a header by its content: the
// row number first, then the label, then the cells that hold a figure,
// and a cell of a unit before or after it.
func (d *doc) plainRow(o *outline, ts *tableState, cells [][]string, texts []text, n int) {
	label, value, unit, second := -1, -1, -1, -1
	start := 0
	if len(texts) >= 2 && ordinalRe.MatchString(strings.TrimSpace(texts[0].fold)) {
		start = 1
	}
	for i := start; i < len(texts); i++ {
		f := strings.TrimSpace(texts[i].fold)
		switch {
		case f == "":
		case label < 0:
			if startsFigure(f) {
				d.rowAsLines(o, cells, n)
				return
			}
			label = i
		case value < 0 && (startsFigure(f) || nothingRe.MatchString(f)):
			value = i
		case unit < 0 && unitOnly(f):
			unit = i
		case bareNumber(f) && bareNumber(strings.TrimSpace(texts[value].fold)):
			second = i
		}
	}
	if label < 0 {
		return
	}
	if value >= 0 && second >= 0 {
		// "Dân số | 7.100 | 7.215" under no header: which column is the
		// report's is not said; both are readings, neither is set.
		texts = append([]text(nil), texts...)
		texts[value] = newText(texts[value].orig + " ; " + texts[second].orig)
	}
	if value < 0 {
		d.groupRow(o, ts, texts, texts[label], n)
		return
	}
	full := texts[label]
	if childLabel(full.orig) && ts.parent.fold != "" {
		full = newText(clean(ts.parent.orig + " " + full.orig))
	} else {
		ts.parent = texts[label]
	}
	words := []string{texts[label].orig, texts[value].orig}
	u := ""
	if unit >= 0 {
		u = strings.TrimSpace(texts[unit].fold)
		words = append(words, texts[unit].orig)
	}
	l := line{text: newText(strings.Join(words, " … ")), n: n, fig: &rowFigure{label: full, value: texts[value], unit: u}}
	for _, k := range o.cur {
		d.parts[k] = append(d.parts[k], l)
	}
}

// bareNumber tells whether a cell is a number alone, no word with it.
func bareNumber(f string) bool {
	_, err := ParseNumber(f)
	return err == nil
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
	o.lead = ""
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

// Tables whose rows are periods. "Thời gian | Đoàn ra | Đoàn vào | …" over
// "| Đoàn | Người | …", then "Năm 2025 | 02 | 09 | …", "Năm 2024 | …" and
// "Tăng (+), giảm (-) | …": each column is a figure, named by the words
// of the header's cells above it ("Đoàn vào", "Trong nước", "Người"); only
// the row of the report's own period holds its figures.

// periodHeadRe is the first cell of the header of such a table.
var periodHeadRe = regexp.MustCompile(`^(?:thoi gian|nam|ky|ky bao cao|thoi ky|giai doan|thoi diem|nam bao cao)$`)

// periodNameRe is the first cell of a row of a period ("Năm 2025", "6
// tháng đầu năm 2025", "Năm 2024 (04 đơn vị cũ)"), its brackets left out;
// partRowRe that of a quarter or a month ("Quý I/2025"), halfRowRe that
// of a half, a part of a year's report; wholeRowRe that
// of the row that adds them up ("Cả năm", "Tổng cộng"); changeRowRe that
// of a row of the change between two.
var (
	periodNameRe = regexp.MustCompile(`^(?:(?:ca )?nam|(?:6|sau) thang (?:dau|cuoi)(?: nam)?|quy (?:i|ii|iii|iv|[1-4])(?: nam)?|luy ke(?: nam)?|ky bao cao(?: nam)?)?\s*(?:19|20)\d{2}$`)
	partRowRe    = regexp.MustCompile(`^(?:quy (?:i|ii|iii|iv|[1-4])|thang \d{1,2})(?: (?:nam )?(?:19|20)\d{2})?$`)
	halfRowRe    = regexp.MustCompile(`^(?:6|sau) thang (?:dau|cuoi)(?: nam)?(?: (?:19|20)\d{2})?$`)
	wholeRowRe   = regexp.MustCompile(`^(?:ca nam|tong cong|tong so|tong|cong|luy ke ca nam)$`)
	changeRowRe  = regexp.MustCompile(`^(?:tang|giam|so sanh|chenh lech|ty le|cung ky|ke hoach|chi tieu|du kien)\b`)
)

// periodRow reads a row of a table of periods, and tells whether it did
// (a row of another period or of a change is read as nothing). Its header
// rows are kept, and read as any other row too.
func (d *doc) periodRow(o *outline, ts *tableState, cells [][]string, texts []text, n int) bool {
	if len(texts) < 3 {
		return false
	}
	first := strings.TrimSpace(texts[0].fold)
	pc := 0 // the column of the periods: the first, or the one after "STT"
	if sttHeadRe.MatchString(first) && periodHeadRe.MatchString(strings.TrimSpace(texts[1].fold)) {
		pc = 1
	}
	if pc == 1 || periodHeadRe.MatchString(first) || first == "" && ts.byPeriod == nil && ts.rows == 1 {
		// "Thời gian | Đoàn ra | …", or its first cell left empty.
		if len(texts) > pc+2 && noFigures(texts[pc+1:]) && nonEmpty(texts[pc+1:]) >= 2 {
			ts.byPeriod, ts.periodCont, ts.periodRows, ts.periodCol = [][]text{texts}, [][]bool{contCells(cells)}, false, pc
		} else {
			ts.byPeriod = nil
		}
		return false
	}
	if ts.byPeriod == nil {
		return false
	}
	pc = ts.periodCol
	if pc > 0 {
		if len(texts) <= pc+1 || strings.TrimSpace(texts[0].fold) != "" && !ordinalRe.MatchString(strings.TrimSpace(texts[0].fold)) {
			ts.byPeriod = nil
			return false
		}
		first = strings.TrimSpace(texts[pc].fold)
	}
	name := strings.TrimSpace(outsideBrackets(strings.ReplaceAll(first, "/", " ")))
	name = strings.Join(strings.Fields(name), " ")
	part := partRowRe.MatchString(name) || d.period.half == "" && halfRowRe.MatchString(name)
	whole := wholeRowRe.MatchString(name) && ts.periodParts
	heads := periodHeads(ts.byPeriod, ts.periodCont, len(texts))
	values := texts[pc+1:]
	if heads != nil {
		// A column of notes ("Ghi chú") holds words, no figure.
		values = nil
		for i := pc + 1; i < len(texts); i++ {
			if !noteHead(heads[i]) {
				values = append(values, texts[i])
			}
		}
	}
	if !periodNameRe.MatchString(name) && !changeRowRe.MatchString(name) && !part && !whole || !figureCells(values) {
		if !ts.periodRows && first == "" && strings.TrimSpace(texts[0].fold) == "" && noFigures(texts) {
			ts.byPeriod = append(ts.byPeriod, texts) // a row of the header that divides the one above
			ts.periodCont = append(ts.periodCont, contCells(cells))
			return false
		}
		ts.byPeriod = nil // not a table of periods after all
		return false
	}
	if !ts.periodRows {
		ts.periodParts = part
	}
	ts.periodRows = true
	if part {
		// "Quý I/2025", "Tháng 3": a part of the year, no figure of the
		// report; the row that adds them up may be.
		ts.periodParts = ts.periodParts && (!yearOnlyRe.MatchString(name) || strings.Contains(name, d.period.year))
		return true
	}
	own := d.ownPeriod(first)
	if whole {
		own = d.period.year != "" && d.period.half == "" // "Cả năm", "Tổng cộng" under the quarters of the report's year
	}
	ts.periodParts = false
	if changeRowRe.MatchString(name) || !own {
		return true // another period, or a change: no figure of the report
	}
	if heads == nil {
		return true // the header's cells cannot be told apart: nothing read
	}
	d.headedFigures(o, heads, texts, pc+1, texts[pc].orig+" … ", n)
	return true
}

// headedFigures gives each value cell from the column from on a line of
// its figure, named by the words of the header's cells above it, the
// last of them its unit if it is one ("Đoàn ra" over "Người").
func (d *doc) headedFigures(o *outline, heads [][]string, texts []text, from int, row string, n int) {
	for i := from; i < len(texts); i++ {
		v := texts[i]
		if strings.TrimSpace(v.fold) == "" || len(heads[i]) == 0 || noteHead(heads[i]) {
			continue
		}
		words := heads[i]
		unit := ""
		if u, ok := unitWords[strings.TrimSpace(fold(words[len(words)-1]))]; ok && len(words) > 1 {
			unit, words = u, words[:len(words)-1] // "Đoàn ra" over "Người"
		}
		label := newText(strings.Join(words, " "))
		if m := unitParenRe.FindStringSubmatchIndex(label.fold); m != nil && unit == "" {
			unit = label.fold[m[2]:m[3]]
			label = newText(strings.TrimSpace(label.orig[:label.idx[m[0]]]))
		}
		l := line{text: newText(strings.Join(heads[i], " ") + " … " + row + v.orig), n: n, fig: &rowFigure{label: label, value: v, unit: unit}}
		for _, k := range o.cur {
			d.parts[k] = append(d.parts[k], l)
		}
	}
}

// unitsRow tells whether every cell of a row that holds words is a unit
// ("Đoàn | Người | Đoàn | Người"), at least two of them.
func unitsRow(cells []text) bool {
	n := 0
	for _, c := range cells {
		f := strings.TrimSpace(c.fold)
		if f == "" {
			continue
		}
		if _, ok := unitWords[f]; !ok {
			return false
		}
		n++
	}
	return n >= 2
}

// noteHead tells whether a column's header names notes ("Ghi chú").
func noteHead(words []string) bool {
	for _, w := range words {
		if noteHeadRe.MatchString(fold(w)) {
			return true
		}
	}
	return false
}

// ownPeriod tells whether a row's period is the report's: its year, and
// in a half-year's report its half.
func (d *doc) ownPeriod(name string) bool {
	p := d.period
	if p.year == "" || d.period.fit(name) < 1 || !strings.Contains(name, p.year) {
		return false
	}
	return p.half == "" || hasAny(name, "6 thang", "sau thang")
}

// figureCells tells whether every cell of a row's values that holds
// anything holds a figure ("02", "+1", "0", "-"), none words ("Dự án …").
func figureCells(cells []text) bool {
	for _, c := range cells {
		f := strings.TrimSpace(c.fold)
		if f != "" && f != "-" && !strings.HasPrefix(f, "#") && !startsFigure(strings.TrimLeft(f, "+-")) && !nothingRe.MatchString(f) {
			return false
		}
	}
	return true
}

// noFigures tells whether no cell holds a figure (a year, or words in
// brackets, are none).
func noFigures(cells []text) bool {
	for _, c := range cells {
		if strings.IndexFunc(stripYears(outsideBrackets(c.fold)), isDigitRune) >= 0 {
			return false
		}
	}
	return true
}

// contCells tells for each cell of a row whether it continues the one
// above (a .docx's vertical merge).
func contCells(cells [][]string) []bool {
	out := make([]bool, len(cells))
	for i, c := range cells {
		out[i] = len(c) == 1 && strings.HasPrefix(c[0], contMark)
	}
	return out
}

// periodHeads gives the words of the header over each of n columns, top
// first, or nil if they cannot be told. When every header row has n cells
// (a .docx, where a spanning cell is followed by empty ones), a cell is
// under the cells above it in its column: an empty cell continues the
// one on its left only where both stand under the same cells above. When
// a row has fewer (text, where a spanning cell is one cell and a merged
// one leaves an empty cell below it), each row divides the one above:
// an empty cell is under one cell, a run of named cells under one or more
// (repeating its words as often: "Đoàn | Người | Đoàn | Người" under two).
func periodHeads(rows [][]text, cont [][]bool, n int) [][]string {
	same := true
	for _, r := range rows {
		same = same && len(r) == n
	}
	if same {
		heads := make([][]string, n)
		for r, row := range rows {
			prev := ""
			for i := range row {
				w := strings.TrimSpace(row[i].orig)
				switch {
				case cont[r][i]:
					prev = ""
				case w != "":
					prev = w
					heads[i] = append(heads[i], w)
				case prev != "" && r > 0 && len(heads[i-1]) > 0 && slices.Equal(heads[i], heads[i-1][:len(heads[i-1])-1]):
					heads[i] = append(heads[i], prev) // a cell spanning this column too
				case prev != "" && r == 0:
					heads[i] = append(heads[i], prev)
				default:
					prev = ""
				}
			}
		}
		return heads
	}
	// Text: each row's cells are the children of the row above's.
	level := make([]headNode, len(rows[0]))
	for i, c := range rows[0] {
		if w := strings.TrimSpace(c.orig); w != "" {
			level[i].words = []string{w}
		}
	}
	for _, row := range rows[1:] {
		next, ok := divide(level, row)
		if !ok {
			return nil
		}
		level = next
	}
	if len(level) != n {
		return nil
	}
	heads := make([][]string, n)
	for i := range level {
		heads[i] = level[i].words
	}
	return heads
}

// headNode is a cell of a header: its words and those of the cells above
// it, top first.
type headNode struct{ words []string }

// divide shares out a header row's cells among the cells of the row
// above (their words, top first): an empty cell is under one (a merged
// cell that continues); a run of named cells under as many as its words
// repeat ("Đoàn | Người | Đoàn | Người": two), or one. false if the counts
// do not add up.
func divide(above []headNode, row []text) ([]headNode, bool) {
	type run struct {
		empty  bool
		cells  []string
		shares int
	}
	var runs []run
	for _, c := range row {
		w := strings.TrimSpace(c.orig)
		if w == "" {
			runs = append(runs, run{empty: true, shares: 1})
			continue
		}
		if k := len(runs); k > 0 && !runs[k-1].empty {
			runs[k-1].cells = append(runs[k-1].cells, w)
			continue
		}
		runs = append(runs, run{cells: []string{w}})
	}
	empty, named, repeats := 0, 0, 0
	for i := range runs {
		if runs[i].empty {
			empty++
			continue
		}
		named++
		runs[i].shares = repeatsOf(runs[i].cells)
		repeats += runs[i].shares
	}
	left := len(above) - empty
	cells, even := 0, true
	for _, r := range runs {
		cells += len(r.cells)
		even = even && len(r.cells)%2 == 0
	}
	switch {
	case left == named:
		for i := range runs {
			runs[i].shares = 1
		}
	case left == repeats:
	case cells == 2*left && even:
		// "Người | Lớp | Của nước ngoài | Kiến nghị" under "Bồi dưỡng"
		// and "Khen thưởng": a cell divided is divided in two at least
		// (one over a single column is merged down, an empty cell
		// below), so twice as many cells as cells above is two under
		// each.
		for i := range runs {
			runs[i].shares = len(runs[i].cells) / 2
		}
	default:
		return nil, false
	}
	var out []headNode
	p := 0
	for _, r := range runs {
		if r.empty {
			out = append(out, above[p])
			p++
			continue
		}
		per := len(r.cells) / r.shares
		for k, w := range r.cells {
			out = append(out, headNode{words: append(slices.Clip(above[p+k/per].words), w)})
		}
		p += r.shares
	}
	return out, true
}

// repeatsOf is how many times a run of words repeats its first part
// ("Đoàn, Người, Đoàn, Người": 2), 1 if it does not.
func repeatsOf(ws []string) int {
	for per := 1; per < len(ws); per++ {
		if len(ws)%per != 0 {
			continue
		}
		ok := true
		for i := per; i < len(ws) && ok; i++ {
			ok = fold(ws[i]) == fold(ws[i-per])
		}
		if ok {
			return len(ws) / per
		}
	}
	return 1
}
