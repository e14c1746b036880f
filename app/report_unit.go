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

// ReportingUnit is the rule of which unit a report may be for: code must
// name a unit that existed during per and that makes reports (a commune,
// ward, town or special zone), within p's scope. The scope comes first: a
// unit the code names (during per, else now) outside p's scope is the
// scope's EFORBIDDEN, whatever else is wrong with it, so that a principal
// learns nothing of units it may not see. Else a code that names no such
// unit is recorded in problems at field (where the request names the unit:
// "unit_code" in a report, "unit" in an import's query) with its message
// code and parameters, and no unit is returned. Whether the unit ended
// before the period's end is the store's to say when the report is saved.
func ReportingUnit(t *models.Tree, p models.Principal, field, code string, per models.Period, problems *models.Problems) (*models.TreeUnit, error) {
	unit := t.ForPeriod(code, per)
	named := unit
	if named == nil {
		named = t.ByCode(code)
	}
	if named != nil {
		if err := t.InScope(p, named); err != nil {
			return nil, err
		}
	}
	switch {
	case named == nil:
		problems.AddMsg(field, models.FUnknownUnit, models.MNoSuchUnit, models.Params{"unit": code}, "no unit has the code %s", code)
	case unit == nil:
		problems.AddMsg(field, models.FUnknownUnit, models.MUnitNotInPeriod, models.Params{"unit": code, "period": per.String()}, "unit %s did not exist during %s", code, per)
	case !unit.Kind.CommuneLevel():
		problems.AddMsg(field, models.FUnknownUnit, models.MNotReportingUnit, models.Params{"unit": unit.Code, "kind": string(unit.Kind)}, "%s (%s) is a %s; reports are made by communes, wards, towns and special zones", unit.Name, unit.Code, unit.Kind)
	default:
		return unit, nil
	}
	return nil, nil
}
