package store

import (
	"context"
	"database/sql"
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
	return s.CompletenessPage(ctx, unit, period, tree, 0, -1)
}

// completenessReport is one report's state as completeness reads it.
type completenessReport struct {
	status string
	first  sql.NullInt64
}

// CompletenessPage is CompletenessIn with one page of the communes: the
// counts and Total are of every commune, Units holds at most limit of them
// (all when limit < 0) from offset on, in the order of code. The counts
// need no list: only the communes of the page are materialised, and the
// reports are read as three plain columns (no reflection per row).
func (s *Store) CompletenessPage(ctx context.Context, unit *models.TreeUnit, period models.Period, tree models.Date, offset, limit int) (models.Completeness, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return models.Completeness{}, err
	}
	db := s.r.WithContext(ctx)
	var g *Regroup
	if !tree.IsZero() {
		lin, err := s.Lineage(ctx, t)
		if err != nil {
			return models.Completeness{}, err
		}
		g = lin.Regroup(t, tree)
	}
	var rows *sql.Rows
	if unit.Parent == nil || g != nil { // the country, or another tree: every report of the period
		rows, err = db.Raw(`SELECT unit_id, status, first_submitted_at FROM reports WHERE period = ? AND revision > 0`, period.String()).Rows()
	} else {
		// CROSS JOIN makes SQLite start from the unit's descendants (a few
		// hundred) rather than from every report of the period; PostgreSQL
		// plans it freely.
		rows, err = db.Raw(`SELECT r.unit_id, r.status, r.first_submitted_at FROM unit_closure c
			CROSS JOIN reports r WHERE r.unit_id = c.descendant_id
			AND c.ancestor_id = ? AND r.period = ? AND r.revision > 0`, unit.ID, period.String()).Rows()
	}
	if err != nil {
		return models.Completeness{}, err
	}
	reports := map[int64]completenessReport{}
	var retired []*models.TreeUnit // communes retired before the period ended that still reported
	for rows.Next() {
		var id int64
		var r completenessReport
		if err := rows.Scan(&id, &r.status, &r.first); err != nil {
			rows.Close()
			return models.Completeness{}, err
		}
		reports[id] = r
		if u := t.Unit(id); u != nil && !u.ExistsOn(period.LastDay()) && (g == nil || t.Contains(unit, g.Landing(u))) {
			retired = append(retired, u)
		}
	}
	if err := rows.Close(); err != nil {
		return models.Completeness{}, err
	}
	if err := rows.Err(); err != nil {
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
	units := append(expected, retired...)
	out.Total = len(units)
	from, to := min(max(offset, 0), len(units)), len(units)
	if limit >= 0 {
		to = min(from+limit, len(units))
	}
	if from < to { // the order matters only for the page
		slices.SortFunc(units, func(a, b *models.TreeUnit) int {
			if a.Code != b.Code {
				if a.Code < b.Code {
					return -1
				}
				return 1
			}
			return int(a.ID - b.ID)
		})
		out.Units = make([]models.CompletenessUnit, 0, to-from)
	}
	for i, u := range units {
		status, first, onTime := models.StatusMissing, (*int64)(nil), (*bool)(nil)
		var d *dueDate
		if len(due) > 0 {
			d, _ = nearestDue(u, due)
		}
		if r, ok := reports[u.ID]; ok {
			status = r.status
			if r.first.Valid {
				first = &r.first.Int64
				if d != nil {
					ot := fromMicros(*first).Before(d.date.EndInVietnam())
					onTime = &ot
				}
			}
		}
		switch status {
		case models.StatusMissing:
			out.Missing++
		case models.StatusDraft:
			out.Draft++
		case models.StatusAccepted:
			out.Accepted++
		case models.StatusReturned:
			out.Returned++
		}
		if first != nil && status != models.StatusDraft {
			out.Reported++
		}
		if onTime != nil {
			if *onTime {
				out.OnTime++
			} else {
				out.Late++
			}
		}
		if i >= from && i < to {
			cu := models.CompletenessUnit{Code: u.Code, Name: u.Name, Status: status, FirstSubmittedAt: fromMicrosPtr(first), OnTime: onTime}
			if d != nil {
				cu.DueDate = &d.date
			}
			out.Units = append(out.Units, cu)
		}
	}
	return out, nil
}
