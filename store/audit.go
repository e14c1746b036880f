package store

import (
	"context"
	"crypto/hmac"
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
// own hash over that, its id, its key id and its content — an HMAC with a
// key kept outside the database (AuditKeys) — so that an edit, a removal
// or an entry added by someone who can write the database but does not
// hold the key breaks the chain (VerifyAudit). Ids follow one another
// without gaps: each is the one before it plus one, given under the chain's
// lock.
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
	// KeyID names the key of the entry's HMAC (AuditKeys), or plainKeyID;
	// NULL for the entries of earlier releases, whose hash is chainHash.
	KeyID *string
}

// chainContent is what an entry's hash covers: the JSON array of the
// previous entry's hash ("" for the first) and every column of the entry;
// for the entries of this release (withID) also its id and key id.
func (r *auditRow) chainContent(prev string, withID bool) ([]byte, error) {
	if withID {
		return json.Marshal([]any{prev, r.ID, r.KeyID, r.At, r.TokenID, r.Actor, r.Role, r.Action, r.UnitID, r.UnitCode, r.Period, r.Revision, r.Detail})
	}
	return json.Marshal([]any{prev, r.At, r.TokenID, r.Actor, r.Role, r.Action, r.UnitID, r.UnitCode, r.Period, r.Revision, r.Detail})
}

// chainHash is the hash of an entry of an earlier release (no key id):
// plain SHA-256, in hex, of its content without its id.
func (r *auditRow) chainHash(prev string) string {
	b, _ := r.chainContent(prev, false)
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
	lastID, prev, err := s.lastAudit(tx)
	if err != nil {
		return err
	}
	keyID := plainKeyID
	if s.auditKeys != nil {
		keyID = s.auditKeys.Current()
	}
	for i := range rows {
		r := &rows[i]
		r.ID, r.KeyID = lastID+int64(i)+1, &keyID
		p := prev
		h, _ := s.auditKeys.entryHash(r, prev)
		r.PrevHash, r.Hash = &p, &h
		prev = h
	}
	cols := []string{"id", "at", "token_id", "actor", "role", "action", "unit_id", "unit_code", "period", "revision", "detail", "prev_hash", "hash", "key_id"}
	err = s.insertRows(tx, "audit_events", cols, len(rows), func(i int, args []any) []any {
		r := &rows[i]
		return append(args, r.ID, r.At, r.TokenID, r.Actor, r.Role, r.Action, r.UnitID, r.UnitCode, r.Period, r.Revision, r.Detail, r.PrevHash, r.Hash, r.KeyID)
	}, "")
	if err != nil {
		return fmt.Errorf("append to the audit trail: %w", err)
	}
	return nil
}

// lastAudit is the id and hash of the newest entry: 0 and "" if there is
// none, and "" if it was written before the chain began.
func (s *Store) lastAudit(tx *gorm.DB) (int64, string, error) {
	rows, err := s.query(tx, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")
	if err != nil {
		return 0, "", fmt.Errorf("read the audit chain: %w", err)
	}
	defer rows.Close()
	var id int64
	var h sql.NullString
	if rows.Next() {
		if err := rows.Scan(&id, &h); err != nil {
			return 0, "", err
		}
	}
	return id, h.String, rows.Err()
}

// AuditCheck is what VerifyAudit found.
type AuditCheck struct {
	Entries    int64       // entries read
	Unchained  int64       // entries written before the hash chain began (no hash)
	Legacy     int64       // entries of earlier releases: plain SHA-256, no key id
	LegacyGaps int64       // gaps in the ids among those (PostgreSQL's sequence skipped the ids of rolled-back transactions)
	Plain      int64       // entries of this release written without a key (plain SHA-256)
	Keyed      int64       // entries keyed with an HMAC key
	Head       AuditAnchor // the newest entry: the anchor to note outside the database
	BadID      int64       // the first entry that does not match; 0 when intact
	Reason     string      // why it does not match
}

// VerifyAudit walks the audit trail in order and recomputes each entry's
// hash from its content, its key and the hash before it. An entry edited
// in the database no longer matches its hash; one deleted leaves a gap in
// the ids; one added, or the chain recomputed, without the key does not
// match its HMAC, and an entry without a key after keyed ones is refused.
// Removing the newest entries leaves a shorter chain that still verifies:
// VerifyAuditSince with an anchor noted earlier finds that too.
func (s *Store) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	return s.VerifyAuditSince(ctx, nil)
}

// VerifyAuditSince is VerifyAudit that also requires the trail to still
// hold the anchored entry, with its hash.
func (s *Store) VerifyAuditSince(ctx context.Context, anchor *AuditAnchor) (AuditCheck, error) {
	w := auditWalk{keys: s.auditKeys, anchor: anchor}
	after := int64(-1 << 62)
	for {
		rows, err := s.r.WithContext(ctx).Raw(`SELECT id, at, token_id, actor, role, action, unit_id, unit_code, period, revision, detail, prev_hash, hash, key_id
			FROM audit_events WHERE id > ? ORDER BY id LIMIT 5000`, after).Rows()
		if err != nil {
			return w.out, err
		}
		n := 0
		for rows.Next() {
			var r auditRow
			if err := rows.Scan(&r.ID, &r.At, &r.TokenID, &r.Actor, &r.Role, &r.Action, &r.UnitID, &r.UnitCode, &r.Period, &r.Revision, &r.Detail, &r.PrevHash, &r.Hash, &r.KeyID); err != nil {
				rows.Close()
				return w.out, err
			}
			n++
			after = r.ID
			if !w.step(&r) {
				rows.Close()
				return w.out, nil
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return w.out, err
		}
		if n == 0 {
			w.end()
			return w.out, nil
		}
	}
}

// auditWalk is the state of VerifyAudit between entries.
type auditWalk struct {
	keys     *AuditKeys
	anchor   *AuditAnchor
	out      AuditCheck
	prev     string
	prevID   int64
	chained  bool
	newer    bool // an entry of this release was seen
	keyed    bool // a keyed entry was seen
	anchored bool // the anchored entry was found
}

// step checks one entry; false when it does not match (out says why).
func (w *auditWalk) step(r *auditRow) bool {
	w.out.Entries++
	gap := w.prevID != 0 && r.ID != w.prevID+1
	defer func() { w.prevID = r.ID }()
	if r.KeyID == nil && !w.newer {
		if gap {
			w.out.LegacyGaps++
		}
		if r.Hash == nil && !w.chained {
			w.out.Unchained++
			return true
		}
		w.out.Legacy++
	}
	reason := w.problem(r, gap)
	if reason != "" {
		w.out.BadID, w.out.Reason = r.ID, reason
		return false
	}
	w.chained, w.prev = true, *r.Hash
	w.out.Head = AuditAnchor{ID: r.ID, Hash: *r.Hash}
	if w.anchor != nil && r.ID == w.anchor.ID {
		if *r.Hash != w.anchor.Hash {
			w.out.BadID, w.out.Reason = r.ID, "it is not the entry anchored as "+w.anchor.String()+" (the trail was rewritten up to it)"
			return false
		}
		w.anchored = true
	}
	return true
}

// problem says what is wrong with an entry, "" if nothing.
func (w *auditWalk) problem(r *auditRow, gap bool) string {
	switch {
	case r.Hash == nil:
		return "it has no hash, but entries before it have one"
	case r.PrevHash == nil || *r.PrevHash != w.prev:
		return "it does not follow the entry before it (an entry was removed, added or reordered)"
	case r.KeyID == nil && w.newer:
		return "it has no key id, but entries before it have one (it was added without the key)"
	case r.KeyID == nil:
		if r.chainHash(w.prev) != *r.Hash {
			return "its content does not match its hash (it was changed)"
		}
		return ""
	case gap:
		return fmt.Sprintf("the ids jump from %d to %d: %d entries were removed", w.prevID, r.ID, r.ID-w.prevID-1)
	case *r.KeyID == plainKeyID && w.keyed:
		return "it is not keyed, but entries before it are (it was added, or the chain recomputed, without the key)"
	}
	h, ok := w.keys.entryHash(r, w.prev)
	switch {
	case !ok:
		return fmt.Sprintf("it is keyed with %q, which is not among the keys given (AUDIT_KEY or AUDIT_KEY_FILE)", *r.KeyID)
	case !hmac.Equal([]byte(h), []byte(*r.Hash)):
		return "its content does not match its hash (it was changed, or written without the key)"
	}
	w.newer = true
	if *r.KeyID == plainKeyID {
		w.out.Plain++
	} else {
		w.keyed = true
		w.out.Keyed++
	}
	return ""
}

// end checks, after the last entry, that the anchored entry was found.
func (w *auditWalk) end() {
	if w.anchor != nil && !w.anchored {
		w.out.BadID = w.anchor.ID
		w.out.Reason = fmt.Sprintf("the anchored entry %d is no longer in the trail, which ends at entry %d (entries were removed)", w.anchor.ID, w.out.Head.ID)
	}
}

// AuditHead returns the newest entry as an anchor, the number of entries
// and the id of the key of the newest entry ("" for an entry of an earlier
// release or none).
func (s *Store) AuditHead(ctx context.Context) (AuditAnchor, int64, string, error) {
	var row struct {
		ID    int64
		Hash  *string
		KeyID *string
	}
	if err := s.r.WithContext(ctx).Raw("SELECT id, hash, key_id FROM audit_events ORDER BY id DESC LIMIT 1").Scan(&row).Error; err != nil {
		return AuditAnchor{}, 0, "", err
	}
	var n int64
	if err := s.r.WithContext(ctx).Raw("SELECT count(*) FROM audit_events").Scan(&n).Error; err != nil {
		return AuditAnchor{}, 0, "", err
	}
	a := AuditAnchor{ID: row.ID}
	if row.Hash != nil {
		a.Hash = *row.Hash
	}
	key := ""
	if row.KeyID != nil {
		key = *row.KeyID
	}
	return a, n, key, nil
}

// CheckAuditKeys refuses to go on when the newest entry is keyed with a
// key that is not given: new entries would then start a chain that
// VerifyAudit cannot read, or go unkeyed after keyed ones.
func (s *Store) CheckAuditKeys(ctx context.Context) error {
	_, _, key, err := s.AuditHead(ctx)
	if err != nil || key == "" || key == plainKeyID {
		return err
	}
	for _, id := range s.auditKeys.IDs() {
		if id == key {
			return nil
		}
	}
	return fmt.Errorf("the audit trail's newest entry is keyed with %q: give that key (as the current or an older one) in AUDIT_KEY or AUDIT_KEY_FILE", key)
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
