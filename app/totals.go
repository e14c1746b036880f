package app

import (
	"context"

	"doingoai/models"
	"doingoai/store"
)

// TotalsUnit resolves the unit whose totals p reads — GET /rollups and
// /completeness, the consolidated report, the overview pages and their
// downloads — and applies the one rule of who reads them: no commune
// (models.Principal.MayReadTotals, checked first), and only a unit within
// p's scope. The unit is the one the code names during the period or, with
// a day (not zero), in that day's tree (store.TreeDay: the tree= of a
// rollup).
//
// Errors: EFORBIDDEN; ENOTFOUND for an unknown code; EINVALID for a day
// the tree cannot be read on.
func TotalsUnit(ctx context.Context, st *store.Store, p models.Principal, code string, period models.Period, day models.Date) (*models.Tree, *models.TreeUnit, error) {
	if err := p.MayReadTotals(); err != nil {
		return nil, nil, err
	}
	t, err := st.Tree(ctx)
	if err != nil {
		return nil, nil, err
	}
	var u *models.TreeUnit
	if !day.IsZero() {
		u, err = st.TreeDay(ctx, t, code, day)
	} else {
		u, err = t.Resolve(code, period)
	}
	if err != nil {
		return nil, nil, err
	}
	return t, u, t.InScope(p, u)
}
