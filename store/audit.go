package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// auditRow is one row of audit_events. The table refuses UPDATE and DELETE
// (a trigger on both databases): the trail is append-only by construction,
// not by convention.
type auditRow struct {
	ID       int64 `gorm:"primaryKey"`
	At       int64
	TokenID  *int64
	Actor    string
	Role     string
	Action   string
	UnitID   *int64
	UnitCode *string
	Period   *string
	Revision *int
	Detail   string
}

func (auditRow) TableName() string { return "audit_events" }

// newAudit prepares an audit event by principal p. detail is marshalled to
// JSON; a nil detail is {}.
func (s *Store) newAudit(p models.Principal, action string, unit *models.TreeUnit, period string, revision int, detail any) auditRow {
	row := auditRow{At: micros(s.Now()), Actor: p.Actor(), Role: string(p.Role), Action: action, Detail: "{}"}
	if p.TokenID != 0 {
		id := p.TokenID
		row.TokenID = &id
	}
	if unit != nil {
		id, code := unit.ID, unit.Code
		row.UnitID, row.UnitCode = &id, &code
	}
	if period != "" {
		row.Period = &period
	}
	if revision != 0 {
		row.Revision = &revision
	}
	if detail != nil {
		if b, err := json.Marshal(detail); err == nil {
			row.Detail = string(b)
		}
	}
	return row
}

// appendAudit writes events in the caller's transaction, so that the trail
// holds exactly the changes that were committed.
func (s *Store) appendAudit(tx *gorm.DB, rows ...auditRow) error {
	const cols = 10
	for start := 0; start < len(rows); start += 1000 {
		chunk := rows[start:min(start+1000, len(rows))]
		var sb strings.Builder
		args := make([]any, 0, len(chunk)*cols)
		sb.WriteString("INSERT INTO audit_events (at, token_id, actor, role, action, unit_id, unit_code, period, revision, detail) VALUES ")
		for i, r := range chunk {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.At, r.TokenID, r.Actor, r.Role, r.Action, r.UnitID, r.UnitCode, r.Period, r.Revision, r.Detail)
		}
		if err := s.exec(tx, sb.String(), args...); err != nil {
			return fmt.Errorf("append to the audit trail: %w", err)
		}
	}
	return nil
}

// Change is a before/after pair in an audit event's detail.
type Change struct {
	From any `json:"from"`
	To   any `json:"to"`
}

// ListAudit returns a page of audit events, newest first. within, when not
// nil, keeps the events about that unit and the units below it; events
// about no unit (tokens) are then left out.
func (s *Store) ListAudit(ctx context.Context, f models.AuditFilter, within *models.TreeUnit) (models.AuditList, error) {
	q := s.r.WithContext(ctx).Model(&auditRow{})
	if within != nil {
		q = q.Where("audit_events.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?)", within.ID)
	}
	if f.Period != "" {
		q = q.Where("audit_events.period = ?", f.Period)
	}
	if !f.Since.IsZero() {
		q = q.Where("audit_events.at >= ?", micros(f.Since))
	}
	var out models.AuditList
	if err := q.Count(&out.Total).Error; err != nil {
		return out, err
	}
	var rows []auditRow
	if err := q.Order("audit_events.id DESC").Limit(f.Page.PerPage).Offset(f.Page.Offset()).Find(&rows).Error; err != nil {
		return out, err
	}
	out.Items = make([]models.AuditEvent, len(rows))
	for i, r := range rows {
		out.Items[i] = models.AuditEvent{
			ID: r.ID, At: fromMicros(r.At), TokenID: r.TokenID, Actor: r.Actor, Role: models.Role(r.Role),
			Action: r.Action, UnitCode: r.UnitCode, Period: r.Period, Revision: r.Revision, Detail: json.RawMessage(r.Detail),
		}
	}
	return out, nil
}
