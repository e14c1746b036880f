package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// figureColumns are the reports table's columns of the current revision's
// measures, in models.Measure order: f_delegations_out, …
var figureColumns = func() []string {
	cols := make([]string, models.NumMeasures)
	for m, info := range models.Measures {
		cols[m] = "f_" + info.Code
	}
	return cols
}()

// reportState is a report's row: its current revision and status, the
// current figures, and the last review.
type reportState struct {
	ID               int64
	UnitID           int64
	Period           string
	Revision         int
	Status           string
	Hash             []byte
	Version          int
	SubmittedAt      int64
	FirstSubmittedAt *int64
	Warnings         string           // JSON list
	warningList      []models.Warning // Warnings decoded, when at hand
	ReviewedAt       *int64
	ReviewDecision   *string
	ReviewComment    *string
	ReviewedBy       *string
	ReviewedRevision *int
	Figures          models.Figures
}

const stateColumns = "id, unit_id, period, revision, status, content_hash, version, submitted_at, first_submitted_at, warnings, " +
	"reviewed_at, review_decision, review_comment, reviewed_by, reviewed_revision"

func stateSelect(prefix string) string {
	cols := strings.Split(stateColumns, ", ")
	cols = append(cols, figureColumns...)
	for i := range cols {
		cols[i] = prefix + cols[i]
	}
	return strings.Join(cols, ", ")
}

// scanState reads a row selected with stateSelect (plus extra columns).
func scanState(rows *sql.Rows, extra ...any) (*reportState, error) {
	st := &reportState{}
	var figs [models.NumMeasures]sql.NullInt64
	dest := []any{&st.ID, &st.UnitID, &st.Period, &st.Revision, &st.Status, &st.Hash, &st.Version, &st.SubmittedAt,
		&st.FirstSubmittedAt, &st.Warnings, &st.ReviewedAt, &st.ReviewDecision, &st.ReviewComment, &st.ReviewedBy, &st.ReviewedRevision}
	for i := range figs {
		dest = append(dest, &figs[i])
	}
	dest = append(dest, extra...)
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	for m, f := range figs {
		if f.Valid {
			st.Figures.Put(models.Measure(m), f.Int64)
		}
	}
	return st, nil
}

// ETag is the entity tag of the report's current state: it changes with
// every revision and every review.
func (st *reportState) ETag() string { return fmt.Sprintf(`"%d.%d"`, st.Revision, st.Version) }

func (st *reportState) warnings() ([]models.Warning, error) {
	if st.warningList != nil {
		return st.warningList, nil
	}
	return decodeWarnings(st.Warnings)
}

// decodeWarnings reads a revision's stored warnings (a JSON list).
func decodeWarnings(s string) ([]models.Warning, error) {
	w := []models.Warning{}
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return nil, fmt.Errorf("stored warnings: %w", err)
	}
	return w, nil
}

// countWarnings counts a revision's stored warnings.
func countWarnings(s string) (int, error) {
	var w []json.RawMessage
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return 0, fmt.Errorf("stored warnings: %w", err)
	}
	return len(w), nil
}

func (st *reportState) review() *models.Review {
	if st.ReviewedAt == nil || st.ReviewDecision == nil {
		return nil
	}
	r := &models.Review{Decision: *st.ReviewDecision, ReviewedAt: fromMicros(*st.ReviewedAt)}
	if st.ReviewComment != nil {
		r.Comment = *st.ReviewComment
	}
	if st.ReviewedBy != nil {
		r.ReviewedBy = *st.ReviewedBy
	}
	if st.ReviewedRevision != nil {
		r.Revision = *st.ReviewedRevision
	}
	return r
}

// lifecycle is the report's state as the lifecycle (models.Next) sees it.
func (st *reportState) lifecycle(unitCode string) models.ReportState {
	ls := models.ReportState{UnitCode: unitCode, Period: st.Period, Revision: st.Revision, Status: st.Status, ETag: st.ETag(), Hash: st.Hash}
	if st.ReviewedRevision != nil {
		ls.ReviewedRevision = *st.ReviewedRevision
	}
	if st.ReviewComment != nil {
		ls.ReviewComment = *st.ReviewComment
	}
	return ls
}

// loadState reads the report of a unit for a period, nil if there is none.
func (s *Store) loadState(db *gorm.DB, unitID int64, period string) (*reportState, error) {
	rows, err := s.query(db, "SELECT "+stateSelect("")+" FROM reports WHERE unit_id = ? AND period = ? AND revision > 0", unitID, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	return scanState(rows)
}

// PreviousFigures returns the figures of the same commune's report for the
// period before, if it has one that is not a draft.
func (s *Store) PreviousFigures(ctx context.Context, unit *models.TreeUnit, period models.Period) (*models.Figures, error) {
	st, err := s.loadState(s.r.WithContext(ctx), unit.ID, period.Previous().String())
	if err != nil || st == nil || st.Status == models.StatusDraft {
		return nil, err
	}
	return &st.Figures, nil
}

// GetReport returns the current revision of a report with its state.
//
// Errors: ENOTFOUND if the unit has no report for the period.
func (s *Store) GetReport(ctx context.Context, unit *models.TreeUnit, period string) (models.ReportView, string, error) {
	rows, err := s.r.WithContext(ctx).Raw("SELECT "+stateSelect("r.")+", v.body, v.submitted_by FROM reports r "+
		"JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision WHERE r.unit_id = ? AND r.period = ?", unit.ID, period).Rows()
	if err != nil {
		return models.ReportView{}, "", err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return models.ReportView{}, "", err
		}
		return models.ReportView{}, "", notFound("%s has no report for %s", unit.Code, period)
	}
	var body, by string
	st, err := scanState(rows, &body, &by)
	if err != nil {
		return models.ReportView{}, "", err
	}
	view, err := viewOf(body, st.Status, st.Revision, st.SubmittedAt, by, st.Warnings)
	if err != nil {
		return view, "", err
	}
	view.FirstSubmittedAt = fromMicrosPtr(st.FirstSubmittedAt)
	view.Review = st.review()
	return view, st.ETag(), nil
}

func viewOf(body, status string, revision int, submittedAt int64, by, warnings string) (models.ReportView, error) {
	var v models.ReportView
	if err := json.Unmarshal([]byte(body), &v.Report); err != nil {
		return v, fmt.Errorf("stored report body: %w", err)
	}
	v.Report.Status = ""
	v.Status, v.Revision, v.SubmittedAt, v.SubmittedBy = status, revision, fromMicros(submittedAt), by
	w, err := decodeWarnings(warnings)
	if err != nil {
		return v, err
	}
	v.Warnings = w
	return v, nil
}

type revisionRow struct {
	Revision    int
	Status      string
	Body        string
	Warnings    string
	SubmittedAt int64
	SubmittedBy string
	Role        string
}

// reportID returns the id and current state of a report, ENOTFOUND if none.
func (s *Store) reportState(ctx context.Context, unit *models.TreeUnit, period string) (*reportState, error) {
	st, err := s.loadState(s.r.WithContext(ctx), unit.ID, period)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return nil, notFound("%s has no report for %s", unit.Code, period)
	}
	return st, nil
}

// ListRevisions returns a report's revisions, oldest first. The current
// revision shows the report's status (accepted or returned once reviewed);
// a revision that was reviewed and then superseded shows the decision it got.
func (s *Store) ListRevisions(ctx context.Context, unit *models.TreeUnit, period string) (models.RevisionList, error) {
	st, err := s.reportState(ctx, unit, period)
	if err != nil {
		return models.RevisionList{}, err
	}
	var rows []revisionRow
	err = s.r.WithContext(ctx).Raw(`SELECT revision, status, warnings, submitted_at, submitted_by, role
		FROM revisions WHERE report_id = ? ORDER BY revision`, st.ID).Scan(&rows).Error
	if err != nil {
		return models.RevisionList{}, err
	}
	decisions, err := s.reviewDecisions(ctx, st.ID)
	if err != nil {
		return models.RevisionList{}, err
	}
	out := models.RevisionList{Items: make([]models.RevisionSummary, len(rows))}
	for i, r := range rows {
		nw, err := countWarnings(r.Warnings)
		if err != nil {
			return out, err
		}
		status := r.Status
		if d, ok := decisions[r.Revision]; ok {
			status = d
		}
		if r.Revision == st.Revision {
			status = st.Status
		}
		out.Items[i] = models.RevisionSummary{Revision: r.Revision, Status: status, SubmittedAt: fromMicros(r.SubmittedAt),
			SubmittedBy: r.SubmittedBy, Role: models.Role(r.Role), Warnings: nw}
	}
	return out, nil
}

// GetRevision returns one revision of a report whole.
//
// Errors: ENOTFOUND for an unknown report or revision.
func (s *Store) GetRevision(ctx context.Context, unit *models.TreeUnit, period string, n int) (models.ReportView, error) {
	st, err := s.reportState(ctx, unit, period)
	if err != nil {
		return models.ReportView{}, err
	}
	var rows []revisionRow
	err = s.r.WithContext(ctx).Raw(`SELECT revision, status, body, warnings, submitted_at, submitted_by, role
		FROM revisions WHERE report_id = ? AND revision = ?`, st.ID, n).Scan(&rows).Error
	if err != nil {
		return models.ReportView{}, err
	}
	if len(rows) == 0 {
		return models.ReportView{}, notFound("the report of %s for %s has no revision %d (it has %d)", unit.Code, period, n, st.Revision)
	}
	r := rows[0]
	status := r.Status
	if n == st.Revision {
		status = st.Status
	} else if decisions, err := s.reviewDecisions(ctx, st.ID); err == nil {
		if d, ok := decisions[n]; ok {
			status = d
		}
	}
	v, err := viewOf(r.Body, status, r.Revision, r.SubmittedAt, r.SubmittedBy, r.Warnings)
	if err != nil {
		return v, err
	}
	if n == st.Revision {
		v.Review = st.review()
		v.FirstSubmittedAt = fromMicrosPtr(st.FirstSubmittedAt)
	}
	return v, nil
}

// ListReports returns a page of report summaries below within (nil for
// every unit), newest period first, then by unit code.
func (s *Store) ListReports(ctx context.Context, f models.ReportFilter, within *models.TreeUnit) (models.ReportList, error) {
	var where []string
	var args []any
	from := "reports r JOIN units u ON u.id = r.unit_id"
	if within != nil && within.Parent != nil { // below the country: the unit's subtree
		from = "unit_closure c CROSS JOIN reports r JOIN units u ON u.id = r.unit_id"
		where = append(where, "r.unit_id = c.descendant_id AND c.ancestor_id = ?")
		args = append(args, within.ID)
	}
	where = append(where, "r.revision > 0")
	if f.Period != "" {
		where = append(where, "r.period = ?")
		args = append(args, f.Period)
	}
	if f.Status != "" {
		where = append(where, "r.status = ?")
		args = append(args, f.Status)
	}
	cond := " WHERE " + strings.Join(where, " AND ")
	db := s.r.WithContext(ctx)
	var out models.ReportList
	if err := db.Raw("SELECT count(*) FROM "+from+cond, args...).Scan(&out.Total).Error; err != nil {
		return out, err
	}
	var rows []struct {
		Code, Name, Period string
		Revision           int
		Status             string
		SubmittedAt        int64
		FirstSubmittedAt   *int64
		Warnings           string
	}
	err := db.Raw("SELECT u.code, u.name, r.period, r.revision, r.status, r.submitted_at, r.first_submitted_at, r.warnings FROM "+
		from+cond+" ORDER BY r.period DESC, u.code, r.id LIMIT ? OFFSET ?", append(args, f.Page.PerPage, f.Page.Offset())...).Scan(&rows).Error
	if err != nil {
		return out, err
	}
	out.Items = make([]models.ReportSummary, len(rows))
	for i, r := range rows {
		nw, err := countWarnings(r.Warnings)
		if err != nil {
			return out, err
		}
		out.Items[i] = models.ReportSummary{UnitCode: r.Code, UnitName: r.Name, Period: r.Period, Revision: r.Revision, Status: r.Status,
			SubmittedAt: fromMicros(r.SubmittedAt), FirstSubmittedAt: fromMicrosPtr(r.FirstSubmittedAt), Warnings: nw}
	}
	return out, nil
}

// countReports counts the reports of a unit (a unit with reports cannot
// stop being commune-level).
func (s *Store) countReports(tx *gorm.DB, unitID int64) (int64, error) {
	var n int64
	err := tx.Raw("SELECT count(*) FROM reports WHERE unit_id = ? AND revision > 0", unitID).Scan(&n).Error
	return n, err
}
