package store

import (
	"context"
	"slices"

	"doingoai/models"
)

// Completeness lists the communes below a unit with their report status
// for a period, first submission and whether it was on time: before the end
// (Vietnam time) of the due date that applies to the commune — set on it or
// on the nearest unit above it.
//
// With a tree day (not zero), unit is a unit of the tree of that day and
// the communes listed are those of the period whose reports count in it
// there (see Regroup), with the divided ones in not_comparable.
func (s *Store) Completeness(ctx context.Context, unit *models.TreeUnit, period models.Period) (models.Completeness, error) {
	return s.CompletenessIn(ctx, unit, period, models.Date{})
}

// CompletenessIn is Completeness in the tree of a day (tree=), or in the
// tree of the period's last day when tree is zero.
func (s *Store) CompletenessIn(ctx context.Context, unit *models.TreeUnit, period models.Period, tree models.Date) (models.Completeness, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return models.Completeness{}, err
	}
	db := s.r.WithContext(ctx)
	var reports []struct {
		UnitID           int64
		Status           string
		FirstSubmittedAt *int64
	}
	var g *Regroup
	if !tree.IsZero() {
		lin, err := s.Lineage(ctx, t)
		if err != nil {
			return models.Completeness{}, err
		}
		g = lin.Regroup(t, tree)
	}
	if unit.Parent == nil || g != nil { // the country, or another tree: every report of the period
		err = db.Raw(`SELECT unit_id, status, first_submitted_at FROM reports WHERE period = ? AND revision > 0`, period.String()).Scan(&reports).Error
	} else {
		// CROSS JOIN makes SQLite start from the unit's descendants (a few
		// hundred) rather than from every report of the period; PostgreSQL
		// plans it freely.
		err = db.Raw(`SELECT r.unit_id, r.status, r.first_submitted_at FROM unit_closure c
			CROSS JOIN reports r WHERE r.unit_id = c.descendant_id
			AND c.ancestor_id = ? AND r.period = ? AND r.revision > 0`, unit.ID, period.String()).Scan(&reports).Error
	}
	if err != nil {
		return models.Completeness{}, err
	}
	due, err := s.dueDates(db, period.String())
	if err != nil {
		return models.Completeness{}, err
	}
	out := models.Completeness{Unit: models.UnitRef{Code: unit.Code, Name: unit.Name}, Period: period.String(), Units: []models.CompletenessUnit{}}
	if d, _ := nearestDue(unit, due); d != nil {
		out.DueDate = &d.date
	}
	var expected []*models.TreeUnit
	if g != nil {
		expected = g.Communes(t, unit, period.LastDay())
		out.Tree = tree.String()
		out.NotComparable = g.NotComparable(t, unit, []models.Period{period})
	} else {
		expected = t.Communes(unit, period)
	}
	out.Expected = len(expected)
	byUnit := make(map[int64]int, len(reports))
	for i, r := range reports {
		byUnit[r.UnitID] = i
	}
	units := expected
	for _, r := range reports { // a commune retired before the period ended that still reported
		u := t.Unit(r.UnitID)
		if u == nil || u.ExistsOn(period.LastDay()) {
			continue
		}
		if g == nil || t.Contains(unit, g.Landing(u)) {
			units = append(units, u)
		}
	}
	slices.SortFunc(units, func(a, b *models.TreeUnit) int {
		if a.Code != b.Code {
			if a.Code < b.Code {
				return -1
			}
			return 1
		}
		return int(a.ID - b.ID)
	})
	for _, u := range units {
		cu := models.CompletenessUnit{Code: u.Code, Name: u.Name, Status: models.StatusMissing}
		d, _ := nearestDue(u, due)
		if d != nil {
			cu.DueDate = &d.date
		}
		if i, ok := byUnit[u.ID]; ok {
			r := reports[i]
			cu.Status = r.Status
			cu.FirstSubmittedAt = fromMicrosPtr(r.FirstSubmittedAt)
			if cu.FirstSubmittedAt != nil && d != nil {
				onTime := cu.FirstSubmittedAt.Before(d.date.EndInVietnam())
				cu.OnTime = &onTime
			}
		}
		switch cu.Status {
		case models.StatusMissing:
			out.Missing++
		case models.StatusDraft:
			out.Draft++
		case models.StatusAccepted:
			out.Accepted++
		case models.StatusReturned:
			out.Returned++
		}
		if cu.FirstSubmittedAt != nil && cu.Status != models.StatusDraft {
			out.Reported++
		}
		if cu.OnTime != nil {
			if *cu.OnTime {
				out.OnTime++
			} else {
				out.Late++
			}
		}
		out.Units = append(out.Units, cu)
	}
	return out, nil
}
