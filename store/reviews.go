package store

import (
	"context"

	"gorm.io/gorm"

	"doingoai/models"
)

// Review records the district's decision on a report's current revision:
// accept it (it is then locked: submissions are refused until the district
// returns it) or return it with a comment (the commune amends it, and its
// next submission makes it submitted again). The report's status, its
// totals, its review history and the audit trail change in one transaction.
// A review identical to the last one (a retry) changes nothing.
//
// Errors: ENOTFOUND if the unit has no report for the period; ECONFLICT
// for a draft; EPRECONDITION if ifMatch is set and is not the report's
// ETag.
func (s *Store) Review(ctx context.Context, p models.Principal, unit *models.TreeUnit, period string, in models.ReviewInput, ifMatch string) error {
	now := micros(s.Now())
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		t, err := s.lockTreeShared(tx)
		if err != nil {
			return err
		}
		q := "SELECT " + stateSelect("") + " FROM reports WHERE unit_id = ? AND period = ? AND revision > 0"
		if s.dialect == Postgres {
			q += " FOR UPDATE"
		}
		rows, err := s.query(tx, q, unit.ID, period)
		if err != nil {
			return err
		}
		var st *reportState
		if rows.Next() {
			st, err = scanState(rows)
		}
		rows.Close()
		if err != nil {
			return err
		}
		cur := models.ReportState{UnitCode: unit.Code, Period: period}
		if st != nil {
			cur = st.lifecycle(unit.Code)
		}
		tr, err := models.Next(cur, models.Request{Action: models.ReviewAction(in.Decision), Comment: in.Comment, IfMatch: ifMatch})
		if err != nil || tr.Unchanged {
			return err
		}
		before := *st
		st.Status = tr.Status
		st.Version++
		err = s.exec(tx, `UPDATE reports SET status = ?, version = ?, reviewed_at = ?, review_decision = ?, review_comment = ?,
			reviewed_by = ?, reviewed_revision = ? WHERE id = ?`, st.Status, st.Version, now, in.Decision, in.Comment, p.Actor(), st.Revision, st.ID)
		if err != nil {
			return err
		}
		var token *int64
		if p.TokenID != 0 {
			token = &p.TokenID
		}
		err = s.exec(tx, `INSERT INTO reviews (report_id, revision, decision, comment, reviewed_at, token_id, reviewed_by, role)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, st.ID, st.Revision, in.Decision, in.Comment, now, token, p.Actor(), string(p.Role))
		if err != nil {
			return err
		}
		deltas := totalsDeltas{}
		deltas.change(t, unit.ID, period, before.Status, &before.Figures, st.Status, &st.Figures)
		if err := s.applyTotals(tx, deltas); err != nil {
			return err
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionReportReview, unit, period, st.Revision, map[string]any{
			"status": Change{From: before.Status, To: st.Status}, "decision": in.Decision, "comment": in.Comment,
		}))
	})
}

// reviewDecisions returns, per revision of a report, the status its last
// review gave it.
func (s *Store) reviewDecisions(ctx context.Context, reportID int64) (map[int]string, error) {
	var rows []struct {
		Revision int
		Decision string
	}
	if err := s.r.WithContext(ctx).Raw("SELECT revision, decision FROM reviews WHERE report_id = ? ORDER BY revision, id", reportID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int]string, len(rows))
	for _, r := range rows {
		out[r.Revision] = models.ReviewedStatus(r.Decision)
	}
	return out, nil
}
