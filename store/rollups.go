package store

import (
	"context"
	"slices"

	"gorm.io/gorm"

	"doingoai/models"
)

// RollupQuery asks for the totals of a unit.
type RollupQuery struct {
	Unit         *models.TreeUnit
	Period       models.Period
	Series       []models.Period    // more periods for a series; may be empty
	Indicators   []models.Indicator // the indicators wanted, in order
	ByChild      bool
	AcceptedOnly bool // count accepted reports only
	// Tree, when set, regroups the figures in the tree of that day (each
	// report counts in the unit its commune's successors belong to then);
	// Unit is then a unit of that tree.
	Tree models.Date
}

// rollupTree is what differs between a rollup in the tree of its period
// and one regrouped in the tree of another day (rollups_tree.go): which
// totals rows add up to a unit's figures, how many communes it expects,
// which children it breaks down into and which of them show a status.
type rollupTree struct {
	blocks   func(u *models.TreeUnit) []int64
	expected func(u *models.TreeUnit, p models.Period) int
	children []*models.TreeUnit
	// status tells whether a child shows its report status (a commune of
	// the period); keepEmpty whether a child without communes or reports
	// for the period is still a row.
	status    func(c *models.TreeUnit) bool
	keepEmpty bool
}

// Rollup computes a unit's indicators over the communes below it from the
// maintained totals: one row per unit and period, so its cost does not
// grow with the number of communes. Totals change in the transaction of
// each submission and review, so a rollup sees every submission that has
// been answered.
func (s *Store) Rollup(ctx context.Context, q RollupQuery) (models.Rollup, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return models.Rollup{}, err
	}
	if !q.Tree.IsZero() {
		return s.rollupInTree(ctx, t, q)
	}
	rt := rollupTree{
		blocks:   func(u *models.TreeUnit) []int64 { return []int64{u.ID} },
		expected: t.CommunesExpected,
		status:   func(c *models.TreeUnit) bool { return c.Kind.CommuneLevel() },
	}
	if q.ByChild {
		rt.children = q.Unit.Children
	}
	return s.rollup(ctx, q, rt)
}

// rollup reads the totals rows a rollup shows, the unit's in every period
// of the series and its children's in the period only, and computes the
// indicators from them.
func (s *Store) rollup(ctx context.Context, q RollupQuery, rt rollupTree) (models.Rollup, error) {
	scope := scopeCounted
	if q.AcceptedOnly {
		scope = scopeAccepted
	}
	out := models.Rollup{Unit: models.UnitRef{Code: q.Unit.Code, Name: q.Unit.Name}, Period: q.Period.String(), Counted: models.CountedStatuses(q.AcceptedOnly)}
	periods := []string{out.Period}
	for _, p := range q.Series {
		if !slices.Contains(periods, p.String()) {
			periods = append(periods, p.String())
		}
	}
	var below []int64
	for _, c := range rt.children {
		below = append(below, rt.blocks(c)...)
	}
	db := s.r.WithContext(ctx)
	totals, err := readTotals(db, scope, totalsBlock{rt.blocks(q.Unit), periods}, totalsBlock{below, periods[:1]})
	if err != nil {
		return out, err
	}
	sum := func(u *models.TreeUnit, p string) *models.Totals {
		var tt models.Totals
		for _, id := range rt.blocks(u) {
			if x := totals[totalsKey{id, p, scope}]; x != nil {
				tt.Add(x)
			}
		}
		return &tt
	}
	main := sum(q.Unit, out.Period)
	out.CommunesExpected = rt.expected(q.Unit, q.Period)
	out.CommunesReported = int(main.Reports())
	out.Indicators = indicatorValues(q.Indicators, main)
	if q.ByChild {
		statuses, err := s.statuses(db, rt.children, q.Period)
		if err != nil {
			return out, err
		}
		out.Breakdown = []models.BreakdownRow{}
		for _, c := range rt.children {
			ct := sum(c, out.Period)
			st, hasReport := statuses[c.ID]
			expected := rt.expected(c, q.Period)
			if !rt.keepEmpty && expected == 0 && ct.Reports() == 0 && !hasReport {
				continue // a unit of another time, with nothing for this period
			}
			row := models.BreakdownRow{UnitCode: c.Code, Name: c.Name, Kind: c.Kind,
				CommunesExpected: expected, CommunesReported: int(ct.Reports()), Values: map[string]*models.Amount{}}
			if rt.status(c) {
				if !hasReport {
					st = models.StatusMissing
				}
				row.Status = &st
			}
			for _, ind := range q.Indicators {
				row.Values[ind.Code], _ = ind.Compute(ct)
			}
			out.Breakdown = append(out.Breakdown, row)
		}
	}
	for _, p := range q.Series {
		pt := sum(q.Unit, p.String())
		out.Series = append(out.Series, models.SeriesPoint{Period: p.String(), CommunesExpected: rt.expected(q.Unit, p),
			CommunesReported: int(pt.Reports()), Indicators: indicatorValues(q.Indicators, pt)})
	}
	return out, nil
}

func indicatorValues(inds []models.Indicator, t *models.Totals) []models.IndicatorValue {
	out := make([]models.IndicatorValue, len(inds))
	for i, ind := range inds {
		v, n := ind.Compute(t)
		out[i] = models.IndicatorValue{Code: ind.Code, NameVI: ind.NameVI, NameEN: ind.NameEN, Unit: ind.Unit, Aggregation: ind.Aggregation, Value: v, Reporting: n}
	}
	return out
}

// statuses returns the report status of units (communes) for a period; a
// commune that ended before the period's last day has none (its report, if
// one was stored, does not count).
func (s *Store) statuses(db *gorm.DB, units []*models.TreeUnit, period models.Period) (map[int64]string, error) {
	out := map[int64]string{}
	var ids []int64
	for _, u := range units {
		if u.Kind.CommuneLevel() && u.ReportsFor(period) {
			ids = append(ids, u.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		UnitID int64
		Status string
	}
	if err := db.Raw("SELECT unit_id, status FROM reports WHERE period = ? AND revision > 0 AND unit_id IN ?", period.String(), ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.UnitID] = r.Status
	}
	return out, nil
}
