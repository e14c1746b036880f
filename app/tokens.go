package app

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
)

// Tokens are the API tokens: the keys of the programs that call the
// service (a commune's system, a district's dashboard) and of people.
// POST, GET and DELETE /api/v1/tokens, the admin's page "Mã truy cập cho
// phần mềm" and `doingoai token create|list|revoke` call the same Create,
// List and Revoke, each under the one rule of who manages tokens (May).
type Tokens struct {
	Store *store.Store
}

// May is the one rule of who manages tokens: an admin (its token or its
// account) and the command line on the server make, list and revoke every
// token, whatever its role and unit; nobody else manages any — a
// district's or province's officer makes no token, not even a commune
// token for a commune in its scope, and a commune none.
//
// Errors: EFORBIDDEN.
func (Tokens) May(p models.Principal) error {
	if p.Role == models.RoleSystem {
		return nil
	}
	return models.WithMessage(p.RequireRole(models.RoleAdmin), models.MTokensAdminOnly, models.Params{"role": string(p.Role)})
}

// TokenKey makes a token once for a request that may be sent again — an
// API request retried with its Idempotency-Key, the admin page's form sent
// twice: the first makes the token, the same request again makes none and
// is answered with the same token and its secret, kept sealed with a key
// that only the sender holds. The zero TokenKey makes a token every time.
type TokenKey struct {
	scope string          // whose keys these are: "api-<token id>", "web-<user id>"
	idem  string          // the Idempotency-Key as sent, for the API's messages; "" for a form
	seal  secure.FormSeal // seals the secret kept with the key
}

// APITokenKey is the key of POST /api/v1/tokens sent with an
// Idempotency-Key by p with its bearer secret. The answer kept with the
// key holds the secret sealed with a key derived from the Idempotency-Key
// and the caller's own bearer secret, which the service keeps only as a
// hash: a retry by the same token can unseal it, the database alone
// cannot, however guessable the Idempotency-Key.
func APITokenKey(p models.Principal, bearer, idem string) TokenKey {
	seal := sha256.New()
	seal.Write([]byte("doingoai api token Idempotency-Key\x00"))
	seal.Write([]byte(bearer + "\x00" + idem))
	return TokenKey{scope: fmt.Sprintf("api-%d", p.TokenID), idem: idem, seal: secure.SealFor(seal.Sum(nil))}
}

// FormTokenKey is the key of the admin page's token form, shown to the
// account with the id userID: the form's own random key, of at least
// secure.FormKeyMin bytes. A form without one (nil, too short) makes no
// token: once its fields are found good, Create refuses it
// (store.ErrNoFormKey).
func FormTokenKey(userID int64, formKey []byte) TokenKey {
	return TokenKey{scope: fmt.Sprintf("web-%d", userID), seal: secure.SealFor(formKey)}
}

// NewToken asks for a token: what it is, and the key it is made once for
// (none: made every time).
type NewToken struct {
	Input models.TokenInput
	Key   TokenKey
}

// Create makes the token asked for and returns it with its secret, which
// is given in this answer and never again (but to the same request sent
// again with its key); replayed tells that the token was made by an
// earlier request with the same key. The token's creation is audited with
// p.
//
// Errors: EFORBIDDEN for a principal that manages no token (May); EINVALID
// for a bad role, a missing or unknown unit, a unit of the wrong kind (a
// commune token needs a commune-level unit, a district token a unit above
// communes), a bad name or lifetime (fields named as TokenInput's: role,
// unit, name, expires), for a key reused with another request
// (models.ErrKeyReused) and for a form without its key
// (store.ErrNoFormKey); ECONFLICT (store.ErrFormSpent) for a key whose
// token is revoked or expired since, or that is older than
// store.IdempotencyKeyTTL.
func (ts Tokens) Create(ctx context.Context, p models.Principal, req NewToken) (tok models.CreatedToken, replayed bool, err error) {
	if err := ts.May(p); err != nil {
		return tok, false, err
	}
	secret, err := secure.NewTokenSecret()
	if err != nil {
		return tok, false, err
	}
	var t models.Token
	if req.Key.scope == "" {
		t, err = ts.Store.CreateToken(ctx, p, req.Input, secret)
	} else {
		secret, t, replayed, err = ts.Store.CreateTokenOnce(ctx, p, req.Input, secret, req.Key.scope, req.Key.seal)
	}
	if err != nil {
		return tok, false, req.Key.refusal(err)
	}
	return models.CreatedToken{ID: t.ID, Token: secret, Role: t.Role, UnitCode: t.UnitCode, Name: t.Name, ExpiresAt: t.ExpiresAt}, replayed, nil
}

// refusal is the domain's error for what the store said of a key.
func (k TokenKey) refusal(err error) error {
	switch {
	case errors.Is(err, models.ErrKeyReused) && k.idem != "":
		return models.KeyReused(k.idem)
	case errors.Is(err, store.ErrFormSpent):
		what, code, params := "form", models.MTokenFormSpent, models.Params(nil)
		if k.idem != "" {
			what, code, params = fmt.Sprintf("Idempotency-Key %q", k.idem), models.MTokenKeySpent, models.Params{"key": k.idem}
		}
		return &models.Error{Code: models.ECONFLICT, Err: err, MessageCode: code, Params: params,
			Message: fmt.Sprintf("the token made with the %s is revoked or expired, or the key is older than %s: its secret is not given again; use a new key to make a new token", what, store.IdempotencyKeyTTL)}
	case errors.Is(err, store.ErrNoFormKey):
		return &models.Error{Code: models.EINVALID, Err: err, Message: "the token cannot be created",
			Fields: []models.FieldError{{Field: "form_key", Code: models.FRequired, Message: fmt.Sprintf("a token form needs its key of at least %d random bytes", secure.FormKeyMin),
				MessageCode: models.MTokenFormKey, Params: models.Params{"min": secure.FormKeyMin}}}}
	}
	return err
}

// List returns every token, oldest first, never a secret (none is kept).
//
// Errors: EFORBIDDEN for a principal that manages no token (May).
func (ts Tokens) List(ctx context.Context, p models.Principal) ([]models.Token, error) {
	if err := ts.May(p); err != nil {
		return nil, err
	}
	toks, err := ts.Store.ListTokens(ctx)
	if toks == nil && err == nil {
		toks = []models.Token{}
	}
	return toks, err
}

// Revoke revokes the token with the id: it stops working on every server
// within a second and stays in the list, with its revocation, which is
// audited with p.
//
// Errors: EFORBIDDEN for a principal that manages no token (May);
// ENOTFOUND for an unknown id; ECONFLICT for a token already revoked.
func (ts Tokens) Revoke(ctx context.Context, p models.Principal, id int64) error {
	if err := ts.May(p); err != nil {
		return err
	}
	return ts.Store.RevokeToken(ctx, p, id)
}
