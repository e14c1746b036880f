package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"doingoai/app"
	"doingoai/models"
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
	tokens := h.tokens()
	if err := tokens.May(p); err != nil {
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
	idem, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	nt := app.NewToken{Input: in}
	if idem != "" {
		_, bearer, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
		nt.Key = app.APITokenKey(p, strings.TrimSpace(bearer), idem)
	}
	created, replayed, err := tokens.Create(r.Context(), p, nt)
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
	return writeJSON(w, http.StatusCreated, created)
}

// tokens is the use case of the token endpoints.
func (h *Handler) tokens() app.Tokens { return app.Tokens{Store: h.Store} }

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
	toks, err := h.tokens().List(r.Context(), principal(r))
	if err != nil {
		return err
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
	tokens := h.tokens()
	if err := tokens.May(p); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return models.Errorf(models.ENOTFOUND, "no token has the id %q: ids are whole numbers, as GET /api/v1/tokens lists them", r.PathValue("id"))
	}
	if err := tokens.Revoke(r.Context(), p, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
