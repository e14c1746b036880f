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
	// codeFirst: the first column is the indicator's code, for programs
	// (CSV); a workbook, read by people, moves it last and hides it.
	codeFirst bool
	// titleCols columns name the row (the unit's code and name): a
	// workbook prints them on every page the sheet is printed across.
	titleCols int
}

func tables(r models.Rollup) []table {
	title := fmt.Sprintf("Tổng hợp báo cáo công tác đối ngoại — %s (%s) — kỳ %s", r.Unit.Name, r.Unit.Code, r.Period)
	totals := table{name: "Tổng hợp", title: title, codeFirst: true,
		header: []string{"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Cách tổng hợp", "Giá trị", "Số xã có số liệu"}}
	for _, v := range r.Indicators {
		totals.rows = append(totals.rows, []any{v.Code, v.NameVI, v.Unit, aggregationVI[v.Aggregation], v.Value, v.Reporting})
	}
	out := []table{totals}
	if r.Breakdown != nil {
		t := table{name: "Theo đơn vị", title: title + " — theo đơn vị trực thuộc", titleCols: 2,
			header: []string{"Mã đơn vị", "Tên đơn vị", "Trạng thái", "Số xã phải báo cáo", "Số báo cáo được tổng hợp"}}
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
		t := table{name: "Theo kỳ", title: title + " — theo kỳ báo cáo", codeFirst: true, header: []string{"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"}}
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
