package app

import (
	"context"

	"doingoai/models"
)

// Unit resolves the commune of a report named by its path (a unit code and
// a period) and checks p's scope: the reads of a report and its review
// find it the same way. An unknown unit or a malformed period is
// ENOTFOUND (there is no report there); a unit outside the scope is
// EFORBIDDEN.
func (rs Reports) Unit(ctx context.Context, p models.Principal, unitCode, period string) (*models.Tree, *models.TreeUnit, models.Period, error) {
	per, err := models.ParsePeriod(period)
	if err != nil {
		return nil, nil, per, models.Errorf(models.ENOTFOUND, "there is no report at this path: %s", err)
	}
	t, err := rs.Store.Tree(ctx)
	if err != nil {
		return nil, nil, per, err
	}
	u := t.ForPeriod(unitCode, per)
	if u == nil {
		return nil, nil, per, models.Errorf(models.ENOTFOUND, "no unit had the code %s during %s", unitCode, period)
	}
	return t, u, per, t.InScope(p, u)
}
