package export

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"doingoai/models"
)

// RollupXLSX writes a workbook with a sheet per table: totals, breakdown
// (by=child), series (periods=). Each sheet reads like one a clerk made:
// the title, the period and how many communes have reported (reported,
// completeness's count) beside how many reports the figures add up; the
// indicators by their Vietnamese names (their codes in a last, hidden
// column); a header row that is frozen and printed on every page; columns
// as wide as their content; one number format per kind (whole numbers with
// thousands separators; percentages and hectares with two decimals); the
// totals row in bold; and printing on A4 landscape at a readable scale
// (see printing).
func RollupXLSX(w io.Writer, r models.Rollup, reported int) (err error) {
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
	subtitle := fmt.Sprintf("Kỳ báo cáo: %s. %s: %d/%d đơn vị cấp xã. %s", r.Period, models.ReportedLabel, reported, r.CommunesExpected,
		models.CountedSentence(r.CommunesReported, r.Counted))
	for i, t := range tables(r) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.name); err != nil {
			return err
		}
		if err := writeSheet(f, st, forPeople(t), subtitle, t.name == "Theo đơn vị"); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// forPeople moves a table's code column, if it has one, to the end, where
// writeSheet hides it.
func forPeople(t table) table {
	if !t.codeFirst {
		return t
	}
	last := func(row []any) []any { return append(append([]any{}, row[1:]...), row[0]) }
	t.header = append(append([]string{}, t.header[1:]...), t.header[0])
	rows := make([][]any, len(t.rows))
	for i, r := range t.rows {
		rows[i] = last(r)
	}
	t.rows = rows
	return t
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
	if t.codeFirst { // the code, moved last by forPeople: for programs, not printed
		col, err := excelize.ColumnNumberToName(len(widths))
		w.check(err)
		w.check(f.SetColVisible(t.name, col, false))
		widths = widths[:len(widths)-1]
	}
	w.columns(t.header, widths)
	w.panes(boldLast)
	w.printing(widths, t.titleCols)
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

// The printed page: A4 landscape with the margins below, in inches.
const (
	printableWidth = 11.69 - 2*0.4
	minPrintScale  = 0.8 // below it, 11 pt prints smaller than 9 pt
)

// columnInches is how wide a column of width characters prints at 100%
// (a character of the default font is 7 pixels at 96 dpi, plus 5 of
// padding).
func columnInches(width float64) float64 { return (width*7 + 5) / 96 }

// pagesAcross is how many pages wide a sheet must print for a scale of at
// least minPrintScale, its first titleCols columns repeated on each page.
func pagesAcross(widths []float64, titleCols int) int {
	var titles, rest float64
	for i, w := range widths {
		if i < titleCols {
			titles += columnInches(w)
		} else {
			rest += columnInches(w)
		}
	}
	if titles+rest <= printableWidth/minPrintScale {
		return 1
	}
	per := printableWidth/minPrintScale - titles
	return int((rest + per - 0.01) / per)
}

// printing: A4 landscape, as few pages wide as keep the print at least
// minPrintScale (a district's breakdown of thirty columns on one page
// prints at half size; a province's ninety rows on one page are a blur):
// the columns that name a row and the header row repeated on every page,
// as many pages down as the rows need.
func (w *sheetWriter) printing(widths []float64, titleCols int) {
	size, orient, wide, tall := 9, "landscape", pagesAcross(widths, titleCols), 100
	w.check(w.f.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	fit := true
	w.check(w.f.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	lr, tb, hf := 0.4, 0.6, 0.3
	w.check(w.f.SetPageMargins(w.sheet, &excelize.PageLayoutMarginsOptions{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf}))
	w.check(w.f.SetHeaderFooter(w.sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&\"Times New Roman\"&10Trang &P/&N"}))
	titles := fmt.Sprintf("'%s'!$%d:$%d", w.sheet, headerRow, headerRow)
	if titleCols > 0 {
		last, err := excelize.ColumnNumberToName(titleCols)
		w.check(err)
		titles = fmt.Sprintf("'%s'!$A:$%s,", w.sheet, last) + titles
	}
	w.check(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: w.sheet, RefersTo: titles}))
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
