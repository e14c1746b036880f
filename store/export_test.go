package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"gorm.io/gorm"
)

// The error classifiers, for the tests of package store_test.
var (
	IsUniqueViolation = isUniqueViolation
	IsRetryable       = isRetryable
	IsOverflow        = isOverflow
	IsOverlap         = isOverlap
)

// Bind is bind for a store of the dialect.
func Bind(d Dialect, query string) string { return (&Store{dialect: d}).bind(query) }

// RunBatchAgain runs subs as one batch, as the submitter would, after an
// attempt that was rolled back (a PostgreSQL deadlock that writeTx
// retries) left its outcome in each pending submission.
func RunBatchAgain(s *Store, subs []*Submission) ([]Submitted, []error) {
	var batch []*pending
	for _, sub := range subs {
		batch = append(batch, &pending{sub: sub, done: make(chan struct{}),
			out: Submitted{Created: true}, err: errors.New("the outcome of a rolled-back attempt")})
	}
	batch[0].follows = batch[len(batch)-1]
	s.submit.run(batch)
	outs := make([]Submitted, len(batch))
	errs := make([]error, len(batch))
	for i, p := range batch {
		outs[i], errs[i] = p.out, p.err
	}
	return outs, errs
}

// auditRows reads every audit entry in order.
func auditRows(ctx context.Context, s *Store) ([]auditRow, error) {
	var out []auditRow
	err := s.w.WithContext(ctx).Raw(`SELECT id, at, token_id, actor, role, action, unit_id, unit_code, period, revision, detail, prev_hash, hash, key_id
		FROM audit_events ORDER BY id`).Scan(&out).Error
	return out, err
}

// ForgeAuditChain rewrites the hash chain from entry from on, as someone
// who can write the database but holds no key would: each entry's
// prev_hash and hash recomputed with plain SHA-256 — the formula of
// earlier releases (keyID nil: key_id cleared) or this release's, with
// key_id set to *keyID. The triggers must have been lifted.
func ForgeAuditChain(ctx context.Context, s *Store, from int64, keyID *string) error {
	rows, err := auditRows(ctx, s)
	if err != nil {
		return err
	}
	prev := ""
	for _, r := range rows {
		if r.ID < from {
			prev = *r.Hash
			continue
		}
		r.KeyID = keyID
		h := r.chainHash(prev)
		if keyID != nil {
			b, _ := r.chainContent(prev, true)
			sum := sha256.Sum256(b)
			h = hex.EncodeToString(sum[:])
		}
		if err := s.w.WithContext(ctx).Exec("UPDATE audit_events SET prev_hash = ?, hash = ?, key_id = ? WHERE id = ?", prev, h, keyID, r.ID).Error; err != nil {
			return err
		}
		prev = h
	}
	return nil
}

// ForgeAuditEntry appends an entry after the newest, chained onto it, with
// key_id keyID and an HMAC made with key (plain SHA-256 when key is nil),
// as someone who can write the database would without the real key.
func ForgeAuditEntry(ctx context.Context, s *Store, keyID string, key []byte) error {
	rows, err := auditRows(ctx, s)
	if err != nil {
		return err
	}
	last := rows[len(rows)-1]
	r := auditRow{ID: last.ID + 1, At: last.At + 1, Actor: "Quản trị", Role: "admin", Action: "token.create", Detail: `{"name":"forged"}`, KeyID: &keyID}
	b, _ := r.chainContent(*last.Hash, true)
	var h string
	if key == nil {
		sum := sha256.Sum256(b)
		h = hex.EncodeToString(sum[:])
	} else {
		m := hmac.New(sha256.New, key)
		m.Write(b)
		h = hex.EncodeToString(m.Sum(nil))
	}
	return s.w.WithContext(ctx).Exec(`INSERT INTO audit_events (id, at, actor, role, action, detail, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.At, r.Actor, r.Role, r.Action, r.Detail, *last.Hash, h, keyID).Error
}

// ExecSQL runs a statement on the writer, ? placeholders bound for the
// dialect: tests write rows as an earlier release did.
func ExecSQL(ctx context.Context, s *Store, query string, args ...any) error {
	return s.exec(s.w.WithContext(ctx), query, args...)
}

// QueryStrings runs a query on the writer and returns its rows, each
// column read as a string (NULL as "<nil>").
func QueryStrings(ctx context.Context, s *Store, query string, args ...any) ([][]string, error) {
	rows, err := s.query(s.w.WithContext(ctx), query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = "<nil>"
			if v.Valid {
				row[i] = v.String
			}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// Statements records the statements run through the store's GORM handles
// (queries, Raw and Exec) from now on; the function it returns stops the
// recording and gives them, in order.
func Statements(s *Store) func() []string {
	var mu sync.Mutex
	var out []string
	on := true
	rec := func(db *gorm.DB) {
		mu.Lock()
		defer mu.Unlock()
		if on {
			out = append(out, db.Statement.SQL.String())
		}
	}
	name := fmt.Sprintf("test:statements:%p", &out)
	handles := []*gorm.DB{s.w}
	if s.r != s.w {
		handles = append(handles, s.r)
	}
	for _, db := range handles {
		cb := db.Callback()
		_ = cb.Query().After("gorm:query").Register(name, rec)
		_ = cb.Row().After("gorm:row").Register(name, rec)
		_ = cb.Raw().After("gorm:raw").Register(name, rec)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		on = false
		return out
	}
}

// RunUpgradeSteps runs the upgrade steps not recorded as done, as Migrate
// does after the migrations.
func RunUpgradeSteps(ctx context.Context, s *Store) error { return s.runUpgradeSteps(ctx) }
