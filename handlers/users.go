package handlers

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"doingoai/app"
	"doingoai/export"
	"doingoai/models"
)

func (h *Handler) accounts() app.Accounts { return app.Accounts{Store: h.Store} }

// ListUsers lists the accounts the caller manages.
//
//	@Summary		List accounts (admin; officers: their communes' accounts)
//	@ID				listUsers
//	@Description	The people who sign in to the web app, by login, never with a password or its hash. An admin sees every account; a district or province officer (a `district` token or person) the commune accounts of the units in its scope; a commune is refused. `unit` keeps the accounts bound to that unit or a unit below it (in the caller's scope). An account whose unit has ended in a reorganisation carries `unit_valid_to`: it still signs in and reads its unit's past periods; move it to the successor (POST …/move).
//	@Tags			users
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit	query		string	false	"code of a unit: only the accounts bound to it or to a unit below it"	extensions(x-example=167)
//	@Success		200		{object}	models.UserList
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		404		{object}	models.Problem	"no unit has the code"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/users [get]
func (h *Handler) ListUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := h.accounts().List(r.Context(), principal(r), r.URL.Query().Get("unit"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, models.UserList{Items: users, Total: len(users)})
}

// CreateUser makes an account.
//
//	@Summary		Create an account (admin; officers: commune accounts)
//	@ID				createUser
//	@Description	Makes an account for a person and answers its generated password, in this answer and never again (the service keeps only its argon2id hash). An admin makes any account; a district or province officer only `commune` accounts of units in its scope (403 for another role or a unit outside it). `email` is optional; reminders go there. Written to the audit trail with the name of who made it.
//	@Tags			users
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			user	body		models.UserRequest	true	"the account to make"
//	@Success		201		{object}	models.CreatedUser
//	@Failure		400		{object}	models.Problem	"malformed JSON"
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"a commune token; an officer granting a role other than commune, or a unit outside its scope"
//	@Failure		413		{object}	models.Problem	"body over 1 MiB"
//	@Failure		415		{object}	models.Problem	"not JSON"
//	@Failure		422		{object}	models.Problem	"invalid fields, each named: a bad login, a login in use (code taken), a bad role, an unknown unit or one that does not fit the role (unknown_unit), a malformed email"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/users [post]
func (h *Handler) CreateUser(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if !app.MayManageAny(p) {
		return models.Errorf(models.EFORBIDDEN, "a %s token cannot manage accounts", p.Role)
	}
	var req models.UserRequest
	if err := decodeJSONBody(r, &req); err != nil {
		return err
	}
	u, err := h.accounts().Create(r.Context(), p, req.Input())
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusCreated, u)
}

// DisableUser disables an account.
//
//	@Summary		Disable an account
//	@ID				disableUser
//	@Description	The person can no longer sign in, and every session of the account ends at once. The account stays in the list with `disabled_at`. Who may: as for creating it. Disabling twice is a conflict. Audited.
//	@Tags			users
//	@Produce		application/problem+json
//	@Param			login	path	string	true	"the account's login"	extensions(x-example=xa05596)
//	@Success		204
//	@Failure		401	{object}	models.Problem	"no valid token"
//	@Failure		403	{object}	models.Problem	"a commune token, or an account the token does not manage"
//	@Failure		404	{object}	models.Problem	"no account has the login"
//	@Failure		409	{object}	models.Problem	"the account is already disabled"
//	@Failure		429	{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500	{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/users/{login}/disable [post]
func (h *Handler) DisableUser(w http.ResponseWriter, r *http.Request) error {
	if err := h.accounts().Disable(r.Context(), principal(r), r.PathValue("login")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// ResetUserPassword gives an account a new password.
//
//	@Summary		Reset an account's password
//	@ID				resetUserPassword
//	@Description	A new generated password, in this answer and never again; the old one stops working and every session of the account ends. A disabled account stays disabled. Who may: as for creating it. Audited.
//	@Tags			users
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			login	path		string	true	"the account's login"	extensions(x-example=xa05596)
//	@Success		200		{object}	models.CreatedUser
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"a commune token, or an account the token does not manage"
//	@Failure		404		{object}	models.Problem	"no account has the login"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/users/{login}/reset-password [post]
func (h *Handler) ResetUserPassword(w http.ResponseWriter, r *http.Request) error {
	ctx, p, login := r.Context(), principal(r), r.PathValue("login")
	pw, err := h.accounts().ResetPassword(ctx, p, login, "")
	if err != nil {
		return err
	}
	u, err := h.Store.User(ctx, login)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusOK, models.CreatedUser{User: u, Password: pw})
}

// MoveUser binds an account to another unit.
//
//	@Summary		Move an account to another unit
//	@ID				moveUser
//	@Description	Binds the account to `unit_code` from now on: the account of a commune that ended in a reorganisation (its `unit_valid_to` is set) to the unit that now reports for its territory. Its sessions go on, with the new unit's scope from their next request. An officer must have both units in scope, and only moves commune accounts; the new unit must fit the account's role and must not have ended. Audited with both units.
//	@Tags			users
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			login	path		string					true	"the account's login"	extensions(x-example=xa05596)
//	@Param			move	body		models.UserMoveRequest	true	"where to bind the account"
//	@Success		200		{object}	models.User
//	@Failure		400		{object}	models.Problem	"malformed JSON"
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"a commune token, or an account or unit outside the token's scope"
//	@Failure		404		{object}	models.Problem	"no account has the login"
//	@Failure		409		{object}	models.Problem	"the account is bound to that unit already, or is an admin's"
//	@Failure		413		{object}	models.Problem	"body over 1 MiB"
//	@Failure		415		{object}	models.Problem	"not JSON"
//	@Failure		422		{object}	models.Problem	"an unknown unit, one that does not fit the account's role, or one that has ended"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/users/{login}/move [post]
func (h *Handler) MoveUser(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if !app.MayManageAny(p) {
		return models.Errorf(models.EFORBIDDEN, "a %s token cannot manage accounts", p.Role)
	}
	var req models.UserMoveRequest
	if err := decodeJSONBody(r, &req); err != nil {
		return err
	}
	u, err := h.accounts().Move(r.Context(), p, r.PathValue("login"), strings.TrimSpace(req.UnitCode))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, u)
}

// ImportUsers makes the accounts of a CSV file.
//
//	@Summary		Create accounts from a CSV file, all or none
//	@ID				importUsers
//	@Description	The body is a CSV file (or `multipart/form-data` with the file in the field `file`): the header `login,role,unit_code,name,email` (`email` may be left out), then one account a line. A UTF-8 byte-order mark, CRLF line ends and `;` between columns (as Excel writes in Vietnamese locales) are taken. Every account is created, in one transaction, or none: every problem of the file is answered at once, each at `line N.field` — a bad login, a login twice in the file or already in use (`taken`), an unknown unit (`unknown_unit`), a role or unit the caller may not grant (`out_of_scope`: an officer makes commune accounts in its scope only), a malformed email.
//	@Description	The passwords are answered once: as JSON, or with `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` as a workbook to print and hand out — one row a person: login, name, unit, password and the sign-in address.
//	@Tags			users
//	@Accept			text/csv
//	@Accept			mpfd
//	@Produce		json
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Produce		application/problem+json
//	@Param			file	body		string	true	"the CSV file (or multipart/form-data with the field file)"
//	@Success		201		{object}	models.ImportedUsers	"every account created, with its password; a workbook with Accept of one"
//	@Failure		400		{object}	models.Problem			"a multipart form that cannot be read"
//	@Failure		401		{object}	models.Problem			"no valid token"
//	@Failure		403		{object}	models.Problem			"a commune token"
//	@Failure		413		{object}	models.Problem			"body over 1 MiB"
//	@Failure		415		{object}	models.Problem			"JSON instead of a CSV file"
//	@Failure		422		{object}	models.Problem			"the file's problems, each at its line; no account was created"
//	@Failure		429		{object}	models.Problem			"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem			"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/users/import [post]
func (h *Handler) ImportUsers(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if !app.MayManageAny(p) {
		return models.Errorf(models.EFORBIDDEN, "a %s token cannot manage accounts", p.Role)
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" || strings.HasSuffix(mt, "+json") {
		return models.Errorf(models.EMEDIATYPE, "send the CSV file itself (text/csv, or multipart/form-data with the field file), not JSON; one account is made with POST /api/v1/users")
	}
	data, err := readDocumentBody(r)
	if err != nil {
		return err
	}
	made, err := h.accounts().Import(r.Context(), p, bytes.NewReader(data))
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	signIn := export.SignInAddress(Site(r))
	if wantsWorkbook(r) {
		var buf bytes.Buffer
		if err := export.AccountsXLSX(&buf, made, signIn); err != nil {
			return err
		}
		w.Header().Set("Content-Type", export.XLSXType)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="tai-khoan-%s.xlsx"`, h.Store.Now().In(models.Vietnam).Format("2006-01-02-1504")))
		w.WriteHeader(http.StatusCreated)
		_, err := w.Write(buf.Bytes())
		return err
	}
	return writeJSON(w, http.StatusCreated, models.ImportedUsers{Items: made, Total: len(made), SignInAt: signIn})
}

// wantsWorkbook tells whether the request's Accept prefers a workbook.
func wantsWorkbook(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		if mt, _, _ := mime.ParseMediaType(strings.TrimSpace(part)); mt == export.XLSXType {
			return true
		}
	}
	return false
}

// Site is the address the request was made to ("https://host"), as the
// client (or a proxy in front, X-Forwarded-Proto) says: where people sign in.
func Site(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
