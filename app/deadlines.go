package app

import (
	"context"

	"doingoai/models"
	"doingoai/store"
)

// Deadlines are the due dates of the reports: a district or province sets
// the date by which the communes below it report for a period, and anyone
// in scope reads the one that applies. PUT /api/v1/deadlines/{unit}/{period}
// and the overview's form "Hạn nộp báo cáo" call Place and Set the same way;
// the overview asks May whether to offer the form.
type Deadlines struct {
	Store *store.Store
}

// DeadlinePlace is where a principal may set a due date: a unit and a
// period that passed the rule of May. Only Place makes one.
type DeadlinePlace struct {
	p      models.Principal
	unit   *models.TreeUnit
	period models.Period
}

// Unit is the unit the due date is set on.
func (dp DeadlinePlace) Unit() *models.TreeUnit { return dp.unit }

// Period is the period the due date is set for.
func (dp DeadlinePlace) Period() models.Period { return dp.period }

// May is the one rule of who sets a due date where: an admin, or a
// district's or province's officer (not a commune, not a system token),
// on a unit within its scope that did not end before the period's last day
// — the communes of a unit that ended report for that period to the units
// that followed it (the unit_ended problem names them), so a due date set
// on it would apply to no report.
//
// Errors: EFORBIDDEN; EINVALID (unit_ended) for a unit that ended.
func (ds Deadlines) May(ctx context.Context, t *models.Tree, p models.Principal, u *models.TreeUnit, period models.Period) error {
	if err := deadlineSetter(p); err != nil {
		return err
	}
	return actsOn(ctx, ds.Store, t, p, u, period)
}

// actsOn is the part of a district's action that is not about roles: the
// unit is within p's scope and did not end before the period's last day
// (the unit_ended problem names the units that followed it). Deadlines.May
// and Reminders.May apply it after their rule of roles.
func actsOn(ctx context.Context, st *store.Store, t *models.Tree, p models.Principal, u *models.TreeUnit, period models.Period) error {
	if err := t.InScope(p, u); err != nil {
		return err
	}
	if !u.EndedBefore(period) {
		return nil
	}
	l, err := st.Lineage(ctx, t)
	if err != nil {
		return err
	}
	return models.UnitEnded(u, period, l.Successors(t, u))
}

// deadlineSetter is May's rule of roles.
func deadlineSetter(p models.Principal) error {
	return p.RequireRole(models.RoleAdmin, models.RoleDistrict)
}

// Place resolves the unit with the code and the period where p would set
// a due date, and applies the rule of May.
//
// Errors: EFORBIDDEN for a principal that sets none (checked first) or a
// unit outside its scope; ENOTFOUND for an unknown unit or a malformed
// period; EINVALID (unit_ended) for a unit that ended before the period's
// last day.
func (ds Deadlines) Place(ctx context.Context, p models.Principal, unitCode, period string) (DeadlinePlace, error) {
	if err := deadlineSetter(p); err != nil {
		return DeadlinePlace{}, err
	}
	t, u, per, err := ds.resolve(ctx, unitCode, period)
	if err != nil {
		return DeadlinePlace{}, err
	}
	if err := ds.May(ctx, t, p, u, per); err != nil {
		return DeadlinePlace{}, err
	}
	return DeadlinePlace{p: p, unit: u, period: per}, nil
}

// Set sets the due date of the place's period on its unit: it applies to
// every commune below the unit unless a nearer unit sets its own. created
// tells whether the unit had none for the period.
//
// Errors: EINVALID for a due date that is missing, or a reference that is
// too long or holds invisible characters.
func (ds Deadlines) Set(ctx context.Context, place DeadlinePlace, in models.DeadlineInput) (d models.Deadline, created bool, err error) {
	if place.unit == nil {
		return d, false, models.Errorf(models.EFORBIDDEN, "no place was decided for the due date")
	}
	var probs models.Problems
	in.Validate(&probs)
	if err := probs.Err("the deadline is not valid"); err != nil {
		return d, false, err
	}
	return ds.Store.SetDeadline(ctx, place.p, place.unit, place.period.String(), in)
}

// Get returns the due date that applies to the unit with the code for the
// period: set on it or on the nearest unit above it. Anyone whose scope
// holds the unit reads it, a commune its own.
//
// Errors: ENOTFOUND for an unknown unit, a malformed period or no due date;
// EFORBIDDEN for a unit outside p's scope.
func (ds Deadlines) Get(ctx context.Context, p models.Principal, unitCode, period string) (models.Deadline, error) {
	t, u, per, err := ds.resolve(ctx, unitCode, period)
	if err != nil {
		return models.Deadline{}, err
	}
	if err := t.InScope(p, u); err != nil {
		return models.Deadline{}, err
	}
	return ds.Store.Deadline(ctx, u, per.String())
}

// resolve finds the unit with the code during the period.
func (ds Deadlines) resolve(ctx context.Context, unitCode, period string) (*models.Tree, *models.TreeUnit, models.Period, error) {
	per, err := models.ParsePeriod(period)
	if err != nil {
		return nil, nil, per, models.Errorf(models.ENOTFOUND, "there is no deadline at this path: %s", err)
	}
	t, err := ds.Store.Tree(ctx)
	if err != nil {
		return nil, nil, per, err
	}
	u, err := t.Resolve(unitCode, per)
	return t, u, per, err
}
