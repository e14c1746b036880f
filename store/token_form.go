package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"doingoai/models"
)

// A token made from a form that may be sent twice — a double click, a
// reload that sends the form again — is made once (CreateTokenOnce): the
// first request stores, under a name the form's key gives, the token and
// its secret sealed with that key, in idempotency_keys (so across servers,
// for IdempotencyKeyTTL). The same form sent again is answered with that
// token and its secret, which only the holder of the form can unseal: the
// database alone never holds a secret it can read. The sealing is
// package secure's (secure.SealFor); the store keeps the sealed bytes.

// tokenFormAnswer is the body stored for a token form.
type tokenFormAnswer struct {
	Token  models.Token `json:"token"`
	Sealed []byte       `json:"sealed"` // what FormSeal.Seal returned
}

// tokenFormRow is a token form's key as stored in idempotency_keys.
type tokenFormRow struct {
	RequestHash []byte
	Outcome     string
	Body        string
	CreatedAt   int64
}

// FormSeal seals a token's secret for the form that made it, and opens it
// again (secure.FormSeal): only the holder of the form's key can.
type FormSeal interface {
	// Name is what the form's key is stored under; "" when the form came
	// without a usable key.
	Name() string
	// Seal seals plain, bound to ad; Open opens what Seal sealed.
	Seal(plain, ad []byte) ([]byte, error)
	Open(sealed, ad []byte) ([]byte, error)
}

// ErrNoFormKey: a token form came without a usable key (its seal has no
// Name; the fields are checked first).
var ErrNoFormKey = errors.New("a token form needs its key of at least 16 random bytes")

// ErrFormSpent: a token form sent again whose token can no longer be
// given back — revoked or expired since, or the form older than
// IdempotencyKeyTTL. Nothing is made: the person opens the page anew.
var ErrFormSpent = errors.New("the token this form made is revoked or expired, or the form is too old to send again")

// CreateTokenOnce is CreateToken for a form: the first request with the
// form's key (its seal: secure.SealFor of at least 16 random bytes, unique
// to the form shown) makes the token, with newSecret as its secret; the
// same form sent again, even at the same moment, makes none and returns
// the same token and the secret it was given, with replayed true. scope names the
// person (the web app's "web-<user id>"). The form's key with other fields
// is EINVALID (ErrKeyReused); no key at all is ErrNoFormKey, once the
// fields are found good.
func (s *Store) CreateTokenOnce(ctx context.Context, p models.Principal, in models.TokenInput, newSecret, scope string, form FormSeal) (secret string, tok models.Token, replayed bool, err error) {
	nt, err := s.newToken(ctx, in, newSecret)
	if err != nil {
		return "", models.Token{}, false, err
	}
	var name string
	if form != nil {
		name = form.Name()
	}
	if name == "" {
		return "", models.Token{}, false, ErrNoFormKey
	}
	key := scope + "-token-" + name
	reqJSON, err := json.Marshal(in)
	if err != nil {
		return "", models.Token{}, false, fmt.Errorf("encode the token form: %w", err)
	}
	reqHash := sha256.Sum256(reqJSON)
	err = s.writeTx(ctx, func(tx *gorm.DB) error {
		replayed = false
		// The claim waits, on PostgreSQL, for another request holding the
		// key to end; with it taken, this request is the form sent again.
		res := tx.Exec(`INSERT INTO idempotency_keys (token_id, idem_key, request_hash, outcome, body, created_at)
			VALUES (0, ?, ?, '', '', ?) ON CONFLICT (token_id, idem_key) DO NOTHING`, key, reqHash[:], micros(s.Now()))
		if res.Error != nil {
			return fmt.Errorf("claim the token form's key: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			var rows []tokenFormRow
			if err := tx.Raw(`SELECT request_hash, outcome, body, created_at FROM idempotency_keys WHERE token_id = 0 AND idem_key = ?`, key).
				Scan(&rows).Error; err != nil {
				return err
			}
			if len(rows) == 0 || rows[0].Outcome == outcomeInFlight {
				return fmt.Errorf("the token form's key %s is taken but holds no answer", key)
			}
			if !bytes.Equal(rows[0].RequestHash, reqHash[:]) {
				return models.KeyReused("the form")
			}
			var a tokenFormAnswer
			if err := json.Unmarshal([]byte(rows[0].Body), &a); err != nil {
				return err
			}
			plain, err := form.Open(a.Sealed, []byte(key))
			if err != nil {
				return fmt.Errorf("unseal a token form's answer: %w", err)
			}
			// Only a token that still works is given back, and only within
			// the time a key is promised to be kept.
			now := s.Now()
			if micros(now.Add(-IdempotencyKeyTTL)) > rows[0].CreatedAt {
				return ErrFormSpent
			}
			var state struct {
				RevokedAt *int64
				ExpiresAt *int64
			}
			if err := tx.Raw(`SELECT revoked_at, expires_at FROM tokens WHERE id = ?`, a.Token.ID).Scan(&state).Error; err != nil {
				return err
			}
			if state.RevokedAt != nil || state.ExpiresAt != nil && *state.ExpiresAt <= micros(now) {
				return ErrFormSpent
			}
			secret, tok, replayed = string(plain), a.Token, true
			return nil
		}
		if err := s.insertToken(tx, p, &nt); err != nil {
			return err
		}
		sealed, err := form.Seal([]byte(nt.secret), []byte(key))
		if err != nil {
			return err
		}
		body, err := json.Marshal(tokenFormAnswer{Token: nt.tok, Sealed: sealed})
		if err != nil {
			return err
		}
		secret, tok = nt.secret, nt.tok
		return tx.Exec(`UPDATE idempotency_keys SET outcome = ?, body = ? WHERE token_id = 0 AND idem_key = ?`, outcomeCreated, string(body), key).Error
	})
	if err != nil {
		return "", models.Token{}, false, err
	}
	return secret, tok, replayed, nil
}
