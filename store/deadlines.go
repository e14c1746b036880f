package store

import (
	"context"

	"gorm.io/gorm"

	"doingoai/models"
)

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
