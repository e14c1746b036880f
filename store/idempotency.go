package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"doingoai/models"
)

// An idempotency key makes a request safe to send again: a retry carrying
// the key and the same request is given the first one's outcome again and
// changes nothing; the key with another request is an error. Keys belong
// to a token and are kept in the database — across restarts and servers —
// for at least IdempotencyKeyTTL.
const IdempotencyKeyTTL = 24 * time.Hour

type idemKey struct {
	token int64
	key   string
}

// What a keyed request did, as idempotency_keys.outcome keeps it.
const (
	outcomeInFlight  = ""          // the request that claimed the key is not done yet
	outcomeCreated   = "created"   // a new revision (or, for a token form, a new token)
	outcomeUnchanged = "unchanged" // identical to the report's current revision; nothing stored
)

// storedOutcome is what the first request with a key did: its outcome,
// its result as JSON and the report's ETag.
type storedOutcome struct {
	tokenID     int64
	key         string
	requestHash []byte
	outcome     string
	body        string
	etag        sql.NullString
}

// readOutcomes reads the stored outcomes of a query that selects
// storedOutcomeCols.
func readOutcomes(rows *sql.Rows, err error) ([]storedOutcome, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedOutcome
	for rows.Next() {
		var o storedOutcome
		if err := rows.Scan(&o.tokenID, &o.key, &o.requestHash, &o.outcome, &o.body, &o.etag); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

const storedOutcomeCols = "token_id, idem_key, request_hash, outcome, body, etag"

// replay is the submission's outcome as the first request got it, given
// again.
func (o storedOutcome) replay() (Submitted, error) {
	out := Submitted{Replayed: true, Created: o.outcome == outcomeCreated, ETag: o.etag.String}
	if err := json.Unmarshal([]byte(o.body), &out.Result); err != nil {
		return Submitted{}, fmt.Errorf("read the outcome kept with the Idempotency-Key %q: %w", o.key, err)
	}
	return out, nil
}

// LookupIdempotent returns what a keyed request made before did, if one
// was (found), as a Replayed outcome: the fast path of a retry, which
// needs no write.
//
// Errors: EINVALID if the key was used for a different request.
func (s *Store) LookupIdempotent(ctx context.Context, tokenID int64, key IdempotencyKey) (out Submitted, found bool, err error) {
	rows, err := readOutcomes(s.query(s.r.WithContext(ctx), "SELECT "+storedOutcomeCols+" FROM idempotency_keys WHERE token_id = ? AND idem_key = ? AND outcome <> ''",
		tokenID, key.Key))
	if err != nil || len(rows) == 0 {
		return Submitted{}, false, err
	}
	if !bytes.Equal(rows[0].requestHash, key.RequestHash) {
		return Submitted{}, false, models.KeyReused(key.Key)
	}
	out, err = rows[0].replay()
	return out, err == nil, err
}

// claimIdempotencyKeys takes the keys of a batch's keyed submissions. A key
// stored by an earlier (committed) request gives its submission that
// request's outcome, replayed, or an error if the request differs; a key
// used twice within the batch makes the second wait for the first. It
// returns the submissions still to process.
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
	mine := map[idemKey]bool{}
	err := s.insertRowsReturning(tx, "idempotency_keys", []string{"token_id", "idem_key", "request_hash", "outcome", "body", "created_at"}, len(keys),
		func(i int, args []any) []any {
			k := keys[i]
			return append(args, k.token, k.key, first[k].sub.Idem.RequestHash, outcomeInFlight, "", now)
		},
		" ON CONFLICT (token_id, idem_key) DO NOTHING RETURNING token_id, idem_key",
		func(rows *sql.Rows) error {
			var k idemKey
			err := rows.Scan(&k.token, &k.key)
			mine[k] = true
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("claim idempotency keys: %w", err)
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
		rows, err := readOutcomes(s.query(tx, "SELECT "+storedOutcomeCols+" FROM idempotency_keys WHERE "+strings.Join(cond, " OR "), taken...))
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			stored[idemKey{r.tokenID, r.key}] = r
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
		case ok && !bytes.Equal(r.requestHash, p.sub.Idem.RequestHash):
			p.err = models.KeyReused(k.key)
		case ok && r.outcome == outcomeInFlight:
			p.err = models.KeyInFlight()
		case ok:
			p.out, p.err = r.replay()
		case first[k] != p && !bytes.Equal(first[k].sub.Idem.RequestHash, p.sub.Idem.RequestHash):
			p.err = models.KeyReused(k.key)
		case first[k] != p:
			p.follows = first[k] // a retry within the batch: given the first's outcome
		default:
			active = append(active, p)
		}
	}
	return active, nil
}

// recordIdempotentOutcomes keeps, with the key of each keyed submission
// that succeeded, what it did, and gives the repeats of a key within the
// batch the same outcome, replayed. A key whose request failed is
// released, so that a retry is evaluated anew.
func (s *Store) recordIdempotentOutcomes(tx *gorm.DB, batch []*pending) error {
	kept := map[*pending]storedOutcome{}
	for _, p := range batch {
		if p.sub.Idem == nil || p.follows != nil || p.out.Replayed {
			continue
		}
		if p.err != nil {
			if err := s.exec(tx, "DELETE FROM idempotency_keys WHERE token_id = ? AND idem_key = ? AND outcome = ''",
				p.sub.Principal.TokenID, p.sub.Idem.Key); err != nil {
				return err
			}
			continue
		}
		body, err := json.Marshal(p.out.Result)
		if err != nil {
			return fmt.Errorf("keep a keyed submission's outcome: %w", err)
		}
		o := storedOutcome{key: p.sub.Idem.Key, outcome: outcomeUnchanged, body: string(body), etag: sql.NullString{String: p.out.ETag, Valid: true}}
		if p.out.Created {
			o.outcome = outcomeCreated
		}
		kept[p] = o
		if err := s.exec(tx, "UPDATE idempotency_keys SET outcome = ?, body = ?, etag = ? WHERE token_id = ? AND idem_key = ?",
			o.outcome, o.body, o.etag, p.sub.Principal.TokenID, p.sub.Idem.Key); err != nil {
			return err
		}
	}
	for _, p := range batch {
		f := p.follows
		switch {
		case f == nil:
		case f.err != nil:
			p.out, p.err = Submitted{}, f.err
		case f.out.Replayed: // the first was itself a replay
			p.out = f.out
		default:
			// As a later retry will read it back.
			var err error
			if p.out, err = kept[f].replay(); err != nil {
				return err
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
