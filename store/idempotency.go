package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"doingoai/models"
)

// Idempotency keys follow the IETF draft "The Idempotency-Key HTTP Header
// Field": a retry carrying the key and the same request gets the first
// answer again and changes nothing; the key with another request is an
// error. Keys belong to a token and are kept in the database — across
// restarts and servers — for at least IdempotencyKeyTTL.
const IdempotencyKeyTTL = 24 * time.Hour

type idemKey struct {
	token int64
	key   string
}

// storedOutcome is the first answer to a keyed request.
type storedOutcome struct {
	TokenID     int64
	IdemKey     string
	RequestHash []byte
	Status      int
	Body        string
	Location    *string
	ETag        *string `gorm:"column:etag"` // GORM would read "e_tag"
}

func (o storedOutcome) replay() Submitted {
	a := &Answer{Status: o.Status, Body: []byte(o.Body)}
	if o.Location != nil {
		a.Location = *o.Location
	}
	if o.ETag != nil {
		a.ETag = *o.ETag
	}
	return Submitted{Replay: a}
}

// KeyReused is the error of an Idempotency-Key sent again with another
// request: EINVALID (422) naming the key, models.ErrKeyReused.
func KeyReused(key string) error { return keyReused(key) }

func keyReused(key string) error {
	return &models.Error{Code: models.EINVALID, Err: models.ErrKeyReused, Message: "the Idempotency-Key was already used for a different request",
		Fields: []models.FieldError{{Field: "Idempotency-Key", Code: models.FKeyReused, Message: fmt.Sprintf("%q belongs to another request; use a new key for a new request", key)}}}
}

// LookupIdempotent returns the stored answer of a keyed request made
// before, if any: the fast path of a retry, which needs no write.
//
// Errors: EINVALID if the key was used for a different request.
func (s *Store) LookupIdempotent(ctx context.Context, tokenID int64, key IdempotencyKey) (*Answer, error) {
	var rows []storedOutcome
	err := s.r.WithContext(ctx).Raw(`SELECT token_id, idem_key, request_hash, status, body, location, etag FROM idempotency_keys
		WHERE token_id = ? AND idem_key = ? AND status > 0`, tokenID, key.Key).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	if !bytes.Equal(rows[0].RequestHash, key.RequestHash) {
		return nil, keyReused(key.Key)
	}
	return rows[0].replay().Replay, nil
}

// claimIdempotencyKeys takes the keys of a batch's keyed submissions. A key
// stored by an earlier (committed) request answers its submission with that
// request's answer, or with an error if the request differs; a key used
// twice within the batch makes the second wait for the first. It returns
// the submissions still to process.
func (s *Store) claimIdempotencyKeys(tx *gorm.DB, batch []*pending) ([]*pending, error) {
	first := map[idemKey]*pending{}
	var keys []idemKey
	for _, p := range batch {
		if p.sub.Idem == nil {
			continue
		}
		k := idemKey{p.sub.Principal.TokenID, p.sub.Idem.Key}
		if _, ok := first[k]; !ok {
			first[k] = p
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return batch, nil
	}
	slices.SortFunc(keys, func(a, b idemKey) int {
		if a.token != b.token {
			return int(a.token - b.token)
		}
		return strings.Compare(a.key, b.key)
	})
	now := micros(s.Now())
	// Insert every key; ON CONFLICT leaves out those another request holds
	// (on PostgreSQL, waiting for that request's transaction to end).
	var sb strings.Builder
	args := make([]any, 0, 4*len(keys))
	sb.WriteString("INSERT INTO idempotency_keys (token_id, idem_key, request_hash, status, body, created_at) VALUES ")
	for i, k := range keys {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?, ?, ?, 0, '', ?)")
		args = append(args, k.token, k.key, first[k].sub.Idem.RequestHash, now)
	}
	sb.WriteString(" ON CONFLICT (token_id, idem_key) DO NOTHING RETURNING token_id, idem_key")
	var claimed []struct {
		TokenID int64
		IdemKey string
	}
	if err := tx.Raw(sb.String(), args...).Scan(&claimed).Error; err != nil {
		return nil, fmt.Errorf("claim idempotency keys: %w", err)
	}
	mine := map[idemKey]bool{}
	for _, c := range claimed {
		mine[idemKey{c.TokenID, c.IdemKey}] = true
	}
	var taken []any
	var cond []string
	for _, k := range keys {
		if !mine[k] {
			cond = append(cond, "(token_id = ? AND idem_key = ?)")
			taken = append(taken, k.token, k.key)
		}
	}
	stored := map[idemKey]storedOutcome{}
	if len(cond) > 0 {
		var rows []storedOutcome
		if err := tx.Raw("SELECT token_id, idem_key, request_hash, status, body, location, etag FROM idempotency_keys WHERE "+
			strings.Join(cond, " OR "), taken...).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			stored[idemKey{r.TokenID, r.IdemKey}] = r
		}
	}
	var active []*pending
	for _, p := range batch {
		if p.sub.Idem == nil {
			active = append(active, p)
			continue
		}
		k := idemKey{p.sub.Principal.TokenID, p.sub.Idem.Key}
		switch r, ok := stored[k]; {
		case ok && !bytes.Equal(r.RequestHash, p.sub.Idem.RequestHash):
			p.err = keyReused(k.key)
		case ok && r.Status == 0:
			p.err = &models.Error{Code: models.ECONFLICT, Err: models.ErrKeyInFlight, Message: "a request with this Idempotency-Key is still being processed; retry in a moment"}
		case ok:
			p.out = r.replay()
		case first[k] != p && !bytes.Equal(first[k].sub.Idem.RequestHash, p.sub.Idem.RequestHash):
			p.err = keyReused(k.key)
		case first[k] != p:
			p.follows = first[k] // a retry within the batch: answered as the first
		default:
			active = append(active, p)
		}
	}
	return active, nil
}

// recordIdempotentOutcomes stores the answers of keyed submissions that
// succeeded, and gives the repeats of a key within the batch the same
// answer. A key whose request failed is released, so that a retry is
// evaluated anew.
func (s *Store) recordIdempotentOutcomes(tx *gorm.DB, batch []*pending) error {
	answers := map[*pending]*Answer{}
	for _, p := range batch {
		if p.sub.Idem == nil || p.follows != nil || p.out.Replay != nil {
			continue
		}
		if p.err != nil {
			if err := tx.Exec("DELETE FROM idempotency_keys WHERE token_id = ? AND idem_key = ? AND status = 0",
				p.sub.Principal.TokenID, p.sub.Idem.Key).Error; err != nil {
				return err
			}
			continue
		}
		a, err := p.sub.Answer(p.out)
		if err != nil {
			return fmt.Errorf("answer a keyed submission: %w", err)
		}
		answers[p] = &a
		if err := tx.Exec("UPDATE idempotency_keys SET status = ?, body = ?, location = ?, etag = ? WHERE token_id = ? AND idem_key = ?",
			a.Status, string(a.Body), a.Location, a.ETag, p.sub.Principal.TokenID, p.sub.Idem.Key).Error; err != nil {
			return err
		}
	}
	for _, p := range batch {
		if p.follows != nil {
			p.err = p.follows.err
			p.out = Submitted{Replay: answers[p.follows]}
			if p.err == nil && p.out.Replay == nil {
				p.out = p.follows.out // the first was itself a replay
			}
		}
	}
	return nil
}

// PurgeIdempotencyKeys deletes keys older than twice IdempotencyKeyTTL.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context) (int64, error) {
	cutoff := micros(s.Now().Add(-2 * IdempotencyKeyTTL))
	var n int64
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM idempotency_keys WHERE created_at < ?", cutoff)
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}
