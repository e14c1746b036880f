package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"doingoai/models"
)

// reportable is the one check of the rule of units that ended: a
// submission (stored, or a dry run) for a period whose last day its unit did
// not reach is refused with models.UnitEnded naming the unit's successors.
// t is the tree the caller decides with (in a submission's transaction, the
// tree it locked, so that a reform committed meanwhile is seen); db reads
// the successors (the transaction itself, never a second connection).
func (s *Store) reportable(db *gorm.DB, t *models.Tree, sub *Submission) error {
	u := t.Unit(sub.Unit.ID)
	if u == nil {
		u = sub.Unit
	}
	per, err := models.ParsePeriod(sub.Period)
	if err != nil {
		return fmt.Errorf("store: submission for period %q: %w", sub.Period, err)
	}
	if !u.EndedBefore(per) {
		return nil
	}
	succ, err := s.successorsOf(db, u.ID)
	if err != nil {
		return err
	}
	return models.UnitEnded(u, per, succ)
}

// successorsOf reads the units that took over unit id, by code.
func (s *Store) successorsOf(db *gorm.DB, id int64) ([]models.Successor, error) {
	rows, err := s.query(db, "SELECT n.code, n.name, l.share FROM unit_successors l JOIN units n ON n.id = l.new_id WHERE l.old_id = ? ORDER BY n.code, n.id", id)
	if err != nil {
		return nil, fmt.Errorf("read successors: %w", err)
	}
	defer rows.Close()
	out := []models.Successor{}
	for rows.Next() {
		var sc models.Successor
		if err := rows.Scan(&sc.Code, &sc.Name, &sc.Share); err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

// DryRun decides a submission as Submit would — the unit's end, then the
// report's lifecycle (models.Next) against its current state — and stores
// nothing. The result is the revision and status the submission would get.
func (s *Store) DryRun(ctx context.Context, sub *Submission) (models.SubmitResult, error) {
	db := s.r.WithContext(ctx)
	t, err := s.Tree(ctx)
	if err != nil {
		return models.SubmitResult{}, err
	}
	if err := s.reportable(db, t, sub); err != nil {
		return models.SubmitResult{}, err
	}
	cur := models.ReportState{UnitCode: sub.Unit.Code, Period: sub.Period}
	st, err := s.loadState(db, sub.Unit.ID, sub.Period)
	if err != nil {
		return models.SubmitResult{}, err
	}
	if st != nil {
		cur = st.lifecycle(sub.Unit.Code)
	}
	tr, err := models.Next(cur, models.Request{Action: models.SubmitAction(sub.Status), Hash: sub.Hash, IfMatch: sub.IfMatch})
	if err != nil {
		return models.SubmitResult{}, err
	}
	res := models.SubmitResult{UnitCode: sub.Unit.Code, Period: sub.Period, Revision: cur.Revision + 1, Status: tr.Status,
		SubmittedAt: s.Now(), Warnings: sub.Warnings, DryRun: true}
	if tr.Unchanged {
		res.Revision = cur.Revision
	}
	return res, nil
}

// EndedReport is a stored report of a unit for a period whose last day the
// unit did not reach: kept and readable, never counted (see
// models.TreeUnit.ReportsFor). Such reports were stored before the rule, or
// before the reorganisation that ended their unit was recorded.
type EndedReport struct {
	Unit       models.UnitRef
	Period     string
	Status     string
	Revision   int
	ValidTo    models.Date
	Successors []models.Successor
}

// EndedReports lists the stored reports that do not count because their
// unit did not exist on the period's last day (it ended before), by code
// and period.
func (s *Store) EndedReports(ctx context.Context) ([]EndedReport, error) {
	db := s.r.WithContext(ctx)
	t, err := s.Tree(ctx)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		UnitID   int64
		Period   string
		Status   string
		Revision int
	}
	if err := db.Raw(`SELECT r.unit_id, r.period, r.status, r.revision FROM reports r JOIN units u ON u.id = r.unit_id
		WHERE r.revision > 0 AND (u.valid_to IS NOT NULL OR u.valid_from IS NOT NULL) ORDER BY u.code, r.period, u.id`).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := []EndedReport{}
	for _, r := range rows {
		u := t.Unit(r.UnitID)
		per, err := models.ParsePeriod(r.Period)
		if u == nil || err != nil || u.ReportsFor(per) {
			continue
		}
		succ, err := s.successorsOf(db, u.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, EndedReport{Unit: models.UnitRef{Code: u.Code, Name: u.Name}, Period: r.Period, Status: r.Status,
			Revision: r.Revision, ValidTo: u.ValidTo, Successors: succ})
	}
	return out, nil
}

// excludeEndedReports takes out of the maintained totals every report
// that does not count (its unit ended before the period's last day) and is
// still counted there: one stored before this rule. Its commune's own
// totals row counts its own report only, so such a report is found by that
// row; the totals of its commune and of every unit above it are rebuilt
// from the reports, under the tree's lock. An upgrade step (once per
// database; since the rule, every change of a unit's dates rebuilds the
// totals it changes).
func (s *Store) excludeEndedReports(tx *gorm.DB) (func(), error) {
	found, err := countedEnded(tx)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	t, err := s.lockTree(tx)
	if err != nil {
		return nil, err
	}
	if found, err = countedEnded(tx); err != nil || len(found) == 0 { // again, under the lock
		return nil, err
	}
	var affected []int64
	for _, id := range found {
		for u := t.Unit(id); u != nil; u = u.Parent {
			affected = append(affected, u.ID)
		}
	}
	if err := s.rebuildTotals(tx, affected); err != nil {
		return nil, err
	}
	n := len(found)
	return func() {
		s.log.Warn("reports of units that ended before their period's last day are no longer counted in the totals; `units check` lists them", "reports", n)
	}, nil
}

// countedEnded lists the reports (by unit, one entry per report) that the
// totals count though their unit did not exist on the period's last day.
func countedEnded(db *gorm.DB) ([]int64, error) {
	var rows []struct {
		UnitID             int64
		Period             string
		ValidFrom, ValidTo *string
	}
	err := db.Raw(`SELECT r.unit_id, r.period, u.valid_from, u.valid_to FROM reports r
		JOIN units u ON u.id = r.unit_id
		JOIN totals t ON t.unit_id = r.unit_id AND t.period = r.period AND t.scope = ?
		WHERE r.revision > 0 AND t.reports <> 0 AND (u.valid_to IS NOT NULL OR u.valid_from IS NOT NULL)`, scopeCounted).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("find counted reports of units that ended: %w", err)
	}
	var out []int64
	for _, r := range rows {
		counts, err := reportCounts(r.Period, r.ValidFrom, r.ValidTo)
		if err != nil {
			return nil, err
		}
		if !counts {
			out = append(out, r.UnitID)
		}
	}
	return out, nil
}
