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
	scope := scopeCounted
	if q.AcceptedOnly {
		scope = scopeAccepted
	}
	out := models.Rollup{Unit: models.UnitRef{Code: q.Unit.Code, Name: q.Unit.Name}, Period: q.Period.String(), Counted: models.CountedStatuses(q.AcceptedOnly)}
	periods := []string{q.Period.String()}
	for _, p := range q.Series {
		if !slices.Contains(periods, p.String()) {
			periods = append(periods, p.String())
		}
	}
	ids := []int64{q.Unit.ID}
	if q.ByChild {
		for _, c := range q.Unit.Children {
			ids = append(ids, c.ID)
		}
	}
	db := s.r.WithContext(ctx)
	totals, err := readTotals(db, ids, periods, scope)
	if err != nil {
		return out, err
	}
	get := func(u *models.TreeUnit, p string) *models.Totals {
		if tt := totals[totalsKey{u.ID, p, scope}]; tt != nil {
			return tt
		}
		return new(models.Totals)
	}
	main := get(q.Unit, out.Period)
	out.CommunesExpected = t.CommunesExpected(q.Unit, q.Period)
	out.CommunesReported = int(main.Reports())
	out.Indicators = indicatorValues(q.Indicators, main)

	if q.ByChild {
		statuses, err := s.statuses(db, q.Unit.Children, out.Period)
		if err != nil {
			return out, err
		}
		out.Breakdown = []models.BreakdownRow{}
		for _, c := range q.Unit.Children {
			ct := get(c, out.Period)
			st, hasReport := statuses[c.ID]
			expected := t.CommunesExpected(c, q.Period)
			if expected == 0 && ct.Reports() == 0 && !hasReport {
				continue // a unit of another time, with nothing for this period
			}
			row := models.BreakdownRow{UnitCode: c.Code, Name: c.Name, Kind: c.Kind,
				CommunesExpected: expected, CommunesReported: int(ct.Reports()), Values: map[string]*models.Amount{}}
			if c.Kind.CommuneLevel() {
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
		pt := get(q.Unit, p.String())
		out.Series = append(out.Series, models.SeriesPoint{Period: p.String(), CommunesExpected: t.CommunesExpected(q.Unit, p),
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

// statuses returns the report status of units (communes) for a period.
func (s *Store) statuses(db *gorm.DB, units []*models.TreeUnit, period string) (map[int64]string, error) {
	out := map[int64]string{}
	var ids []int64
	for _, u := range units {
		if u.Kind.CommuneLevel() {
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
	if err := db.Raw("SELECT unit_id, status FROM reports WHERE period = ? AND revision > 0 AND unit_id IN ?", period, ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.UnitID] = r.Status
	}
	return out, nil
}
