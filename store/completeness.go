package store

import (
	"context"
	"database/sql"
	"slices"

	"gorm.io/gorm"

	"doingoai/models"
)

// CompletenessQuery asks who has reported: the communes below Unit for
// Period.
type CompletenessQuery struct {
	Unit   *models.TreeUnit
	Period models.Period
	// Tree, when set, is a day whose tree Unit is a unit of: the communes
	// are those of the period whose reports count in Unit in that tree (see
	// Regroup), with the divided ones in not_comparable. When zero, the
	// tree of the period's last day.
	Tree models.Date
	// Offset and Limit choose the communes listed in Units, in the order
	// of code: Limit of them from Offset on, all when Limit < 0, none when
	// 0. The counts and Total are always of every commune.
	Offset, Limit int
}

// Completeness lists the communes below a unit with their report status
// for a period, first submission and whether it was on time: before the end
// (Vietnam time) of the due date that applies to the commune — set on it or
// on the nearest unit above it.
//
// For the country, and for any unit when no commune is listed, the
// database makes the counts: one grouped row per status and timing for
// each part of the unit with its own due date, rather than a row per
// commune (the country is over ten thousand), and only the communes listed
// are read one by one. A unit below the country whose communes are listed
// reads its few hundred reports and counts them as it lists them.
func (s *Store) Completeness(ctx context.Context, q CompletenessQuery) (models.Completeness, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return models.Completeness{}, err
	}
	var g *Regroup
	if !q.Tree.IsZero() {
		lin, err := s.Lineage(ctx, t)
		if err != nil {
			return models.Completeness{}, err
		}
		g = lin.Regroup(t, q.Tree)
	}
	period := q.Period.String()
	out := models.Completeness{Unit: models.UnitRef{Code: q.Unit.Code, Name: q.Unit.Name}, Period: period, Units: []models.CompletenessUnit{}}
	// A unit below the country whose communes are listed anyway reads its
	// reports one by one (a few hundred at most), in one statement, and
	// counts them as it lists them; so does a unit of another day's tree.
	// The others read counts and rows in several statements, in one
	// read-only transaction so that they are of the same moment.
	byRow := g != nil || (q.Limit != 0 && q.Unit.Parent != nil)
	read := func(tx *gorm.DB) error {
		due, err := s.dueDates(tx, period)
		if err != nil {
			return err
		}
		if d, _ := nearestDue(q.Unit, due); d != nil {
			out.DueDate = &d.date
		}
		var units []*models.TreeUnit
		reports := map[int64]completenessReport{}
		switch {
		case g != nil:
			units, err = countCompletenessInTree(tx, t, g, q, due, reports, &out)
		case byRow:
			units, err = countCompletenessByRow(tx, q, due, reports, &out)
		default:
			units, err = countCompleteness(tx, t, q, due, reports, &out)
		}
		if err != nil {
			return err
		}
		out.Total = len(units)
		from, to := min(max(q.Offset, 0), len(units)), len(units)
		if q.Limit >= 0 {
			to = min(from+q.Limit, len(units))
		}
		if from >= to {
			return nil
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
		page := units[from:to]
		if !byRow { // the reports of the expected communes listed
			var ids []int64
			for _, u := range page {
				if _, ok := reports[u.ID]; !ok {
					ids = append(ids, u.ID)
				}
			}
			if err := readCompleteness(tx, period, ids, reports); err != nil {
				return err
			}
		}
		out.Units = make([]models.CompletenessUnit, len(page))
		for i, u := range page {
			out.Units[i], _ = completenessOf(u, reports, due)
		}
		return nil
	}
	if db := s.r.WithContext(ctx); byRow {
		err = read(db)
	} else {
		err = db.Transaction(read, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	}
	if err != nil {
		return models.Completeness{}, err
	}
	if g != nil {
		out.Tree = q.Tree.String()
		out.NotComparable = g.NotComparable(t, q.Unit, []models.Period{q.Period})
	}
	return out, nil
}

// completenessReport is one report's state as completeness reads it.
type completenessReport struct {
	status string
	first  sql.NullInt64
}

// The timing of a commune's first submission against its due date.
const (
	untimed = iota // no submission, or no due date
	onTime
	late
)

// tally counts n communes of a status, submitted (not a draft only) or
// not, with a timing.
func tally(c *models.Completeness, status string, submitted bool, timing, n int) {
	switch status {
	case models.StatusMissing:
		c.Missing += n
	case models.StatusDraft:
		c.Draft += n
	case models.StatusAccepted:
		c.Accepted += n
	case models.StatusReturned:
		c.Returned += n
	}
	if submitted && status != models.StatusDraft {
		c.Reported += n
	}
	switch timing {
	case onTime:
		c.OnTime += n
	case late:
		c.Late += n
	}
}

// completenessOf is a commune's entry, from its report if it has one, and
// its timing.
func completenessOf(u *models.TreeUnit, reports map[int64]completenessReport, due map[int64]dueDate) (models.CompletenessUnit, int) {
	cu := models.CompletenessUnit{Code: u.Code, Name: u.Name, Status: models.StatusMissing}
	var d *dueDate
	if len(due) > 0 {
		d, _ = nearestDue(u, due)
		if d != nil {
			cu.DueDate = &d.date
		}
	}
	timing := untimed
	if r, ok := reports[u.ID]; ok {
		cu.Status = r.status
		if r.first.Valid {
			cu.FirstSubmittedAt = fromMicrosPtr(&r.first.Int64)
			if d != nil {
				timing = late
				if cu.FirstSubmittedAt.Before(d.date.EndInVietnam()) {
					timing = onTime
				}
				ot := timing == onTime
				cu.OnTime = &ot
			}
		}
	}
	return cu, timing
}

// countCompleteness counts the communes of q.Unit in the tree of the
// period: those expected (existing on its last day). The database counts the reports by
// status and timing for each part of the unit that has its own due date:
// the unit less the units below it with a deadline, and each of those less
// the ones below it. The reports of the communes not expected are read into
// reports. It returns the communes counted.
func countCompleteness(tx *gorm.DB, t *models.Tree, q CompletenessQuery, due map[int64]dueDate, reports map[int64]completenessReport, out *models.Completeness) ([]*models.TreeUnit, error) {
	units, others := communesOn(q.Unit, q.Period.LastDay())
	out.Expected = len(units)

	// The parts with their own due date: the unit, and each unit below it
	// with a deadline for the period.
	type part struct {
		root *models.TreeUnit
		due  *dueDate
	}
	d, _ := nearestDue(q.Unit, due)
	parts := []part{{q.Unit, d}}
	for id, dd := range due {
		if u := t.Unit(id); u != nil && u != q.Unit && t.Contains(q.Unit, u) {
			parts = append(parts, part{u, &dd})
		}
	}
	reported := 0
	for _, p := range parts {
		var except []int64 // the parts below this one
		for _, o := range parts[1:] {
			if o.root != p.root && t.Contains(p.root, o.root) {
				except = append(except, o.root.ID)
			}
		}
		var cutoff int64 // every submission is "on time" when there is no due date: only submitted or not counts then
		if p.due != nil {
			cutoff = micros(p.due.date.EndInVietnam())
		} else {
			cutoff = 1<<63 - 1
		}
		args := []any{cutoff}
		query := `SELECT r.status, CASE WHEN r.first_submitted_at IS NULL THEN 0 WHEN r.first_submitted_at < ? THEN 1 ELSE 2 END, COUNT(*)`
		if p.root.Parent == nil { // the country: every report of the period
			query += ` FROM reports r WHERE r.period = ? AND r.revision > 0`
			args = append(args, q.Period.String())
		} else {
			from, where, below := reportsBelow(tx, p.root.ID, q.Period.String())
			query += ` FROM ` + from + ` WHERE ` + where
			args = append(args, below...)
		}
		if len(except) > 0 {
			query += ` AND r.unit_id NOT IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id IN ?)`
			args = append(args, except)
		}
		rows, err := tx.Raw(query+` GROUP BY 1, 2`, args...).Rows()
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var status string
			var class, n int
			if err := rows.Scan(&status, &class, &n); err != nil {
				rows.Close()
				return nil, err
			}
			timing := untimed
			if p.due != nil && class > 0 {
				timing = class // 1 onTime, 2 late
			}
			tally(out, status, class > 0, timing, n)
			reported += n
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	// A commune that does not exist on the period's last day (it ended
	// before) does not report for it: a report it has, stored before the
	// rule or before its end was recorded, is kept but never counted. The
	// database counted it with the others; it is taken back out.
	if len(others) > 0 {
		ids := make([]int64, len(others))
		for i, u := range others {
			ids[i] = u.ID
		}
		ended := map[int64]completenessReport{}
		if err := readCompleteness(tx, q.Period.String(), ids, ended); err != nil {
			return nil, err
		}
		for _, u := range others {
			if _, ok := ended[u.ID]; ok {
				cu, timing := completenessOf(u, ended, due)
				tally(out, cu.Status, cu.FirstSubmittedAt != nil, timing, -1)
				reported--
			}
		}
	}
	tally(out, models.StatusMissing, false, untimed, out.Expected-reported)
	return units, nil
}

// reportsBelow is how to read the reports of a period of the communes
// below a unit: the FROM clause, which a JOIN may follow, giving r with its
// id, unit_id, status, revision and first_submitted_at; the WHERE
// condition, to which others can be added with AND; and the arguments of
// both, in that order.
//
// Both start from the unit's descendants in unit_closure (a few hundred at
// most) and look each one's report up by its key, whatever the planner
// knows: on SQLite CROSS JOIN fixes the order of the join; on PostgreSQL the
// LATERAL subquery, whose LIMIT 1 (a commune has one report of a period)
// keeps it from being flattened into a plain join. Planned freely,
// PostgreSQL chose by its statistics, and without them (a table filled
// since the last ANALYZE) read every report of the period — the country's
// ten thousand — to keep the unit's few hundred: a province's completeness
// took 5 ms rather than 0.7.
func reportsBelow(db *gorm.DB, unit int64, period string) (from, where string, args []any) {
	if db.Dialector.Name() == string(Postgres) {
		return `unit_closure c CROSS JOIN LATERAL (SELECT r.id, r.unit_id, r.status, r.revision, r.first_submitted_at FROM reports r
			WHERE r.unit_id = c.descendant_id AND r.period = ? AND r.revision > 0 LIMIT 1) r`,
			`c.ancestor_id = ?`, []any{period, unit}
	}
	return `unit_closure c CROSS JOIN reports r`,
		`r.unit_id = c.descendant_id AND c.ancestor_id = ? AND r.period = ? AND r.revision > 0`, []any{unit, period}
}

// communesOn walks the commune-level units below u (u itself if it is one):
// those that exist on day d (expected to report for a period ending then),
// and the others.
func communesOn(u *models.TreeUnit, d models.Date) (existing, others []*models.TreeUnit) {
	var walk func(n *models.TreeUnit)
	walk = func(n *models.TreeUnit) {
		if !n.Kind.CommuneLevel() {
			for _, c := range n.Children {
				walk(c)
			}
		} else if n.ExistsOn(d) {
			existing = append(existing, n)
		} else {
			others = append(others, n)
		}
	}
	walk(u)
	return existing, others
}

// countCompletenessByRow counts the communes below q.Unit one by one from
// its reports, read into reports: those expected (a commune that ended
// before the period's last day does not report for it). It returns the
// communes counted.
func countCompletenessByRow(tx *gorm.DB, q CompletenessQuery, due map[int64]dueDate, reports map[int64]completenessReport, out *models.Completeness) ([]*models.TreeUnit, error) {
	from, where, args := reportsBelow(tx, q.Unit.ID, q.Period.String())
	rows, err := tx.Raw(`SELECT r.unit_id, r.status, r.first_submitted_at FROM `+from+` WHERE `+where, args...).Rows()
	if err != nil {
		return nil, err
	}
	if err := scanCompleteness(rows, reports); err != nil {
		return nil, err
	}
	units, _ := communesOn(q.Unit, q.Period.LastDay()) // the others' reports do not count
	out.Expected = len(units)
	tallyEach(out, units, reports, due)
	return units, nil
}

// tallyEach counts communes one by one.
func tallyEach(out *models.Completeness, units []*models.TreeUnit, reports map[int64]completenessReport, due map[int64]dueDate) {
	for _, u := range units {
		cu, timing := completenessOf(u, reports, due)
		tally(out, cu.Status, cu.FirstSubmittedAt != nil, timing, 1)
	}
}

// countCompletenessInTree counts, for a unit of the tree of q.Tree, the
// communes of the period whose reports count in it there, from every report
// of the period (read into reports); a commune retired before the period
// ended does not report for it. It returns the communes counted.
func countCompletenessInTree(tx *gorm.DB, t *models.Tree, g *Regroup, q CompletenessQuery, due map[int64]dueDate, reports map[int64]completenessReport, out *models.Completeness) ([]*models.TreeUnit, error) {
	rows, err := tx.Raw(`SELECT unit_id, status, first_submitted_at FROM reports WHERE period = ? AND revision > 0`, q.Period.String()).Rows()
	if err != nil {
		return nil, err
	}
	if err := scanCompleteness(rows, reports); err != nil {
		return nil, err
	}
	units := g.Communes(t, q.Unit, q.Period.LastDay())
	out.Expected = len(units)
	tallyEach(out, units, reports, due)
	return units, nil
}

// readCompleteness reads the reports of units for a period into reports,
// a thousand units a statement.
func readCompleteness(tx *gorm.DB, period string, ids []int64, reports map[int64]completenessReport) error {
	for len(ids) > 0 {
		n := min(len(ids), 1000)
		rows, err := tx.Raw(`SELECT unit_id, status, first_submitted_at FROM reports WHERE period = ? AND revision > 0 AND unit_id IN ?`, period, ids[:n]).Rows()
		if err != nil {
			return err
		}
		if err := scanCompleteness(rows, reports); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// scanCompleteness reads rows of unit_id, status and first submission into
// reports, as three plain columns (no reflection per row), and closes rows.
func scanCompleteness(rows *sql.Rows, reports map[int64]completenessReport) error {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r completenessReport
		if err := rows.Scan(&id, &r.status, &r.first); err != nil {
			return err
		}
		reports[id] = r
	}
	return rows.Err()
}
