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
	lastDay := q.Period.LastDay()
	rt := rollupTree{
		blocks:    g.Blocks,
		expected:  func(u *models.TreeUnit, p models.Period) int { return g.Expected(t, u, p.LastDay()) },
		status:    func(c *models.TreeUnit) bool { return c.Kind.CommuneLevel() && c.ExistsOn(lastDay) },
		keepEmpty: true,
	}
	if q.ByChild {
		for _, c := range q.Unit.Children {
			if c.ExistsOn(q.Tree) {
				rt.children = append(rt.children, c)
			}
		}
	}
	out, err := s.rollup(ctx, q, rt)
	if err != nil {
		return out, err
	}
	out.Tree = q.Tree.String()
	periods := []models.Period{q.Period}
	for _, p := range q.Series {
		if !slices.Contains(periods, p) {
			periods = append(periods, p)
		}
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
