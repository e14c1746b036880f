package store

import (
	"context"
	"fmt"
	"slices"

	"doingoai/models"
)

// rollupInTree is Rollup with the figures regrouped in the tree of q.Tree:
// the same maintained totals, read for the blocks of units whose reports
// count in each unit of that tree (Regroup), so that a national rollup of
// 2024 in the 2025 tree reads one row and a new commune a row per
// predecessor.
func (s *Store) rollupInTree(ctx context.Context, t *models.Tree, q RollupQuery) (models.Rollup, error) {
	lin, err := s.Lineage(ctx, t)
	if err != nil {
		return models.Rollup{}, err
	}
	g := lin.Regroup(t, q.Tree)
	scope := scopeCounted
	out := models.Rollup{Unit: models.UnitRef{Code: q.Unit.Code, Name: q.Unit.Name}, Period: q.Period.String(),
		Counted: []string{models.StatusSubmitted, models.StatusAccepted}, Tree: q.Tree.String()}
	if q.AcceptedOnly {
		scope, out.Counted = scopeAccepted, []string{models.StatusAccepted}
	}
	periods := []models.Period{q.Period}
	for _, p := range q.Series {
		if !slices.Contains(periods, p) {
			periods = append(periods, p)
		}
	}
	names := make([]string, len(periods))
	for i, p := range periods {
		names[i] = p.String()
	}
	var children []*models.TreeUnit
	if q.ByChild {
		for _, c := range q.Unit.Children {
			if c.ExistsOn(q.Tree) {
				children = append(children, c)
			}
		}
	}
	ids := slices.Clone(g.Blocks(q.Unit))
	for _, c := range children {
		ids = append(ids, g.Blocks(c)...)
	}
	totals, err := readTotals(s.r.WithContext(ctx), ids, names, scope)
	if err != nil {
		return out, err
	}
	sum := func(u *models.TreeUnit, p string) *models.Totals {
		var tt models.Totals
		for _, id := range g.Blocks(u) {
			if x := totals[totalsKey{id, p, scope}]; x != nil {
				tt.Add(x)
			}
		}
		return &tt
	}
	main := sum(q.Unit, out.Period)
	out.CommunesExpected = g.Expected(t, q.Unit, q.Period.LastDay())
	out.CommunesReported = int(main.Reports())
	out.Indicators = indicatorValues(q.Indicators, main)
	if q.ByChild {
		statuses, err := s.statuses(s.r.WithContext(ctx), children, out.Period)
		if err != nil {
			return out, err
		}
		out.Breakdown = []models.BreakdownRow{}
		for _, c := range children {
			ct := sum(c, out.Period)
			row := models.BreakdownRow{UnitCode: c.Code, Name: c.Name, Kind: c.Kind,
				CommunesExpected: g.Expected(t, c, q.Period.LastDay()), CommunesReported: int(ct.Reports()), Values: map[string]*models.Amount{}}
			if c.Kind.CommuneLevel() && c.ExistsOn(q.Period.LastDay()) {
				st, ok := statuses[c.ID]
				if !ok {
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
		out.Series = append(out.Series, models.SeriesPoint{Period: p.String(), CommunesExpected: g.Expected(t, q.Unit, p.LastDay()),
			CommunesReported: int(pt.Reports()), Indicators: indicatorValues(q.Indicators, pt)})
	}
	out.NotComparable = g.NotComparable(t, q.Unit, periods)
	return out, nil
}

// TreeDay checks a tree= day and returns the unit a code names in that
// tree. Errors: EINVALID (422) for a day in the future, a day on which the
// tree holds no unit, or a code that names no unit on the day.
func (s *Store) TreeDay(ctx context.Context, t *models.Tree, code string, day models.Date) (*models.TreeUnit, error) {
	if today := models.DateOf(s.Now()); day.After(today) {
		return nil, invalidTree("%s is in the future; the tree of a day to come is not known", day)
	}
	lin, err := s.Lineage(ctx, t)
	if err != nil {
		return nil, err
	}
	if lin.Regroup(t, day).Units() <= 1 {
		return nil, invalidTree("no unit existed on %s: the service knows no tree before its first units", day)
	}
	u := t.OnDay(code, day)
	if u == nil {
		return nil, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
			Fields: []models.FieldError{{Field: "unit", Message: "no unit had the code " + code + " on " + day.String() + ", the day of tree"}}}
	}
	return u, nil
}

func invalidTree(format string, args ...any) error {
	return &models.Error{Code: models.EINVALID, Message: "the query is not valid", Fields: []models.FieldError{{Field: "tree", Message: fmt.Sprintf(format, args...)}}}
}
