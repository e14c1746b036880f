package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"doingoai/models"
)

// auditRow is one row of audit_events. The table refuses UPDATE, DELETE,
// REPLACE (SQLite) and TRUNCATE (PostgreSQL) by triggers: the trail is
// append-only by construction, not by convention. It is also
// tamper-evident: each row carries the hash of the row before it and its
// own hash over that and its content, so that an edit made directly in the
// database breaks the chain (VerifyAudit).
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
	PrevHash *string
	Hash     *string
}

// chainHash is the hash of an entry: SHA-256, in hex, of the JSON array of
// the previous entry's hash ("" for the first) and every column of the
// entry but its id (the chain itself orders the entries).
func (r *auditRow) chainHash(prev string) string {
	b, _ := json.Marshal([]any{prev, r.At, r.TokenID, r.Actor, r.Role, r.Action, r.UnitID, r.UnitCode, r.Period, r.Revision, r.Detail})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// auditChainLock is the PostgreSQL advisory lock that orders the appends
// of several servers: held from the append to the commit, so that each
// transaction chains onto the last committed entry. SQLite has one writer
// already.
const auditChainLock = 0x61756469740001

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
	if len(rows) == 0 {
		return nil
	}
	if s.dialect == Postgres {
		if err := s.exec(tx, "SELECT pg_advisory_xact_lock(?)", int64(auditChainLock)); err != nil {
			return fmt.Errorf("lock the audit chain: %w", err)
		}
	}
	prev, err := s.lastAuditHash(tx)
	if err != nil {
		return err
	}
	for i := range rows {
		p, h := prev, rows[i].chainHash(prev)
		rows[i].PrevHash, rows[i].Hash = &p, &h
		prev = h
	}
	cols := []string{"at", "token_id", "actor", "role", "action", "unit_id", "unit_code", "period", "revision", "detail", "prev_hash", "hash"}
	err = s.insertRows(tx, "audit_events", cols, len(rows), func(i int, args []any) []any {
		r := &rows[i]
		return append(args, r.At, r.TokenID, r.Actor, r.Role, r.Action, r.UnitID, r.UnitCode, r.Period, r.Revision, r.Detail, r.PrevHash, r.Hash)
	}, "")
	if err != nil {
		return fmt.Errorf("append to the audit trail: %w", err)
	}
	return nil
}

// lastAuditHash is the hash of the newest entry, "" if there is none or it
// was written before the chain began.
func (s *Store) lastAuditHash(tx *gorm.DB) (string, error) {
	rows, err := s.query(tx, "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")
	if err != nil {
		return "", fmt.Errorf("read the audit chain: %w", err)
	}
	defer rows.Close()
	var h sql.NullString
	if rows.Next() {
		if err := rows.Scan(&h); err != nil {
			return "", err
		}
	}
	return h.String, rows.Err()
}

// AuditCheck is what VerifyAudit found.
type AuditCheck struct {
	Entries   int64  // entries read
	Unchained int64  // entries written before the chain began (no hash)
	BadID     int64  // the first entry that does not match; 0 when intact
	Reason    string // why it does not match
}

// VerifyAudit walks the audit trail in order and recomputes each entry's
// hash from its content and the hash before it. An entry edited in the
// database no longer matches its hash; one deleted, or inserted with a
// made-up hash, breaks the link of the entry after it. (Removing the newest
// entries leaves a shorter chain that still verifies: compare the count
// with one noted earlier to see that.)
func (s *Store) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	var out AuditCheck
	prev, chained := "", false
	after := int64(-1 << 62)
	for {
		rows, err := s.query(s.r.WithContext(ctx), `SELECT id, at, token_id, actor, role, action, unit_id, unit_code, period, revision, detail, prev_hash, hash
			FROM audit_events WHERE id > ? ORDER BY id LIMIT 5000`, after)
		if err != nil {
			return out, err
		}
		n := 0
		for rows.Next() {
			var r auditRow
			if err := rows.Scan(&r.ID, &r.At, &r.TokenID, &r.Actor, &r.Role, &r.Action, &r.UnitID, &r.UnitCode, &r.Period, &r.Revision, &r.Detail, &r.PrevHash, &r.Hash); err != nil {
				rows.Close()
				return out, err
			}
			n++
			after = r.ID
			out.Entries++
			switch {
			case r.Hash == nil && !chained:
				out.Unchained++
				continue
			case r.Hash == nil:
				out.BadID, out.Reason = r.ID, "it has no hash, but entries before it have one"
			case r.PrevHash == nil || *r.PrevHash != prev:
				out.BadID, out.Reason = r.ID, "it does not follow the entry before it (an entry was removed, added or reordered)"
			case r.chainHash(prev) != *r.Hash:
				out.BadID, out.Reason = r.ID, "its content does not match its hash (it was changed)"
			}
			if out.BadID != 0 {
				rows.Close()
				return out, nil
			}
			chained, prev = true, *r.Hash
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, err
		}
		if n == 0 {
			return out, nil
		}
	}
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
