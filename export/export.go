// Package export writes rollups as files a spreadsheet program opens: CSV
// (UTF-8 with a byte order mark, so that Excel shows Vietnamese right) and
// Excel workbooks (through excelize), with Vietnamese headers. Numbers are
// written exactly as the API gives them.
package export

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"doingoai/models"
)

// Vietnamese labels.
var (
	aggregationVI = map[models.Aggregation]string{
		models.AggSum:      "Tổng",
		models.AggRatio:    "Tỷ lệ (tổng tử số / tổng mẫu số)",
		models.AggWeighted: "Bình quân gia quyền theo dân số",
	}
	statusVI = map[string]string{
		models.StatusMissing:   "Chưa báo cáo",
		models.StatusDraft:     "Bản nháp",
		models.StatusSubmitted: "Đã gửi",
		models.StatusReturned:  "Bị trả lại",
		models.StatusAccepted:  "Đã tiếp nhận",
	}
)

// StatusVI is a report status in Vietnamese.
func StatusVI(s string) string {
	if v, ok := statusVI[s]; ok {
		return v
	}
	return s
}

// ErrOneTable is returned for a CSV asked with both a breakdown and a
// series: a CSV file holds one table.
var ErrOneTable = errors.New("a CSV file holds one table: ask for by=child or for periods, not both (an xlsx workbook holds both)")

// table is a sheet: a title and rows of cells (strings or *models.Amount).
type table struct {
	name   string
	title  string
	header []string
	rows   [][]any
}

func tables(r models.Rollup) []table {
	title := fmt.Sprintf("Tổng hợp báo cáo công tác đối ngoại — %s (%s) — kỳ %s", r.Unit.Name, r.Unit.Code, r.Period)
	totals := table{name: "Tổng hợp", title: title,
		header: []string{"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Cách tổng hợp", "Giá trị", "Số xã báo cáo"}}
	for _, v := range r.Indicators {
		totals.rows = append(totals.rows, []any{v.Code, v.NameVI, v.Unit, aggregationVI[v.Aggregation], v.Value, v.Reporting})
	}
	out := []table{totals}
	if r.Breakdown != nil {
		t := table{name: "Theo đơn vị", title: title + " — theo đơn vị trực thuộc",
			header: []string{"Mã đơn vị", "Tên đơn vị", "Trạng thái", "Số xã phải báo cáo", "Số xã đã báo cáo"}}
		for _, v := range r.Indicators {
			t.header = append(t.header, fmt.Sprintf("%s (%s)", v.NameVI, v.Unit))
		}
		for _, b := range r.Breakdown {
			status := ""
			if b.Status != nil {
				status = StatusVI(*b.Status)
			}
			row := []any{b.UnitCode, b.Name, status, b.CommunesExpected, b.CommunesReported}
			for _, v := range r.Indicators {
				row = append(row, b.Values[v.Code])
			}
			t.rows = append(t.rows, row)
		}
		total := []any{r.Unit.Code, "Tổng cộng", "", r.CommunesExpected, r.CommunesReported}
		for _, v := range r.Indicators {
			total = append(total, v.Value)
		}
		t.rows = append(t.rows, total)
		out = append(out, t)
	}
	if r.Series != nil {
		t := table{name: "Theo kỳ", title: title + " — theo kỳ báo cáo", header: []string{"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"}}
		for _, p := range r.Series {
			t.header = append(t.header, "Kỳ "+p.Period)
		}
		for i, v := range r.Indicators {
			row := []any{v.Code, v.NameVI, v.Unit}
			for _, p := range r.Series {
				row = append(row, p.Indicators[i].Value)
			}
			t.rows = append(t.rows, row)
		}
		out = append(out, t)
	}
	return out
}

// RollupCSV writes the rollup's table: the breakdown if asked, else the
// series if asked, else the totals.
func RollupCSV(w io.Writer, r models.Rollup) error {
	ts := tables(r)
	if len(ts) > 2 {
		return ErrOneTable
	}
	t := ts[len(ts)-1]
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rec := make([]string, len(t.header))
	for i, h := range t.header {
		rec[i] = neutralise(h)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, row := range t.rows {
		for i, c := range row {
			rec[i] = cellText(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cellText(c any) string {
	switch v := c.(type) {
	case *models.Amount:
		if v == nil {
			return ""
		}
		return v.String()
	case string:
		return neutralise(v)
	default:
		return fmt.Sprint(v)
	}
}

// neutralise keeps a spreadsheet from running text as a formula (OWASP's
// rule for CSV injection): a text cell that begins with =, +, -, @, a tab or
// a carriage return gets a leading apostrophe, which spreadsheets show as
// text. Numbers are never text here (cellText writes them itself), so they
// stay numbers, negative ones included.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// RollupXLSX writes a workbook with a sheet per table: totals, breakdown
// (by=child), series (periods=). Each sheet reads like one a clerk made:
// the title and the period on top, a header row that is frozen and printed
// on every page, columns as wide as their content, one number format per
// kind (whole numbers with thousands separators; percentages and hectares
// with two decimals), the totals row in bold, and printing on A4 landscape
// fitted to the page's width, as many pages down as the rows need.
func RollupXLSX(w io.Writer, r models.Rollup) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	counted := "đã gửi và đã duyệt"
	if len(r.Counted) == 1 && r.Counted[0] == models.StatusAccepted {
		counted = "đã duyệt"
	}
	subtitle := fmt.Sprintf("Kỳ báo cáo: %s. Số liệu từ các báo cáo %s: %d/%d đơn vị cấp xã đã báo cáo.", r.Period, counted, r.CommunesReported, r.CommunesExpected)
	for i, t := range tables(r) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.name); err != nil {
			return err
		}
		if err := writeSheet(f, st, t, subtitle, t.name == "Theo đơn vị"); err != nil {
			return err
		}
	}
	return f.Write(w)
}

type styles struct {
	title, subtitle, header, text, whole, decimal int
	bold                                          [3]int // text, whole, decimal of the totals row
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	font := func(bold bool) *excelize.Font { return &excelize.Font{Family: "Times New Roman", Size: 11, Bold: bold} }
	wholeFmt, decimalFmt := "#,##0", "#,##0.00"
	specs := []*excelize.Style{
		{Font: &excelize.Font{Family: "Times New Roman", Size: 14, Bold: true}},
		{Font: &excelize.Font{Family: "Times New Roman", Size: 11, Italic: true}},
		{Font: font(true), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: font(false), Border: border, Alignment: &excelize.Alignment{Vertical: "center"}},
		{Font: font(false), Border: border, CustomNumFmt: &wholeFmt},
		{Font: font(false), Border: border, CustomNumFmt: &decimalFmt},
		{Font: font(true), Border: border, Alignment: &excelize.Alignment{Vertical: "center"}},
		{Font: font(true), Border: border, CustomNumFmt: &wholeFmt},
		{Font: font(true), Border: border, CustomNumFmt: &decimalFmt},
	}
	ids := make([]int, len(specs))
	for i, sp := range specs {
		id, err := f.NewStyle(sp)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return &styles{title: ids[0], subtitle: ids[1], header: ids[2], text: ids[3], whole: ids[4], decimal: ids[5],
		bold: [3]int{ids[6], ids[7], ids[8]}}, nil
}

const headerRow = 3

// sheetWriter writes one sheet and keeps the first error excelize gives,
// which writeSheet returns.
type sheetWriter struct {
	f     *excelize.File
	st    *styles
	sheet string
	err   error
}

func (w *sheetWriter) check(err error) {
	if w.err == nil {
		w.err = err
	}
}

// cell is the name of the cell at a column and a row, both from 1.
func (w *sheetWriter) cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	w.check(err)
	return name
}

func (w *sheetWriter) text(cell, s string, style int) {
	w.check(w.f.SetCellStr(w.sheet, cell, s))
	w.check(w.f.SetCellStyle(w.sheet, cell, cell, style))
}

func writeSheet(f *excelize.File, st *styles, t table, subtitle string, boldLast bool) error {
	w := &sheetWriter{f: f, st: st, sheet: t.name}
	w.text("A1", t.title, st.title)
	w.text("A2", subtitle, st.subtitle)
	widths := w.header(t.header)
	w.rows(t.rows, boldLast, widths)
	w.columns(t.header, widths)
	w.panes(boldLast)
	w.printing()
	return w.err
}

// header writes the header row and returns the widths its cells need.
func (w *sheetWriter) header(header []string) []float64 {
	widths := make([]float64, len(header))
	for c, h := range header {
		w.check(w.f.SetCellStr(w.sheet, w.cell(c+1, headerRow), h))
		widths[c] = headerWidth(h)
	}
	w.check(w.f.SetCellStyle(w.sheet, w.cell(1, headerRow), w.cell(len(header), headerRow), w.st.header))
	return widths
}

// rows writes the rows below the header, each cell in the style of its
// kind (the last row in bold if boldLast), and widens widths to fit them.
func (w *sheetWriter) rows(rows [][]any, boldLast bool, widths []float64) {
	st := w.st
	for ri, row := range rows {
		bold := boldLast && ri == len(rows)-1
		for c, v := range row {
			cell := w.cell(c+1, ri+headerRow+1)
			w.check(setCell(w.f, w.sheet, cell, v))
			kind := 0 // text
			if a, ok := v.(*models.Amount); ok && a != nil {
				if _, isInt := a.Int(); isInt {
					kind = 1
				} else {
					kind = 2
				}
			} else if _, ok := v.(int); ok {
				kind = 1
			}
			style := [3]int{st.text, st.whole, st.decimal}[kind]
			if bold {
				style = st.bold[kind]
			}
			w.check(w.f.SetCellStyle(w.sheet, cell, cell, style))
			widths[c] = max(widths[c], valueWidth(v))
		}
	}
}

// columns sets the columns' widths. Spreadsheet programs do not grow a row
// for wrapped text on opening: the header row is as tall as its longest
// header wraps.
func (w *sheetWriter) columns(header []string, widths []float64) {
	lines := 1
	for c, width := range widths {
		col, err := excelize.ColumnNumberToName(c + 1)
		w.check(err)
		w.check(w.f.SetColWidth(w.sheet, col, col, width))
		lines = max(lines, wrappedLines(header[c], (width-1.5)*1.15))
	}
	w.check(w.f.SetRowHeight(w.sheet, headerRow, float64(lines)*13.5+3))
}

// panes freezes the title and header rows, and on the breakdown the
// unit's code and name.
func (w *sheetWriter) panes(breakdown bool) {
	panes := &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}
	if breakdown {
		panes = &excelize.Panes{Freeze: true, XSplit: 2, YSplit: headerRow, TopLeftCell: fmt.Sprintf("C%d", headerRow+1), ActivePane: "bottomRight"}
	}
	w.check(w.f.SetPanes(w.sheet, panes))
}

// printing: A4 landscape, one page wide, the header row on every page.
func (w *sheetWriter) printing() {
	size, orient, wide, tall := 9, "landscape", 1, 0
	w.check(w.f.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	fit := true
	w.check(w.f.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	lr, tb, hf := 0.4, 0.6, 0.3
	w.check(w.f.SetPageMargins(w.sheet, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf}))
	w.check(w.f.SetHeaderFooter(w.sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&\"Times New Roman\"&10Trang &P/&N"}))
	w.check(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: w.sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", w.sheet, headerRow, headerRow)}))
}

// headerWidth is the width a header needs, wrapped on at most five lines
// and never narrower than its longest word: the breakdown has a column per
// indicator, and every column narrower is a larger print.
func headerWidth(h string) float64 {
	longest := 0
	for _, w := range strings.Fields(h) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	return max(float64(longest)*0.95, float64(utf8.RuneCountInString(h))/5, 7) + 1.5
}

// wrappedLines is how many lines a header takes in a column of width
// characters, wrapped at spaces.
func wrappedLines(h string, width float64) int {
	lines, used := 1, 0.0
	for _, w := range strings.Fields(h) {
		n := float64(utf8.RuneCountInString(w))
		switch {
		case used == 0:
			used = n
		case used+1+n <= width:
			used += 1 + n
		default:
			lines++
			used = n
		}
	}
	return lines
}

// valueWidth is the width a value needs as its format shows it.
func valueWidth(v any) float64 {
	s := cellText(v)
	n := utf8.RuneCountInString(s)
	if a, ok := v.(*models.Amount); ok && a != nil {
		intPart, _, _ := strings.Cut(s, ".")
		n = len(intPart) + (len(intPart)-1)/3 // thousands separators
		if _, isInt := a.Int(); !isInt {
			n += 3 // two decimals
		}
	}
	return float64(n)*1.05 + 2
}

// setCell writes a value as a number where it is one. Whole numbers are
// written as integers, exactly, even past 2^53 (the workbook keeps the
// digits; Excel shows 15 significant ones).
func setCell(f *excelize.File, sheet, cell string, v any) error {
	switch x := v.(type) {
	case *models.Amount:
		if x == nil {
			return nil
		}
		if n, ok := x.Int(); ok {
			return f.SetCellInt(sheet, cell, n)
		}
		return f.SetCellFloat(sheet, cell, x.Float(), -1, 64)
	case int:
		return f.SetCellInt(sheet, cell, int64(x))
	case string:
		return f.SetCellStr(sheet, cell, x)
	}
	return f.SetCellValue(sheet, cell, v)
}
