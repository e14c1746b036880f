package handlers

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
)

// CreateToken makes an API token.
//
//	@Summary		Create a token (admin)
//	@ID				createToken
//	@Description	Makes a token for a program — a commune's system, a district's dashboard — or a person. The secret (`dgo_…`) is in this answer and nowhere else, ever: the service keeps only its SHA-256. A `commune` token needs a commune-level `unit_code`, a `district` token a unit above communes (a district, a province or `VN`), an `admin` token none. The creation is written to the audit trail with the admin who made it.
//	@Description	`Idempotency-Key`: a retry by the same token with the same key and the same request (compared as read, not byte for byte) makes no second token and answers the first one again, its secret included, with `Idempotent-Replayed: true`, for as long as the key is kept (24 hours) and the token still works; after that, or once the token is revoked or expired, the same key is 409. The same key with another request is 422 (`idempotency_key_reused`). The secret is kept with the key only sealed with a key derived from the Idempotency-Key and the caller's own token, which the service does not keep: the database alone cannot read it.
//	@Tags			tokens
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			token			body		models.TokenRequest	true	"the token to make"
//	@Param			Idempotency-Key	header		string				false	"a unique key per logical request, for safe retries"
//	@Success		201				{object}	models.CreatedToken
//	@Header			201				{string}	Idempotent-Replayed	"true when this is the stored answer to an earlier request with the same Idempotency-Key"
//	@Failure		400		{object}	models.Problem	"malformed JSON"
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"not an admin token"
//	@Failure		413		{object}	models.Problem	"body over 1 MiB"
//	@Failure		415		{object}	models.Problem	"not JSON"
//	@Failure		409		{object}	models.Problem	"the Idempotency-Key made a token that is revoked or expired since, or is older than 24 hours"
//	@Failure		422		{object}	models.Problem	"invalid fields, each named: a bad role, a unit that does not exist or does not fit the role, a bad expiry; a bad Idempotency-Key, or one reused with another request"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/tokens [post]
func (h *Handler) CreateToken(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if err := p.RequireRole(models.RoleAdmin); err != nil {
		return err
	}
	var req models.TokenRequest
	if err := decodeJSONBody(r, &req); err != nil {
		return err
	}
	in, err := req.Input()
	if err != nil {
		return err
	}
	secret, tok, replayed, err := h.createToken(r, p, in)
	var de *models.Error
	if errors.As(err, &de) {
		for i := range de.Fields {
			de.Fields[i].Field = models.TokenRequestField(de.Fields[i].Field)
		}
	}
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	return writeJSON(w, http.StatusCreated, models.CreatedToken{ID: tok.ID, Token: secret, Role: tok.Role, UnitCode: tok.UnitCode, Name: tok.Name, ExpiresAt: tok.ExpiresAt})
}

// createToken makes the token of a request: once per Idempotency-Key when
// the request has one, as the admin page's token form does
// (store.CreateTokenOnce). The answer kept with the key holds the secret
// sealed with a key derived from the Idempotency-Key and the caller's own
// bearer secret, which the service keeps only as a hash: a retry by the
// same token can unseal it, the database alone cannot, however guessable
// the Idempotency-Key.
func (h *Handler) createToken(r *http.Request, p models.Principal, in models.TokenInput) (secret string, tok models.Token, replayed bool, err error) {
	idem, err := idempotencyKey(r)
	if err != nil || idem == "" {
		if err == nil {
			secret, tok, err = h.Store.CreateToken(r.Context(), p, in)
		}
		return secret, tok, false, err
	}
	_, bearer, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	seal := sha256.New()
	seal.Write([]byte("doingoai api token Idempotency-Key\x00"))
	seal.Write([]byte(strings.TrimSpace(bearer) + "\x00" + idem))
	secret, tok, replayed, err = h.Store.CreateTokenOnce(r.Context(), p, in, fmt.Sprintf("api-%d", p.TokenID), secure.SealFor(seal.Sum(nil)))
	switch {
	case errors.Is(err, models.ErrKeyReused):
		err = models.KeyReused(idem)
	case errors.Is(err, store.ErrFormSpent):
		err = models.Errorf(models.ECONFLICT, "the token made with the Idempotency-Key %q is revoked or expired, or the key is older than %s: its secret is not given again; use a new key to make a new token", idem, store.IdempotencyKeyTTL)
	}
	return secret, tok, replayed, err
}

// ListTokens lists the tokens.
//
//	@Summary		List tokens (admin)
//	@ID				listTokens
//	@Description	Every token, oldest first, with its role, unit, expiry, revocation and last use — never its secret, which is not kept.
//	@Tags			tokens
//	@Produce		json
//	@Produce		application/problem+json
//	@Success		200	{object}	models.TokenList
//	@Failure		401	{object}	models.Problem	"no valid token"
//	@Failure		403	{object}	models.Problem	"not an admin token"
//	@Failure		429	{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500	{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/tokens [get]
func (h *Handler) ListTokens(w http.ResponseWriter, r *http.Request) error {
	if err := principal(r).RequireRole(models.RoleAdmin); err != nil {
		return err
	}
	toks, err := h.Store.ListTokens(r.Context())
	if err != nil {
		return err
	}
	if toks == nil {
		toks = []models.Token{}
	}
	return writeJSON(w, http.StatusOK, models.TokenList{Items: toks, Total: len(toks)})
}

// RevokeToken revokes a token.
//
//	@Summary		Revoke a token (admin)
//	@ID				revokeToken
//	@Description	The token stops working on every server within a second. It stays in the list, with `revoked_at`, and the revocation is written to the audit trail. Revoking a token twice is a conflict.
//	@Tags			tokens
//	@Produce		application/problem+json
//	@Param			id	path	integer	true	"the token's id (from the list)"	extensions(x-example=7)
//	@Success		204
//	@Failure		401	{object}	models.Problem	"no valid token"
//	@Failure		403	{object}	models.Problem	"not an admin token"
//	@Failure		404	{object}	models.Problem	"no token has this id"
//	@Failure		409	{object}	models.Problem	"the token is already revoked"
//	@Failure		429	{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500	{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/tokens/{id} [delete]
func (h *Handler) RevokeToken(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if err := p.RequireRole(models.RoleAdmin); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return models.Errorf(models.ENOTFOUND, "no token has the id %q: ids are whole numbers, as GET /api/v1/tokens lists them", r.PathValue("id"))
	}
	if err := h.Store.RevokeToken(r.Context(), p, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
