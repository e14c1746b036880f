package web_test

// The files an officer downloads from the overview — the workbook and the
// consolidated report (its data and its Word file) — against GET /rollups
// and GET /completeness.

import (
	"bytes"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"doingoai/consolidated"
	"doingoai/docx"
	"doingoai/models"
)

// The two counts of reports every page and file states: the communes that
// have sent theirs ("Đã báo cáo: 2/92", completeness's reported), and the
// reports its figures add up ("Số liệu tổng hợp từ 1 báo cáo", the
// rollup's communes_reported).
var (
	totalOfRe  = regexp.MustCompile(`^Tổng cộng \((\d+)/(\d+) `)
	reportedRe = regexp.MustCompile(`Đã báo cáo: (\d+)/(\d+)`)
	addedUpRe  = regexp.MustCompile(`Số liệu tổng hợp từ (\d+) báo cáo`)
)

// workbook compares the overview's Excel download with the rollup, and its
// count of reports with the overview's.
func (r *reader) workbook(unit, period string) {
	r.t.Helper()
	path := "/u/" + unit + "/" + period + "/tai-ve/tong-hop.xlsx"
	p := r.page(path)
	f, err := excelize.OpenReader(bytes.NewReader([]byte(p.Body)))
	if err != nil {
		r.t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	roll, _ := r.rollup(unit, period)
	comp := r.completeness(unit, period)
	sheets := f.GetSheetList()
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		r.t.Fatal(err)
	}
	// The counts it states, as the overview and the API state them.
	var said []string
	for _, row := range rows {
		said = append(said, row...)
	}
	r.counts(path, strings.Join(said, "\n"), roll, comp, true)
	// The totals, by the header's columns.
	hdr, nameCol, valCol, repCol := -1, -1, -1, -1
	for i, row := range rows {
		for j, c := range row {
			switch c {
			case "Chỉ tiêu":
				hdr, nameCol = i, j
			case "Giá trị":
				valCol = j
			case "Số xã có số liệu":
				repCol = j
			}
		}
		if hdr >= 0 {
			break
		}
	}
	if hdr < 0 || valCol < 0 || repCol < 0 {
		r.t.Fatalf("%s: no header with Chỉ tiêu, Giá trị, Số xã có số liệu in %q", path, sheets[0])
	}
	seen := 0
	for _, row := range rows[hdr+1:] {
		if nameCol >= len(row) {
			continue
		}
		iv, ok := indicatorByName(roll, row[nameCol])
		if !ok {
			continue
		}
		seen++
		cellAt := func(i int) string {
			if i < len(row) {
				return row[i]
			}
			return ""
		}
		if v, ok := rawNumber(cellAt(valCol)); !ok || !sameRat(v, ratOf(iv.Value)) {
			r.t.Errorf("%s %s value: the workbook says %q, the API (rollup value) %s", path, iv.Code, cellAt(valCol), ratString(ratOf(iv.Value)))
		}
		r.same(path+" "+iv.Code+" reporting", cellAt(repCol), strconv.Itoa(iv.Reporting), "rollup reporting")
	}
	if seen != len(roll.Indicators) {
		r.t.Errorf("%s: %d indicators in %q, the rollup has %d", path, seen, sheets[0], len(roll.Indicators))
	}
}

// rawNumber reads a raw spreadsheet cell ("12986", "5.13"; "" for none).
func rawNumber(s string) (*big.Rat, bool) {
	if s == "" {
		return nil, true
	}
	v, ok := new(big.Rat).SetString(s)
	return v, ok
}

// consolidated compares the consolidated report (?format=json, and the
// .docx downloaded from the overview read back) with the API's rollup and
// completeness.
func (r *reader) consolidated(unit, period string) {
	r.t.Helper()
	var rep consolidated.Report
	path := "/api/v1/consolidated/" + unit + "/" + period + "?format=json"
	if st := r.api(path, &rep); st != 200 {
		r.t.Fatalf("%s: %d", path, st)
	}
	roll, _ := r.rollup(unit, period)
	comp := r.completeness(unit, period)
	ind := map[string]models.IndicatorValue{}
	for _, iv := range rep.Indicators {
		ind[iv.Code] = iv
	}
	for _, iv := range roll.Indicators {
		got := ind[iv.Code]
		if !sameRat(ratOf(got.Value), ratOf(iv.Value)) || got.Reporting != iv.Reporting {
			r.t.Errorf("%s %s: %s from %d communes; the rollup %s from %d", path, iv.Code, ratString(ratOf(got.Value)), got.Reporting, ratString(ratOf(iv.Value)), iv.Reporting)
		}
	}
	c := rep.Completeness
	r.same(path+" completeness expected/reported", fmt.Sprintf("%d/%d", c.Reported, c.Expected), fmt.Sprintf("%d/%d", comp.Reported, comp.Expected), "completeness")
	r.same(path+" counted", strconv.Itoa(c.Counted), strconv.Itoa(roll.CommunesReported), "rollup communes_reported")
	var late, missing, returned []string
	for _, u := range comp.Units {
		if u.OnTime != nil && !*u.OnTime {
			late = append(late, u.Code)
		}
		switch u.Status {
		case models.StatusMissing, models.StatusDraft:
			missing = append(missing, u.Code)
		case models.StatusReturned:
			returned = append(returned, u.Code)
		}
	}
	r.same(path+" late", codes(c.Late), strings.Join(late, ","), "completeness on_time false")
	r.same(path+" missing", codes(c.Missing), strings.Join(missing, ","), "completeness missing or draft")
	r.same(path+" returned", codes(c.Returned), strings.Join(returned, ","), "completeness returned")

	r.annex(path, rep.Annex, roll, lateOf(comp))

	// The Word file a person downloads says the same totals.
	file := "/u/" + unit + "/" + period + "/tai-ve/bao-cao-tong-hop.docx"
	d, err := docx.ReadDocument([]byte(r.page(file).Body))
	if err != nil {
		r.t.Fatalf("%s: %v", file, err)
	}
	r.docxTotals(file, d, roll, lateOf(comp))
	r.docxCounts(file, d, roll, comp)
}

// The counts the Word file's sentences state, and what each must be.
var (
	countedRe  = regexp.MustCompile(`(?:theo báo cáo của|Tổng hợp từ báo cáo của) (\d+)/(\d+)`)
	sentRe     = regexp.MustCompile(`(\d+)/(\d+) [\p{L} ,]+? đã (?:gửi )?báo cáo\b`)
	ofExpected = regexp.MustCompile(`(?:theo số liệu của (\d+)/(\d+))|(?:(\d+)/(\d+) [\p{L} ,]+? chưa báo cáo số liệu này)`)
)

// docxCounts compares every "N/M" the Word file's paragraphs state with
// the API: the reports its figures count (the rollup's communes_reported),
// the reports sent (completeness), and the units expected.
func (r *reader) docxCounts(file string, d *docx.Read, roll models.Rollup, comp models.Completeness) {
	r.t.Helper()
	counted := fmt.Sprintf("%d/%d", roll.CommunesReported, roll.CommunesExpected)
	sent := fmt.Sprintf("%d/%d", comp.Reported, comp.Expected)
	expected := strconv.Itoa(comp.Expected)
	for _, p := range d.Paragraphs {
		for _, m := range countedRe.FindAllStringSubmatch(p, -1) {
			r.same(file+" "+m[0], m[1]+"/"+m[2], counted, "rollup communes_reported/communes_expected")
		}
		for _, m := range sentRe.FindAllStringSubmatch(p, -1) {
			r.same(file+" "+m[0], m[1]+"/"+m[2], sent, "completeness reported/expected")
		}
		for _, m := range addedUpRe.FindAllStringSubmatch(p, -1) {
			r.same(file+" "+m[0], m[1], strconv.Itoa(roll.CommunesReported), "rollup communes_reported")
		}
		for _, m := range ofExpected.FindAllStringSubmatch(p, -1) {
			r.same(file+" "+m[0], m[2]+m[4], expected, "completeness expected")
		}
	}
}

func codes(us []models.UnitRef) string {
	var out []string
	for _, u := range us {
		out = append(out, u.Code)
	}
	return strings.Join(out, ",")
}

// docxTotals reads the annex's tables of the Word file: a header row
// naming indicators, then a row per unit (by its code or name) and the
// total ("Tổng cộng", "Tổng cộng (3/23 xã, thị trấn)"); every number is compared with the rollup's.
func (r *reader) docxTotals(file string, d *docx.Read, roll models.Rollup, late map[string]bool) {
	r.t.Helper()
	units := map[string]models.BreakdownRow{}
	for _, b := range r.breakdownBelow(roll) {
		units[b.UnitCode], units[b.Name] = b, b
	}
	totals := map[string]bool{}
	for _, tbl := range d.Tables {
		cols := map[int]models.IndicatorValue{}
		for i, row := range tbl {
			if len(cols) == 0 {
				for j, cell := range row {
					for _, iv := range roll.Indicators {
						if cell == iv.NameVI || strings.HasPrefix(cell, iv.NameVI+" (") {
							cols[j] = iv
						}
					}
				}
				continue
			}
			var values func(code string) *models.Amount
			what := ""
			for _, cell := range row {
				// A commune's row may be marked (*) not counted, (**) late;
				// the total names what it adds up where not all are counted.
				cell = strings.TrimSuffix(strings.TrimSuffix(cell, " (**)"), " (*)")
				if cell == "Tổng cộng" || strings.HasPrefix(cell, "Tổng cộng (") {
					if m := totalOfRe.FindStringSubmatch(cell); m != nil {
						r.same(file+" "+cell, m[1]+"/"+m[2], fmt.Sprintf("%d/%d", roll.CommunesReported, roll.CommunesExpected), "rollup communes_reported/communes_expected")
					}
					what, values = "total", func(code string) *models.Amount {
						for _, iv := range roll.Indicators {
							if iv.Code == code {
								return iv.Value
							}
						}
						return nil
					}
				} else if b, ok := units[cell]; ok && values == nil {
					what, values = b.UnitCode, func(code string) *models.Amount { return b.Values[code] }
					r.marks(file+" row "+b.UnitCode, row, b, late)
				}
			}
			if values == nil {
				continue
			}
			for j, iv := range cols {
				if j >= len(row) {
					r.t.Errorf("%s table row %d (%s): no cell for %s", file, i, what, iv.Code)
					continue
				}
				if what == "total" {
					totals[iv.Code] = true
				}
				r.number(file+" "+what+" "+iv.Code, row[j], ratOf(values(iv.Code)), "rollup by=child")
			}
		}
	}
	if len(totals) == 0 {
		r.t.Errorf("%s: no total of an indicator found in its tables", file)
	}
}

// annex compares the tables of the consolidated report's data with the
// rollup by=child.
func (r *reader) annex(where string, a consolidated.Annex, roll models.Rollup, late map[string]bool) {
	r.t.Helper()
	units := r.breakdownBelow(roll)
	total := map[string]*models.Amount{}
	for _, iv := range roll.Indicators {
		total[iv.Code] = iv.Value
	}
	for _, tbl := range a.Tables {
		for _, row := range tbl.Rows {
			want := total
			if row.Kind != "total" {
				b, ok := units[row.Code]
				if !ok {
					r.t.Errorf("%s annex %q: a row %s that the breakdown lacks", where, tbl.Title, row.Code)
					continue
				}
				want = b.Values
				if row.Counted != (b.CommunesReported > 0) || row.Late != (b.Kind.CommuneLevel() && late[row.Code]) {
					r.t.Errorf("%s annex %q row %s: counted %v, late %v; the API: %d counted, on time %v", where, tbl.Title, row.Code, row.Counted, row.Late, b.CommunesReported, !late[row.Code])
				}
			}
			for _, c := range tbl.Columns {
				if !sameRat(ratOf(row.Values[c.Code]), ratOf(want[c.Code])) {
					r.t.Errorf("%s annex %q row %s %s: %s; the rollup %s", where, tbl.Title, row.Code, c.Code, ratString(ratOf(row.Values[c.Code])), ratString(ratOf(want[c.Code])))
				}
			}
		}
	}
}

// counts compares the counts of reports a text states with the API's: the
// communes that have sent their report, and the reports its figures add up.
// must says that the text has to state both.
func (r *reader) counts(where, text string, roll models.Rollup, comp models.Completeness, must bool) {
	r.t.Helper()
	rep, add := reportedRe.FindAllStringSubmatch(text, -1), addedUpRe.FindAllStringSubmatch(text, -1)
	if must && (len(rep) == 0 || len(add) == 0) {
		r.t.Errorf("%s does not state both counts of reports (%q and %q): %q", where, "Đã báo cáo: N/M", "Số liệu tổng hợp từ N báo cáo", text)
	}
	for _, m := range rep {
		r.same(where+" "+m[0], m[1]+"/"+m[2], fmt.Sprintf("%d/%d", comp.Reported, comp.Expected), "completeness reported/expected")
	}
	for _, m := range add {
		r.same(where+" "+m[0], m[1], strconv.Itoa(roll.CommunesReported), "rollup communes_reported")
	}
}

// lateOf are the communes whose first sending came after the due date
// (completeness's on_time false).
func lateOf(comp models.Completeness) map[string]bool {
	out := map[string]bool{}
	for _, u := range comp.Units {
		if u.OnTime != nil && !*u.OnTime {
			out[u.Code] = true
		}
	}
	return out
}

// marks checks a commune's annex row in the Word file for its marks: (*)
// where its report is not counted, (**) where it came late.
func (r *reader) marks(where string, row []string, b models.BreakdownRow, late map[string]bool) {
	r.t.Helper()
	if !b.Kind.CommuneLevel() {
		return // a district's row is a heading, unmarked
	}
	label := ""
	for _, c := range row {
		if strings.HasPrefix(c, b.Name) {
			label = c
		}
	}
	rest := strings.TrimPrefix(label, b.Name)
	notCounted := strings.Contains(rest, "(*)")
	isLate := strings.Contains(rest, "(**)")
	if notCounted != (b.CommunesReported == 0) || isLate != (b.Kind.CommuneLevel() && late[b.UnitCode]) {
		r.t.Errorf("%s is labelled %q; the API: %d counted, late %v", where, label, b.CommunesReported, late[b.UnitCode])
	}
}
