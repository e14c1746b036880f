package app

import (
	"context"

	"doingoai/models"
	"doingoai/store"
)

// Reviews are the decisions of the level above on a commune's report:
// accept it (it is then locked) or return it with a comment saying what to
// amend. POST /api/v1/reports/{unit}/{period}/review and the report page's
// form "Duyệt / Trả lại" call Place and Review the same way; the report
// page asks May whether to offer the form. Which decisions a report's state
// allows is the lifecycle's (models.Next, models.Allows).
type Reviews struct {
	Store *store.Store
}

// ReviewPlace is a report a principal may review: a commune and a period
// that passed the rule of May. Only Place makes one.
type ReviewPlace struct {
	p      models.Principal
	unit   *models.TreeUnit
	period models.Period
}

// Unit is the commune whose report is reviewed.
func (rp ReviewPlace) Unit() *models.TreeUnit { return rp.unit }

// Period is the period of the report reviewed.
func (rp ReviewPlace) Period() models.Period { return rp.period }

// May is the one rule of who reviews which report: an admin, or a
// district's or province's officer (not a commune, not a system token), a
// report of a unit within its scope.
//
// Errors: EFORBIDDEN.
func (rv Reviews) May(t *models.Tree, p models.Principal, u *models.TreeUnit) error {
	if err := reviewer(p); err != nil {
		return err
	}
	return t.InScope(p, u)
}

// reviewer is May's rule of roles.
func reviewer(p models.Principal) error {
	if err := p.RequireRole(models.RoleAdmin, models.RoleDistrict); err != nil {
		return models.Errorf(models.EFORBIDDEN, "only the district (or an admin) reviews reports")
	}
	return nil
}

// Place resolves the report of the unit with the code (the unit that code
// names during the period, Reports.Unit) and applies the rule of May: the
// roles first, then the scope.
//
// Errors: EFORBIDDEN for a principal that reviews none (checked first) or
// a unit outside its scope; ENOTFOUND for an unknown unit or a malformed
// period.
func (rv Reviews) Place(ctx context.Context, p models.Principal, unitCode, period string) (ReviewPlace, error) {
	if err := reviewer(p); err != nil {
		return ReviewPlace{}, err
	}
	_, u, per, err := Reports(rv).Unit(ctx, p, unitCode, period)
	if err != nil {
		return ReviewPlace{}, err
	}
	return ReviewPlace{p: p, unit: u, period: per}, nil
}

// Review records the decision on the report of place and returns the
// report as it now stands, with its ETag. With ifMatch (an ETag, "" for
// none) the review is refused if the report changed since it was read.
// Repeating the last review changes nothing.
//
// Errors: EINVALID for an unknown decision, a return without a comment or
// a comment too long; ENOTFOUND for no report; ECONFLICT for a draft;
// EPRECONDITION for an ifMatch that is not the current ETag.
func (rv Reviews) Review(ctx context.Context, place ReviewPlace, in models.ReviewInput, ifMatch string) (models.ReportView, string, error) {
	if place.unit == nil {
		return models.ReportView{}, "", models.Errorf(models.EFORBIDDEN, "no report was decided for the review")
	}
	var probs models.Problems
	in.Validate(&probs)
	if err := probs.Err("the review is not valid"); err != nil {
		return models.ReportView{}, "", err
	}
	if err := rv.Store.Review(ctx, place.p, place.unit, place.period.String(), in, ifMatch); err != nil {
		return models.ReportView{}, "", err
	}
	return rv.Store.GetReport(ctx, place.unit, place.period.String())
}
