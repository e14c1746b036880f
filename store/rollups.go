package store

import (
	"context"
	"slices"

	"gorm.io/gorm"

	"doingoai/models"
)

// RollupQuery asks for the totals of a unit.
type RollupQuery struct {
	Unit         *models.TreeUnit
	Period       models.Period
	Series       []models.Period    // more periods for a series; may be empty
	Indicators   []models.Indicator // the indicators wanted, in order
	ByChild      bool
	AcceptedOnly bool // count accepted reports only
	// Tree, when set, regroups the figures in the tree of that day (each
	// report counts in the unit its commune's successors belong to then);
	// Unit is then a unit of that tree.
	Tree models.Date
}

// Rollup computes a unit's indicators over the communes below it from the
// maintained totals: one row per unit and period, so its cost does not
// grow with the number of communes. Totals change in the transaction of
// each submission and review, so a rollup sees every submission that has
// been answered.
func (s *Store) Rollup(ctx context.Context, q RollupQuery) (models.Rollup, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return models.Rollup{}, err
	}
	if !q.Tree.IsZero() {
		return s.rollupInTree(ctx, t, q)
	}
	scope := scopeCounted
	if q.AcceptedOnly {
		scope = scopeAccepted
	}
	out := models.Rollup{Unit: models.UnitRef{Code: q.Unit.Code, Name: q.Unit.Name}, Period: q.Period.String(), Counted: models.CountedStatuses(q.AcceptedOnly)}
	periods := []string{q.Period.String()}
	for _, p := range q.Series {
		if !slices.Contains(periods, p.String()) {
			periods = append(periods, p.String())
		}
	}
	ids := []int64{q.Unit.ID}
	if q.ByChild {
		for _, c := range q.Unit.Children {
			ids = append(ids, c.ID)
		}
	}
	db := s.r.WithContext(ctx)
	totals, err := readTotals(db, ids, periods, scope)
	if err != nil {
		return out, err
	}
	get := func(u *models.TreeUnit, p string) *models.Totals {
		if tt := totals[aggKey{u.ID, p, scope}]; tt != nil {
			return tt
		}
		return new(models.Totals)
	}
	main := get(q.Unit, out.Period)
	out.CommunesExpected = t.CommunesExpected(q.Unit, q.Period)
	out.CommunesReported = int(main.Reports())
	out.Indicators = indicatorValues(q.Indicators, main)

	if q.ByChild {
		statuses, err := s.statuses(db, q.Unit.Children, out.Period)
		if err != nil {
			return out, err
		}
		out.Breakdown = []models.BreakdownRow{}
		for _, c := range q.Unit.Children {
			ct := get(c, out.Period)
			st, hasReport := statuses[c.ID]
			expected := t.CommunesExpected(c, q.Period)
			if expected == 0 && ct.Reports() == 0 && !hasReport {
				continue // a unit of another time, with nothing for this period
			}
			row := models.BreakdownRow{UnitCode: c.Code, Name: c.Name, Kind: c.Kind,
				CommunesExpected: expected, CommunesReported: int(ct.Reports()), Values: map[string]*models.Amount{}}
			if c.Kind.CommuneLevel() {
				if !hasReport {
					st = models.StatusMissing
				}
				row.Status = &st
			}
			for _, ind := range q.Indicators {
				row.Values[ind.Code], _ = ind.Compute(ct)
			}
			out.Breakdown = append(out.Breakdown, row)
		}
	}
	for _, p := range q.Series {
		pt := get(q.Unit, p.String())
		out.Series = append(out.Series, models.SeriesPoint{Period: p.String(), CommunesExpected: t.CommunesExpected(q.Unit, p),
			CommunesReported: int(pt.Reports()), Indicators: indicatorValues(q.Indicators, pt)})
	}
	return out, nil
}

func indicatorValues(inds []models.Indicator, t *models.Totals) []models.IndicatorValue {
	out := make([]models.IndicatorValue, len(inds))
	for i, ind := range inds {
		v, n := ind.Compute(t)
		out[i] = models.IndicatorValue{Code: ind.Code, NameVI: ind.NameVI, NameEN: ind.NameEN, Unit: ind.Unit, Aggregation: ind.Aggregation, Value: v, Reporting: n}
	}
	return out
}

// statuses returns the report status of units (communes) for a period.
func (s *Store) statuses(db *gorm.DB, units []*models.TreeUnit, period string) (map[int64]string, error) {
	out := map[int64]string{}
	var ids []int64
	for _, u := range units {
		if u.Kind.CommuneLevel() {
			ids = append(ids, u.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		UnitID int64
		Status string
	}
	if err := db.Raw("SELECT unit_id, status FROM reports WHERE period = ? AND revision > 0 AND unit_id IN ?", period, ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.UnitID] = r.Status
	}
	return out, nil
}

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

type dueDate struct {
	date      models.Date
	reference string
	setBy     string
	setAt     int64
	unitID    int64
}

func (s *Store) dueDates(db *gorm.DB, period string) (map[int64]dueDate, error) {
	var rows []struct {
		UnitID    int64
		DueDate   string
		Reference string
		SetBy     string
		SetAt     int64
	}
	if err := db.Raw("SELECT unit_id, due_date, reference, set_by, set_at FROM deadlines WHERE period = ?", period).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[int64]dueDate, len(rows))
	for _, r := range rows {
		d, err := models.ParseDate(r.DueDate)
		if err != nil {
			return nil, err
		}
		out[r.UnitID] = dueDate{date: d, reference: r.Reference, setBy: r.SetBy, setAt: r.SetAt, unitID: r.UnitID}
	}
	return out, nil
}

// nearestDue returns the due date set on u or on its nearest ancestor that
// has one, and that unit.
func nearestDue(u *models.TreeUnit, due map[int64]dueDate) (*dueDate, *models.TreeUnit) {
	for a := u; a != nil; a = a.Parent {
		if d, ok := due[a.ID]; ok {
			return &d, a
		}
	}
	return nil, nil
}

// SetDeadline sets the due date of a period on a unit; it applies to every
// commune below the unit that has no nearer one. It tells whether the
// deadline is new.
func (s *Store) SetDeadline(ctx context.Context, p models.Principal, unit *models.TreeUnit, period string, in models.DeadlineInput) (models.Deadline, bool, error) {
	now := s.Now()
	created := false
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		var before []struct {
			DueDate   string
			Reference string
		}
		if err := tx.Raw("SELECT due_date, reference FROM deadlines WHERE unit_id = ? AND period = ?", unit.ID, period).Scan(&before).Error; err != nil {
			return err
		}
		created = len(before) == 0
		err := tx.Exec(`INSERT INTO deadlines (unit_id, period, due_date, reference, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (unit_id, period) DO UPDATE SET due_date = excluded.due_date, reference = excluded.reference, set_by = excluded.set_by, set_at = excluded.set_at`,
			unit.ID, period, in.DueDate.String(), in.Reference, p.Actor(), micros(now)).Error
		if err != nil {
			return err
		}
		var from any
		if !created {
			from = before[0]
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionDeadlineSet, unit, period, 0,
			Change{From: from, To: map[string]string{"due_date": in.DueDate.String(), "reference": in.Reference}}))
	})
	if err != nil {
		return models.Deadline{}, false, err
	}
	return models.Deadline{UnitCode: unit.Code, Period: period, DueDate: in.DueDate, Reference: in.Reference, SetOn: unit.Code, SetBy: p.Actor(), SetAt: now}, created, nil
}

// Deadline returns the due date that applies to a unit for a period: set on
// it or on the nearest unit above it.
//
// Errors: ENOTFOUND if none applies.
func (s *Store) Deadline(ctx context.Context, unit *models.TreeUnit, period string) (models.Deadline, error) {
	due, err := s.dueDates(s.r.WithContext(ctx), period)
	if err != nil {
		return models.Deadline{}, err
	}
	d, on := nearestDue(unit, due)
	if d == nil {
		return models.Deadline{}, notFound("no due date is set for %s on %s or any unit above it", period, unit.Code)
	}
	return models.Deadline{UnitCode: unit.Code, Period: period, DueDate: d.date, Reference: d.reference, SetOn: on.Code, SetBy: d.setBy, SetAt: fromMicros(d.setAt)}, nil
}
