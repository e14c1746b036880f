package store

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"doingoai/models"
)

// ReminderTarget is a commune to remind: its unit, its report's status
// (missing, draft or returned) and the addresses of its accounts, each
// recorded as a pending email when the service sends email.
type ReminderTarget struct {
	Unit   *models.TreeUnit
	Status string
	Emails []models.ReminderEmail
}

// RecordReminders stores a reminder of period to each target, sent by p
// from the unit from, with its emails pending, and audits each, in one
// transaction. It returns the reminders with their ids.
func (s *Store) RecordReminders(ctx context.Context, p models.Principal, from *models.TreeUnit, period, message string, targets []ReminderTarget) ([]models.Reminder, error) {
	now := s.Now()
	out := make([]models.Reminder, len(targets))
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		audits := make([]auditRow, 0, len(targets))
		for i, tg := range targets {
			var id int64
			if err := tx.Raw(`INSERT INTO reminders (unit_id, period, from_unit_id, status, message, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				tg.Unit.ID, period, from.ID, tg.Status, message, p.Actor(), micros(now)).Scan(&id).Error; err != nil {
				return fmt.Errorf("record a reminder: %w", err)
			}
			for _, e := range tg.Emails {
				if err := tx.Exec(`INSERT INTO reminder_emails (reminder_id, login, address, status, updated_at) VALUES (?, ?, ?, ?, ?)`,
					id, e.Login, e.Address, models.EmailPending, micros(now)).Error; err != nil {
					return fmt.Errorf("record a reminder's email: %w", err)
				}
			}
			emails := make([]models.ReminderEmail, len(tg.Emails))
			for j, e := range tg.Emails {
				emails[j] = models.ReminderEmail{Login: e.Login, Address: e.Address, Status: models.EmailPending}
			}
			out[i] = models.Reminder{ID: id, UnitCode: tg.Unit.Code, UnitName: tg.Unit.Name, Period: period, FromCode: from.Code,
				Message: message, RemindedBy: p.Actor(), RemindedAt: now.UTC().Truncate(1000), Status: tg.Status, Emails: emails}
			audits = append(audits, s.newAudit(p, models.ActionReminderSend, tg.Unit, period, 0,
				map[string]any{"reminder_id": id, "from_unit_code": from.Code, "status": tg.Status, "message": message, "emails": len(tg.Emails)}))
		}
		return s.appendAudit(tx, audits...)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetReminderEmail records the outcome of one email of a reminder: sent,
// or failed with why.
func (s *Store) SetReminderEmail(ctx context.Context, reminderID int64, login, status, why string) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec(`UPDATE reminder_emails SET status = ?, error = ?, updated_at = ? WHERE reminder_id = ? AND login = ?`,
			status, why, micros(s.Now()), reminderID, login).Error
	})
}

// ReminderAddresses are the email addresses of the enabled accounts bound
// to each unit, by unit id and login.
func (s *Store) ReminderAddresses(ctx context.Context, unitIDs []int64) (map[int64][]models.ReminderEmail, error) {
	out := map[int64][]models.ReminderEmail{}
	for start := 0; start < len(unitIDs); start += maxParams {
		var rows []struct {
			UnitID int64
			Login  string
			Email  string
		}
		err := s.r.WithContext(ctx).Raw(`SELECT unit_id, login, email FROM users
			WHERE unit_id IN ? AND email <> '' AND disabled_at IS NULL ORDER BY login`, unitIDs[start:min(start+maxParams, len(unitIDs))]).Scan(&rows).Error
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.UnitID] = append(out[r.UnitID], models.ReminderEmail{Login: r.Login, Address: r.Email})
		}
	}
	return out, nil
}

// ReminderQuery chooses reminders: those of Period to the communes below
// Within (or to Within, a commune); Latest keeps only the newest.
type ReminderQuery struct {
	Within *models.TreeUnit
	Period string
	Latest bool
}

// Reminders lists the reminders a query chooses, newest first, each with
// its emails.
func (s *Store) Reminders(ctx context.Context, t *models.Tree, q ReminderQuery) ([]models.Reminder, error) {
	var rows []struct {
		ID         int64
		UnitID     int64
		FromUnitID int64
		Status     string
		Message    string
		SentBy     string
		SentAt     int64
	}
	db := s.r.WithContext(ctx)
	sel := `SELECT id, unit_id, from_unit_id, status, message, sent_by, sent_at FROM reminders WHERE period = ?`
	args := []any{q.Period}
	if q.Within.Kind.CommuneLevel() {
		sel += " AND unit_id = ?"
		args = append(args, q.Within.ID)
	}
	sel += " ORDER BY sent_at DESC, id"
	if q.Latest {
		sel += " LIMIT 1"
	}
	if err := db.Raw(sel, args...).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := []models.Reminder{}
	byID := map[int64]int{}
	for _, r := range rows {
		u := t.Unit(r.UnitID)
		if u == nil || !t.Contains(q.Within, u) {
			continue
		}
		from := t.Unit(r.FromUnitID)
		rem := models.Reminder{ID: r.ID, UnitCode: u.Code, UnitName: u.Name, Period: q.Period, Status: r.Status, Message: r.Message,
			RemindedBy: r.SentBy, RemindedAt: fromMicros(r.SentAt), Emails: []models.ReminderEmail{}}
		if from != nil {
			rem.FromCode = from.Code
		}
		byID[r.ID] = len(out)
		out = append(out, rem)
	}
	if err := s.reminderDetails(db, out, byID); err != nil {
		return nil, err
	}
	return out, nil
}

// reminderDetails fills each reminder's emails.
func (s *Store) reminderDetails(db *gorm.DB, out []models.Reminder, byID map[int64]int) error {
	ids := make([]int64, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for start := 0; start < len(ids); start += maxParams {
		part := ids[start:min(start+maxParams, len(ids))]
		var emails []struct {
			ReminderID int64
			Login      string
			Address    string
			Status     string
			Error      string
		}
		if err := db.Raw(`SELECT reminder_id, login, address, status, error FROM reminder_emails WHERE reminder_id IN ? ORDER BY login`, part).Scan(&emails).Error; err != nil {
			return err
		}
		for _, e := range emails {
			r := &out[byID[e.ReminderID]]
			r.Emails = append(r.Emails, models.ReminderEmail{Login: e.Login, Address: e.Address, Status: e.Status, Error: e.Error})
		}
	}
	return nil
}
