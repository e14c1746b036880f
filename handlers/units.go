package handlers

import (
	"net/http"
	"strings"

	"doingoai/models"
)

// Page sizes of the unit listing. A province has a few hundred units, the
// country eleven thousand: whole provinces fit in one page.
const (
	unitsPerPage    = 50
	maxUnitsPerPage = 1000
)

// ListUnits lists administrative units.
//
//	@Summary		List units (đơn vị hành chính)
//	@ID				listUnits
//	@Description	Units of the national list, ordered by code. `q` matches names ignoring diacritics and case ("boc nhieu" finds "Xã Bộc Nhiêu") or a whole code. Retired units are listed too, with their `valid_to`; `at` keeps those that existed on a date.
//	@Tags			units
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			parent		query		string	false	"code of the parent unit: its direct children"	extensions(x-example=167)
//	@Param			kind		query		string	false	"one kind or several separated by commas: country, province, district, commune, ward, town, special_zone"		extensions(x-example=commune)
//	@Param			q			query		string	false	"text in the name (diacritics and case ignored), or a code"	extensions(x-example=boc nhieu)
//	@Param			at			query		string	false	"only units that existed on this date (YYYY-MM-DD)"	format(date)
//	@Param			page		query		int		false	"page number, from 1"	minimum(1)	default(1)
//	@Param			per_page	query		int		false	"units per page"		minimum(1)	maximum(1000)	default(50)
//	@Success		200			{object}	models.UnitList
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		422			{object}	models.Problem	"a bad query value"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/units [get]
func (h *Handler) ListUnits(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var probs queryProblems
	f := models.UnitFilter{Query: q.Get("q")}
	f.Page = models.ParsePage(&probs.Problems, q.Get("page"), q.Get("per_page"), unitsPerPage, maxUnitsPerPage)
	if models.TextLen(f.Query) > 200 {
		probs.Add("q", "is longer than 200 characters")
	}
	var kinds []models.UnitKind
	if k := q.Get("kind"); k != "" {
		for _, s := range strings.Split(k, ",") {
			kind := models.UnitKind(strings.TrimSpace(s))
			if !kind.Valid() {
				probs.Addf("kind", "%q is not a kind; use country, province, district, commune, ward, town or special_zone", s)
				continue
			}
			kinds = append(kinds, kind)
		}
	}
	if at := q.Get("at"); at != "" {
		d, err := models.ParseDate(at)
		if err != nil {
			probs.Add("at", err.Error())
		}
		f.At = d
	}
	t, err := h.Store.Tree(r.Context())
	if err != nil {
		return err
	}
	var parent *models.TreeUnit
	if pc := q.Get("parent"); pc != "" {
		if parent = t.ByCode(pc); parent == nil {
			probs.Addf("parent", "no unit has the code %s", pc)
		}
	}
	if err := probs.err(); err != nil {
		return err
	}
	list, err := h.Store.ListUnits(r.Context(), f, parent, kinds)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}

// GetUnit returns one unit, with its lineage.
//
//	@Summary		Get a unit, with what it came from and what became of it
//	@ID				getUnit
//	@Description	The unit a code named on the day `at` (default: the unit the code names now — the one not retired, else the one retired last), with `predecessors` (the units merged or divided into it) and `successors` (the units it went into at a reorganisation), each with its dates and `share`: `full` (the whole unit) or `partial` (the unit was divided). Codes are reused: 05581 on 2024-06-01 is old xã Trung Hội, on 2025-07-01 the new xã Trung Hội (old Bộc Nhiêu 05596 + Phú Tiến 05593 + Trung Hội 05581).
//	@Tags			units
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			code	path		string	true	"unit code"	extensions(x-example=05596)
//	@Param			at		query		string	false	"the day (YYYY-MM-DD) on which the code named the unit"	format(date)
//	@Success		200		{object}	models.UnitOverTime
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		404		{object}	models.Problem	"no unit has the code (on that day)"
//	@Failure		422		{object}	models.Problem	"a bad date"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/units/{code} [get]
func (h *Handler) GetUnit(w http.ResponseWriter, r *http.Request) error {
	var at models.Date
	if s := r.URL.Query().Get("at"); s != "" {
		d, err := models.ParseDate(s)
		if err != nil {
			var probs queryProblems
			probs.Add("at", err.Error())
			return probs.err()
		}
		at = d
	}
	t, err := h.Store.Tree(r.Context())
	if err != nil {
		return err
	}
	code := r.PathValue("code")
	var u *models.TreeUnit
	if at.IsZero() {
		u = t.ByCode(code)
	} else if u = t.OnDay(code, at); u == nil && t.ByCode(code) != nil {
		return models.Errorf(models.ENOTFOUND, "no unit had the code %s on %s", code, at)
	}
	if u == nil {
		return models.Errorf(models.ENOTFOUND, "no unit has the code %s", code)
	}
	lin, err := h.Store.Lineage(r.Context(), t)
	if err != nil {
		return err
	}
	out := models.UnitOverTime{Unit: u.Model()}
	out.Predecessors, out.Successors = lin.Links(t, u)
	return writeJSON(w, http.StatusOK, out)
}

// CreateUnit adds a unit.
//
//	@Summary		Create a unit (admin)
//	@ID				createUnit
//	@Description	Adds a unit under an existing parent. A province without `parent_code` goes under the country (VN). A code in use by a unit that is not retired is a conflict.
//	@Tags			units
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit	body		models.UnitInput	true	"the new unit"
//	@Success		201		{object}	models.Unit
//	@Header			201		{string}	Location	"/api/v1/units/{code}"
//	@Failure		400		{object}	models.Problem	"malformed JSON"
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"not an admin token"
//	@Failure		409		{object}	models.Problem	"the code is in use"
//	@Failure		413		{object}	models.Problem	"body over 1 MiB"
//	@Failure		415		{object}	models.Problem	"not JSON"
//	@Failure		422		{object}	models.Problem	"invalid fields, each named"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/units [post]
func (h *Handler) CreateUnit(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if err := p.RequireRole(models.RoleAdmin); err != nil {
		return err
	}
	var in models.UnitInput
	if err := decodeJSONBody(r, &in); err != nil {
		return err
	}
	u, err := h.Store.CreateUnit(r.Context(), p, in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/units/"+u.Code)
	return writeJSON(w, http.StatusCreated, u)
}

// UpdateUnit changes a unit.
//
//	@Summary		Update a unit (admin)
//	@ID				updateUnit
//	@Description	Changes the fields sent and keeps the others. Moving a unit (`parent_code`) moves its subtree and the totals that depend on it. `valid_to` retires a unit (its reports stay); null reopens it.
//	@Tags			units
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			code	path		string				true	"unit code"	extensions(x-example=05596)
//	@Param			change	body		models.UnitPatch	true	"the fields to change"
//	@Success		200		{object}	models.Unit
//	@Failure		400		{object}	models.Problem	"malformed JSON"
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"not an admin token"
//	@Failure		404		{object}	models.Problem	"no unit has the code"
//	@Failure		409		{object}	models.Problem	"the change clashes with another unit or with reports"
//	@Failure		413		{object}	models.Problem	"body over 1 MiB"
//	@Failure		415		{object}	models.Problem	"not JSON"
//	@Failure		422		{object}	models.Problem	"invalid fields, each named"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/units/{code} [patch]
func (h *Handler) UpdateUnit(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if err := p.RequireRole(models.RoleAdmin); err != nil {
		return err
	}
	body, err := readJSONBody(r)
	if err != nil {
		return err
	}
	patch, err := models.ParseUnitPatch(body)
	if err != nil {
		return err
	}
	u, err := h.Store.UpdateUnit(r.Context(), p, r.PathValue("code"), patch)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, u)
}
