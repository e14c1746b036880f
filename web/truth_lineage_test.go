package web_test

// Across the reform on pages: the chart's table of each period's figure
// with the communes that reported it, and the box of the units a commune
// was formed from or went into, against GET /rollups (tree=, periods=),
// GET /units/{code}?at= and GET /reports.

import (
	"net/http"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"doingoai/models"
)

// coverage compares an overview's table "qua các kỳ" (each period's figure
// of the chosen indicator and its communes reported / expected) with the
// rollup's series for the same periods — in today's tree when the unit
// exists today, as the page says.
func (r *reader) coverage(path string, doc *html.Node, unit, period string) {
	r.t.Helper()
	tbl := first(doc, withAttr("id", "line-coverage"))
	if tbl == nil {
		return // no figure of the chosen indicator in any period
	}
	chosen := attr(first(first(doc, withAttr("id", "chi-tieu")), func(n *html.Node) bool {
		_, ok := attrOk(n, "selected")
		return n.Data == "option" && ok
	}), "value")
	if chosen == "" {
		r.t.Errorf("%s: no indicator chosen for the chart", path)
		return
	}
	rows := find(first(tbl, tag("tbody")), tag("tr"))
	var periods []string
	for _, tr := range rows {
		periods = append(periods, attr(tr, "data-period"))
	}
	q := url.Values{"unit": {unit}, "period": {period}, "indicators": {chosen}, "periods": {strings.Join(periods, ",")}}
	today := models.DateOf(r.s.Clock.Now().In(models.Vietnam)).String()
	if r.api("/api/v1/units/"+unit+"?at="+today, nil) == http.StatusOK {
		q.Set("tree", today)
	}
	var roll models.Rollup
	if st := r.api("/api/v1/rollups?"+q.Encode(), &roll); st != http.StatusOK {
		r.t.Fatalf("%s: the rollup of the chart: %d", path, st)
	}
	byPeriod := map[string]models.SeriesPoint{}
	for _, s := range roll.Series {
		byPeriod[s.Period] = s
	}
	for _, tr := range rows {
		p := attr(tr, "data-period")
		s, ok := byPeriod[p]
		if !ok || len(s.Indicators) != 1 {
			r.t.Errorf("%s chart: a period %s the API's series lacks", path, p)
			continue
		}
		cells := find(tr, tag("td"))
		if len(cells) != 2 {
			r.t.Errorf("%s chart row %s: %d cells", path, p, len(cells))
			continue
		}
		r.number(path+" chart "+chosen+" "+p, nodeText(cells[0]), ratOf(s.Indicators[0].Value), "rollup series (tree="+q.Get("tree")+")")
		r.same(path+" chart "+p+" communes reported", nodeText(cells[1]), itoa(s.CommunesReported)+"/"+itoa(s.CommunesExpected), "rollup series communes_reported/communes_expected")
	}
}

// lastDay is a period's last day, the day whose tree it is read in.
func lastDay(period string) string {
	p, _ := models.ParsePeriod(period)
	return p.LastDay().String()
}

// lineage compares the box "Địa bàn qua các lần sắp xếp" of a page with the
// API: the units linked are the unit's predecessors and successors, and
// each commune's status is its report's for the period linked.
func (r *reader) lineage(path string, doc *html.Node, unit, at string) {
	r.t.Helper()
	var u struct {
		Predecessors, Successors []struct{ Code string }
	}
	if st := r.api("/api/v1/units/"+unit+"?at="+at, &u); st != http.StatusOK {
		r.t.Fatalf("unit %s at %s: %d", unit, at, st)
	}
	var want []string
	for _, p := range append(u.Predecessors, u.Successors...) {
		want = append(want, p.Code)
	}
	box := section(doc, "h-lineage")
	if box == nil {
		if len(want) > 0 {
			r.t.Errorf("%s does not show the units %v it was formed from or went into", path, want)
		}
		return
	}
	got := map[string]bool{}
	for _, li := range find(box, tag("li")) {
		code, per := attr(li, "data-code"), attr(li, "data-period")
		got[code] = true
		if st, ok := attrOk(li, "data-status"); ok {
			rep, found := r.apiRevision(code, per)
			want := models.StatusMissing
			if found {
				want = rep.Status
			}
			r.same(path+" lineage "+code+"/"+per, st, want, "report status")
			r.same(path+" lineage "+code+"/"+per+" badge", nodeText(first(li, hasClass("badge"))), statusWords[want], "report status")
		}
	}
	for _, c := range want {
		if !got[c] {
			keys := make([]string, 0, len(got))
			for k := range got {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			r.t.Errorf("%s links %v; the API's predecessors and successors are %v", path, keys, want)
			break
		}
	}
}

func attrOk(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
