package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"doingoai/models"
)

// FormDraft is the commune's form as it was typed, kept when it cannot yet
// be stored as a report revision because the validator refuses a figure
// (a draft with errors left). The web app's commune page keeps one per
// report; saving or sending the report removes it.
type FormDraft struct {
	Inputs  map[string]string // the form's inputs by name
	SavedAt time.Time
	SavedBy string
}

// SaveFormDraft keeps the form of a report as typed, replacing the one
// kept before.
func (s *Store) SaveFormDraft(ctx context.Context, p models.Principal, unit *models.TreeUnit, period string, inputs map[string]string) error {
	b, err := json.Marshal(inputs)
	if err != nil {
		return err
	}
	now := micros(s.Now())
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec(`INSERT INTO form_drafts (unit_id, period, inputs, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (unit_id, period) DO UPDATE SET inputs = excluded.inputs, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
			unit.ID, period, string(b), now, p.Actor()).Error
	})
}

// GetFormDraft returns the form kept for a report, or nil if there is none.
func (s *Store) GetFormDraft(ctx context.Context, unit *models.TreeUnit, period string) (*FormDraft, error) {
	var rows []struct {
		Inputs  string
		SavedAt int64
		SavedBy string
	}
	if err := s.r.WithContext(ctx).Raw("SELECT inputs, saved_at, saved_by FROM form_drafts WHERE unit_id = ? AND period = ?", unit.ID, period).Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	d := &FormDraft{SavedAt: fromMicros(rows[0].SavedAt), SavedBy: rows[0].SavedBy}
	if err := json.Unmarshal([]byte(rows[0].Inputs), &d.Inputs); err != nil {
		return nil, err
	}
	return d, nil
}

// DeleteFormDraft removes the form kept for a report, if any.
func (s *Store) DeleteFormDraft(ctx context.Context, unit *models.TreeUnit, period string) error {
	return s.writeTx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("DELETE FROM form_drafts WHERE unit_id = ? AND period = ?", unit.ID, period).Error
	})
}
