package web_test

// A commune's pages — its report, the history and comparison of its
// revisions, its form with the list of periods — and search, against GET
// /reports, /revisions, /completeness and /units.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"

	"doingoai/models"
)

// apiRevision is GET /reports/{unit}/{period}: the body as generic JSON and
// the state fields.
type apiRevision struct {
	Body        map[string]any
	Revision    int
	Status      string
	SubmittedAt string
	Review      *struct {
		Decision, Comment string
		Revision          int
		ReviewedAt        time.Time `json:"reviewed_at"`
	}
}

func (r *reader) apiRevision(unit, period string) (apiRevision, bool) {
	r.t.Helper()
	res := r.s.Do(r.t, "GET", "/api/v1/reports/"+unit+"/"+period, "admin", "", nil)
	if res.Status == http.StatusNotFound {
		return apiRevision{}, false
	}
	if res.Status != http.StatusOK {
		r.t.Fatalf("report %s/%s: %d %s", unit, period, res.Status, res.Body)
	}
	var a apiRevision
	res.JSON(r.t, &a.Body)
	res.JSON(r.t, &a)
	return a, true
}

// figureAt is the JSON value at a dotted path of a report body: a number's
// text, or "" for null or absent.
func figureAt(body map[string]any, path string) string {
	var v any = body
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// figurePaths are the counted figures every world reports (or leaves null).
var figurePaths = func() []string {
	var out []string
	for p := range figures(newRand(1)) {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}()

func apiRat(s string) *big.Rat {
	if s == "" {
		return nil
	}
	v, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("not a number: " + s)
	}
	return v
}

// report compares /r/{unit}/{period} with GET /reports and /revisions.
func (r *reader) report(unit, period string) {
	r.t.Helper()
	path := "/r/" + unit + "/" + period
	doc := r.read(path)
	r.lineage(path, doc, unit, lastDay(period))
	rep, found := r.apiRevision(unit, period)
	state := section(doc, "h-state")
	if !found {
		if state != nil {
			r.t.Errorf("%s shows a report's state; the API has none: %q", path, nodeText(state))
		}
		return
	}
	if state == nil {
		r.t.Errorf("%s shows no report; the API has revision %d (%s)", path, rep.Revision, rep.Status)
		return
	}
	r.same(path+" status", nodeText(first(state, hasClass("badge"))), statusWords[rep.Status], "report status "+rep.Status)
	var revs models.RevisionList
	r.api("/api/v1/reports/"+unit+"/"+period+"/revisions", &revs)
	last := revs.Items[len(revs.Items)-1]
	says := nodeText(state)
	// A draft is a saving; a report sent is counted in sendings, drafts
	// before it not counted.
	want := fmt.Sprintf("Lần gửi thứ %d, lúc %s", sending(revs, rep.Revision), vnTime(last.SubmittedAt))
	if rep.Status == models.StatusDraft {
		want = fmt.Sprintf("Lần lưu thứ %d, lúc %s", rep.Revision, vnTime(last.SubmittedAt))
	}
	if !strings.Contains(says, want) {
		r.t.Errorf("%s says %q; the API: revision %d (%s) at %s, so %q", path, says, rep.Revision, rep.Status, last.SubmittedAt, want)
	}
	if rep.Review != nil {
		word := map[string]string{"accept": "Đã duyệt", "return": "Đã trả lại"}[rep.Review.Decision]
		note := fmt.Sprintf("%s lần gửi thứ %d, lúc %s", word, sending(revs, rep.Review.Revision), vnTime(rep.Review.ReviewedAt))
		if !strings.Contains(says, note) || rep.Review.Comment != "" && !strings.Contains(says, "Ý kiến: "+rep.Review.Comment) {
			r.t.Errorf("%s says %q; the API's review is %s of revision %d, %q", path, says, rep.Review.Decision, rep.Review.Revision, rep.Review.Comment)
		}
	}
	// Every figure, by its field.
	for _, fp := range figurePaths {
		div := first(doc, withAttr("data-field", fp))
		if div == nil {
			if figureAt(rep.Body, fp) != "" {
				r.t.Errorf("%s does not show %s; the API has %s", path, fp, figureAt(rep.Body, fp))
			}
			continue
		}
		dd := first(div, tag("dd"))
		shown := ""
		if dd != nil && dd.FirstChild != nil && dd.FirstChild.Type == html.TextNode {
			shown = dd.FirstChild.Data
		}
		r.number(path+" "+fp, shown, apiRat(figureAt(rep.Body, fp)), "report "+fp)
	}
	r.revisionTable(path, readTable(first(section(doc, "h-revs"), tag("table"))), revs, "Trạng thái khi gửi")
	r.history(unit, period, revs)
	if len(revs.Items) > 1 {
		r.diff(unit, period, 1, last.Revision)
	}
}

// revisionTable compares a table of revisions (any order) with the API's.
func (r *reader) revisionTable(where string, tbl pageTable, revs models.RevisionList, statusCol string) {
	r.t.Helper()
	if len(tbl.Rows) != len(revs.Items) {
		r.t.Errorf("%s lists %d revisions, the API %d", where, len(tbl.Rows), len(revs.Items))
	}
	byN := map[string]models.RevisionSummary{}
	for _, it := range revs.Items {
		byN[strconv.Itoa(it.Revision)] = it
	}
	for _, row := range tbl.Rows {
		n := tbl.cell(row, "Lần")
		it, ok := byN[n]
		if !ok {
			r.t.Errorf("%s: revision %q is not in the API's list", where, n)
			continue
		}
		r.same(where+" revision "+n+" time", tbl.cell(row, "Thời điểm"), vnTime(it.SubmittedAt), "revisions submitted_at")
		r.same(where+" revision "+n+" status", tbl.cell(row, statusCol), statusWords[it.Status], "revisions status "+it.Status)
	}
}

// history compares the form's history page with GET /revisions.
func (r *reader) history(unit, period string, revs models.RevisionList) {
	r.t.Helper()
	path := "/xa/" + unit + "/" + period + "/lich-su"
	doc := r.read(path)
	r.revisionTable(path, readTable(first(doc, tag("table"))), revs, "Trạng thái")
}

// diff compares /r/…/so-sanh with the two revisions of the API: as many
// rows as fields that differ, and each changed figure's two numbers.
func (r *reader) diff(unit, period string, from, to int) {
	r.t.Helper()
	path := fmt.Sprintf("/r/%s/%s/so-sanh?tu=%d&den=%d", unit, period, from, to)
	doc := r.read(path)
	var a, b map[string]any
	r.api(fmt.Sprintf("/api/v1/reports/%s/%s/revisions/%d", unit, period, from), &a)
	r.api(fmt.Sprintf("/api/v1/reports/%s/%s/revisions/%d", unit, period, to), &b)
	tbl := readTable(first(doc, tag("table")))
	type pair struct{ old, new *big.Rat }
	var changed []string
	var pairs []pair
	for _, fp := range figurePaths {
		if oa, ob := figureAt(a, fp), figureAt(b, fp); oa != ob {
			changed = append(changed, fp)
			pairs = append(pairs, pair{apiRat(oa), apiRat(ob)})
		}
	}
	// The generated revisions differ in their figures and the date of
	// issue only.
	want := len(changed)
	if figureAt(apitestObj(a, "document"), "issued_on") != figureAt(apitestObj(b, "document"), "issued_on") {
		want++
	}
	if len(tbl.Rows) != want {
		r.t.Errorf("%s lists %d changes; the API's revisions %d and %d differ in %d fields (%v and maybe the date of issue)", path, len(tbl.Rows), from, to, want, changed)
	}
	for i, p := range pairs {
		ok := false
		for _, row := range tbl.Rows {
			if len(row) == 3 && sameShown(nodeText(row[1]), p.old) && sameShown(nodeText(row[2]), p.new) {
				ok = true
			}
		}
		if !ok {
			r.t.Errorf("%s: no row shows %s going from %s to %s", path, changed[i], ratString(p.old), ratString(p.new))
		}
	}
}

func apitestObj(m map[string]any, k string) map[string]any {
	o, _ := m[k].(map[string]any)
	return o
}

// sameShown tells whether a page's text is the number v, written as the
// pages write numbers or as JSON writes them.
func sameShown(s string, v *big.Rat) bool {
	if got, ok := readNumber(s); ok && sameRat(got, v) {
		return true
	}
	got, ok := rawNumber(s)
	return ok && s != "" && sameRat(got, v)
}

// commune compares the commune's form and its list of periods with the
// API: the status, every figure in its input, and each period's status.
func (r *reader) commune(unit, period string) {
	r.t.Helper()
	path := "/xa/" + unit + "/" + period
	doc := r.read(path)
	rep, found := r.apiRevision(unit, period)
	status := models.StatusMissing
	if found {
		status = rep.Status
	}
	r.same(path+" status", nodeText(first(doc, withAttr("id", "cf-status"))), statusWords[status], "report status "+status)
	if found {
		for _, fp := range figurePaths {
			in := first(doc, withAttr("name", fp))
			if in == nil {
				r.t.Errorf("%s has no input %s", path, fp)
				continue
			}
			r.number(path+" input "+fp, attr(in, "value"), apiRat(figureAt(rep.Body, fp)), "report "+fp)
		}
	}
	nav := first(doc, hasClass("cf-periods"))
	for _, a := range find(nav, tag("a")) {
		href := attr(a, "href")
		u, err := url.Parse(href)
		if err != nil {
			r.t.Errorf("%s: a period link %q", path, href)
			continue
		}
		parts := strings.Split(strings.TrimPrefix(u.Path, "/xa/"), "/")
		if len(parts) != 2 {
			r.t.Errorf("%s: a period link %q", path, href)
			continue
		}
		other, ok := r.apiRevision(parts[0], parts[1])
		want := models.StatusMissing
		if ok {
			want = other.Status
		}
		r.same(path+" period "+parts[1], nodeText(first(a, tag("small"))), statusWords[want], "report status of "+parts[0]+"/"+parts[1])
	}
}

// search looks for each commune's name without its diacritics and compares
// the units found with GET /units?q=.
func (r *reader) search() {
	r.t.Helper()
	for _, u := range append(r.w.oldCommunes()[:2], r.w.Merges[0].wUnit) {
		q := models.Fold(u.Name)
		path := "/tim-kiem?q=" + url.QueryEscape(q)
		doc := r.read(path)
		tbl := readTable(first(doc, tag("table")))
		var page []string
		for _, row := range tbl.Rows {
			name := row[tbl.col("Đơn vị")]
			retired := ""
			if first(name, hasClass("tag")) != nil {
				retired = " (ended)"
			}
			page = append(page, tbl.cell(row, "Mã")+" "+nodeText(first(name, tag("a")))+retired)
		}
		var list models.UnitList
		r.api("/api/v1/units?q="+url.QueryEscape(q)+"&per_page=100", &list)
		var api []string
		for _, it := range list.Items {
			retired := ""
			if !it.ValidTo.IsZero() {
				retired = " (ended)"
			}
			api = append(api, it.Code+" "+it.Name+retired)
		}
		sort.Strings(page)
		sort.Strings(api)
		if strings.Join(page, "; ") != strings.Join(api, "; ") {
			b, _ := json.Marshal(api)
			r.t.Errorf("%s finds %q; GET /units?q= %s", path, page, b)
		}
	}
}

// sending is which sending revision n was: the revisions up to it that
// were not drafts.
func sending(revs models.RevisionList, n int) int {
	k := 0
	for _, it := range revs.Items {
		if it.Revision <= n && it.Status != models.StatusDraft {
			k++
		}
	}
	return k
}
