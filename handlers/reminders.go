package handlers

import (
	"net/http"

	"doingoai/app"
	"doingoai/models"
)

func (h *Handler) reminders() app.Reminders {
	r := h.Reminders
	r.Store, r.Log = h.Store, h.Log
	return r
}

// SendReminders reminds the communes whose report is awaited.
//
//	@Summary		Remind the communes that have not reported (nhắc nhở)
//	@ID				sendReminders
//	@Description	Reminds every commune-level unit below `unit_code` (or the commune itself) whose report of `period` is awaited, as GET /completeness says it: `missing` or `draft` (not sent), or `returned`. Each is recorded and shown on top of the commune's page until it sends the report; where the service sends email (`SMTP_URL`), one message goes to each account of the commune that has an `email`, in the background: the answer never waits for the mail server, and each email's outcome (`pending`, then `sent` or `failed` with why) is read with GET /reminders. 201 with the communes reminded; 200 with an empty list when none is awaited (nothing recorded or sent). A district or province officer for units in its scope, or an admin (not a commune, not a system token). Written to the audit trail (`reminder.send`, one entry per commune) with the name of who sent it.
//	@Tags			reminders
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			reminder	body		models.ReminderInput	true	"the unit, the period and an optional message"
//	@Success		200			{object}	models.ReminderList	"no commune is awaited: an empty list"
//	@Success		201			{object}	models.ReminderList	"the communes reminded"
//	@Failure		400			{object}	models.Problem		"malformed JSON"
//	@Failure		401			{object}	models.Problem		"no valid token"
//	@Failure		403			{object}	models.Problem		"a commune token, or a unit outside the token's scope"
//	@Failure		413			{object}	models.Problem		"body over 1 MiB"
//	@Failure		415			{object}	models.Problem		"not JSON"
//	@Failure		422			{object}	models.Problem		"invalid fields: a missing or bad period, an unknown unit (unknown_unit), a unit that ended before the period's last day (unit_ended, naming the units that followed it), a message too long or with control characters"
//	@Failure		429			{object}	models.Problem		"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem		"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reminders [post]
func (h *Handler) SendReminders(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	// app.Reminders' rule of roles before the body is read; Send applies
	// the rest of it (scope, a unit that ended).
	if err := h.reminders().Sender(p); err != nil {
		return err
	}
	var in models.ReminderInput
	if err := decodeJSONBody(r, &in); err != nil {
		return err
	}
	list, err := h.reminders().Send(r.Context(), p, in)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if len(list) == 0 {
		status = http.StatusOK
	}
	return writeJSON(w, status, models.ReminderList{Items: list, Total: len(list)})
}

// ListReminders lists the reminders of a period.
//
//	@Summary		List reminders
//	@ID				listReminders
//	@Description	The reminders of `period` to the communes below (or at) `unit`, newest first: who reminded which commune, when, with what message, the report's status then, and the outcome of each email (`pending`, `sent`, `failed` with why). A district or province officer or an admin in scope; a commune reads its own.
//	@Tags			reminders
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit	query		string	true	"unit code"	extensions(x-example=167)
//	@Param			period	query		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Success		200		{object}	models.ReminderList
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"a unit outside the token's scope"
//	@Failure		404		{object}	models.Problem	"no unit has the code"
//	@Failure		422		{object}	models.Problem	"a missing or bad query value"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reminders [get]
func (h *Handler) ListReminders(w http.ResponseWriter, r *http.Request) error {
	qv := r.URL.Query()
	var probs queryProblems
	if qv.Get("unit") == "" {
		probs.Add("unit", "is required")
	}
	period, err := models.ParsePeriod(qv.Get("period"))
	if err != nil {
		probs.Add("period", err.Error())
	}
	if err := probs.err(); err != nil {
		return err
	}
	list, err := h.reminders().List(r.Context(), principal(r), qv.Get("unit"), period)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, models.ReminderList{Items: list, Total: len(list)})
}
