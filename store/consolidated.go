package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"doingoai/models"
)

// CountedReport is the current revision of a commune's report that a
// rollup counts (submitted or accepted; accepted only when asked).
type CountedReport struct {
	Unit   *models.TreeUnit
	Status string
	Report models.Report
}

// EachCountedReport calls fn with every report below unit for a period that
// the rollup of the same scope counts, in the order of the units' codes.
// Reports are read and decoded one at a time, so that a province's few
// hundred reports are never all held at once.
func (s *Store) EachCountedReport(ctx context.Context, unit *models.TreeUnit, period models.Period, acceptedOnly bool, fn func(*CountedReport) error) error {
	t, err := s.Tree(ctx)
	if err != nil {
		return err
	}
	statuses := []string{models.StatusSubmitted, models.StatusAccepted}
	if acceptedOnly {
		statuses = []string{models.StatusAccepted}
	}
	db := s.r.WithContext(ctx)
	from, where, args := reportsBelow(db, unit.ID, period.String())
	rows, err := db.Raw(`SELECT r.unit_id, r.status, v.body FROM `+from+`
		JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision
		WHERE `+where+` AND r.status IN ?`, append(args, statuses)...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	type row struct {
		unitID int64
		status string
		body   []byte
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.unitID, &r.status, &r.body); err != nil {
			return err
		}
		all = append(all, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	// Sorted here rather than by the database: the codes live in the tree.
	sortRows := func(a, b row) int {
		ua, ub := t.Unit(a.unitID), t.Unit(b.unitID)
		switch {
		case ua == nil || ub == nil:
			return int(a.unitID - b.unitID)
		case ua.Code < ub.Code:
			return -1
		case ua.Code > ub.Code:
			return 1
		}
		return int(a.unitID - b.unitID)
	}
	slices.SortFunc(all, sortRows)
	for i := range all {
		r := &all[i]
		u := t.Unit(r.unitID)
		if u == nil || !u.ReportsFor(period) {
			continue // a unit removed since the tree was read, or one that ended before the period's end (not counted)
		}
		cr := CountedReport{Unit: u, Status: r.status}
		if err := json.Unmarshal(r.body, &cr.Report); err != nil {
			return fmt.Errorf("stored report body of %s %s: %w", u.Code, period, err)
		}
		r.body = nil
		if err := fn(&cr); err != nil {
			return err
		}
	}
	return nil
}
