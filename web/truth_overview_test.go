package web_test

// The overview of a unit and period against GET /completeness and GET
// /rollups.

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"doingoai/models"
)

// overviewCounts are the counts of an overview's "Tình hình báo cáo".
type overviewCounts struct {
	Reported, Expected int
}

var fractionRe = regexp.MustCompile(`^(\d+)/(\d+)$`)

// overview compares /u/{unit}/{period} with the API and returns what its
// counts say.
func (r *reader) overview(unit, period string) overviewCounts {
	r.t.Helper()
	path := "/u/" + unit + "/" + period
	doc := r.read(path)
	comp := r.completeness(unit, period)
	roll, prev := r.rollup(unit, period)
	where := func(what string) string { return path + ": " + what }

	r.coverage(path, doc, unit, period)
	r.lineage(path, doc, unit, lastDay(period))

	// The counts.
	var got overviewCounts
	counts := map[string]string{}
	for _, div := range find(section(doc, "h-progress"), func(n *html.Node) bool { return n.Data == "div" && first(n, tag("dt")) != nil }) {
		counts[nodeText(first(div, tag("dt")))] = nodeText(first(div, tag("dd")))
	}
	if m := fractionRe.FindStringSubmatch(counts["Đã báo cáo"]); m == nil {
		r.t.Errorf("%s = %q, want reported/expected", where("Đã báo cáo"), counts["Đã báo cáo"])
	} else {
		got.Reported, _ = strconv.Atoi(m[1])
		got.Expected, _ = strconv.Atoi(m[2])
		r.same(where("Đã báo cáo"), counts["Đã báo cáo"], fmt.Sprintf("%d/%d", comp.Reported, comp.Expected), "completeness reported/expected")
	}
	for label, want := range map[string]int{"Chưa báo cáo": comp.Missing, "Trễ hạn": comp.Late, "Đã duyệt": comp.Accepted, "Trả lại": comp.Returned, "Bản nháp": comp.Draft} {
		v, shown := counts[label]
		if !shown && want == 0 && label == "Bản nháp" {
			continue
		}
		r.same(where(label), v, strconv.Itoa(want), "completeness")
	}
	due := nodeText(first(section(doc, "h-progress"), hasClass("due")))
	if comp.DueDate == nil {
		if strings.Contains(due, "Hạn nộp:") {
			r.t.Errorf("%s says %q; the API has no due date", where("due date"), due)
		}
	} else if !strings.Contains(due, "Hạn nộp: "+vnDate(*comp.DueDate)) {
		r.t.Errorf("%s says %q, want Hạn nộp: %s (completeness due_date %s)", where("due date"), due, vnDate(*comp.DueDate), comp.DueDate)
	}

	// The units below: communes with status, first submission and on-time
	// flag; or units above communes with their counts.
	below := readTable(first(section(doc, "h-below"), tag("table")))
	if below.col("Đúng hạn") >= 0 {
		r.communeRows(where("commune list"), below, comp)
	} else {
		r.childRows(where("units below"), below, roll)
	}

	// The indicators: value, previous, change with its sign, reporting.
	prevOf := seriesOf(roll, prev)
	totals := nodeText(section(doc, "h-totals"))
	if !addedUpRe.MatchString(totals) {
		r.t.Errorf("%s does not say how many reports its figures add up", where("indicator table"))
	}
	r.counts(where("indicator table"), totals, roll, comp, false)
	tot := readTable(first(section(doc, "h-totals"), tag("table")))
	if len(tot.Rows) != len(roll.Indicators) {
		r.t.Errorf("%s has %d rows, the rollup %d indicators", where("indicator table"), len(tot.Rows), len(roll.Indicators))
	}
	for _, row := range tot.Rows {
		name := nodeText(row[0])
		iv, ok := indicatorByName(roll, name)
		if !ok {
			r.t.Errorf("%s: a row %q that is no indicator of the rollup", where("indicator table"), name)
			continue
		}
		at := where(iv.Code)
		cur, pv := ratOf(iv.Value), ratOf(prevOf[iv.Code].Value)
		r.number(at+" value", tot.cell(row, "Kỳ "+period), cur, "rollup value")
		r.number(at+" previous ("+prev+")", tot.cell(row, "Kỳ "+prev), pv, "rollup series "+prev)
		var change *big.Rat
		if cur != nil && pv != nil {
			change = new(big.Rat).Sub(cur, pv)
		}
		r.number(at+" change", tot.cell(row, "Thay đổi"), change, "rollup value − previous")
		r.same(at+" reporting", tot.cell(row, "Số xã báo cáo"), strconv.Itoa(iv.Reporting), "rollup reporting")
	}
	return got
}

func (r *reader) communeRows(where string, tbl pageTable, comp models.Completeness) {
	byCode := map[string]models.CompletenessUnit{}
	for _, u := range comp.Units {
		byCode[u.Code] = u
	}
	if len(tbl.Rows) != len(comp.Units) {
		r.t.Errorf("%s has %d rows, completeness %d units", where, len(tbl.Rows), len(comp.Units))
	}
	for _, row := range tbl.Rows {
		code := tbl.cell(row, "Mã")
		u, ok := byCode[code]
		if !ok {
			r.t.Errorf("%s: row %q is not in completeness", where, code)
			continue
		}
		r.same(where+" "+code+" status", tbl.cell(row, "Trạng thái"), statusWords[u.Status], "completeness status "+u.Status)
		first := "—"
		if u.FirstSubmittedAt != nil {
			first = vnTime(*u.FirstSubmittedAt)
		}
		r.same(where+" "+code+" first sent", tbl.cell(row, "Gửi lần đầu"), first, "completeness first_submitted_at")
		r.same(where+" "+code+" on time", tbl.cell(row, "Đúng hạn"), onTimeWords(u.OnTime), fmt.Sprintf("completeness on_time %v", boolText(u.OnTime)))
	}
}

func boolText(b *bool) string {
	if b == nil {
		return "null"
	}
	return strconv.FormatBool(*b)
}

func (r *reader) childRows(where string, tbl pageTable, roll models.Rollup) {
	byCode := map[string]models.BreakdownRow{}
	for _, b := range roll.Breakdown {
		byCode[b.UnitCode] = b
	}
	if len(tbl.Rows) != len(roll.Breakdown) {
		r.t.Errorf("%s has %d rows, the breakdown %d", where, len(tbl.Rows), len(roll.Breakdown))
	}
	for _, row := range tbl.Rows {
		code := tbl.cell(row, "Mã")
		b, ok := byCode[code]
		if !ok {
			r.t.Errorf("%s: row %q is not in the breakdown", where, code)
			continue
		}
		r.same(where+" "+code+" reports added up", tbl.cell(row, "Báo cáo được tổng hợp"), strconv.Itoa(b.CommunesReported), "breakdown communes_reported")
		r.same(where+" "+code+" communes", tbl.cell(row, "Số xã"), strconv.Itoa(b.CommunesExpected), "breakdown communes_expected")
	}
}

// same fails the test when a page says got where the API says want.
func (r *reader) same(where, got, want, source string) {
	r.t.Helper()
	if got != want {
		r.t.Errorf("%s: the page says %q, the API (%s) %q", where, got, source, want)
	}
}

// number fails the test when a page's number is not the API's.
func (r *reader) number(where, shown string, want *big.Rat, source string) {
	r.t.Helper()
	got, ok := readNumber(shown)
	if !ok {
		r.t.Errorf("%s: the page says %q, not a number; the API (%s) %s", where, shown, source, ratString(want))
		return
	}
	if !sameRat(got, want) {
		r.t.Errorf("%s: the page says %q = %s, the API (%s) %s", where, shown, ratString(got), source, ratString(want))
	}
}

// breakdownBelow is every unit below a rollup's, with its figures: its
// breakdown, and the breakdowns of the units in it that are above
// communes (GET /rollups?by=child of each), by code.
func (r *reader) breakdownBelow(roll models.Rollup) map[string]models.BreakdownRow {
	out := map[string]models.BreakdownRow{}
	for _, b := range roll.Breakdown {
		out[b.UnitCode] = b
		if !b.Kind.CommuneLevel() {
			sub, _ := r.rollup(b.UnitCode, roll.Period)
			for k, v := range r.breakdownBelow(sub) {
				out[k] = v
			}
		}
	}
	return out
}
