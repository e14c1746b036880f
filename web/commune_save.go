package web

// Saving the form: a draft, a draft kept with its errors, or the report
// sent, each through the use case the API calls too (app.Reports).

import (
	"errors"
	"net/http"
	"strings"

	"doingoai/app"
	"doingoai/models"
)

// keepForm keeps the form as typed when the draft cannot be a revision
// yet, and says so.
func (a *App) keepForm(w http.ResponseWriter, r *http.Request, v communeView, values formValues) error {
	inputs := formValues{}
	for k, x := range values {
		switch k {
		case "csrf", "idem", "etag", "action":
		default:
			if strings.TrimSpace(x) != "" {
				inputs[k] = x
			}
		}
	}
	if err := a.Store.SaveFormDraft(r.Context(), session(r).Principal, v.Unit, v.Period, inputs); err != nil {
		return err
	}
	http.Redirect(w, r, v.Base+"?da=luu-tam", http.StatusSeeOther)
	return nil
}

// communeSubmit submits a report (app.Reports, as the API does) as the
// signed-in person of r. pageKey is the form's key ("" for none): it is
// the person's own idempotency key (sessionKeyFor), so that a second click
// answers as the first; while the first is being stored, the second is
// refused as in flight (ECONFLICT).
func (a *App) communeSubmit(r *http.Request, code, period string, body []byte, dryRun bool, pageKey, ifMatch string) (app.Submitted, error) {
	return app.Reports{Store: a.Store}.Submit(r.Context(), session(r).Principal, app.SubmitRequest{
		UnitCode: code, Period: period, Body: body, DryRun: dryRun, IfMatch: ifMatch,
		IdempotencyKey: sessionKeyFor(r, pageKey),
		// The form's keys have always been told apart by the route the
		// report has in the API; the same route keeps them valid.
		Route: "PUT /api/v1/reports/" + code + "/" + period,
	})
}

// readForm returns the inputs of a posted form.
func readForm(r *http.Request) (formValues, error) {
	if err := r.ParseForm(); err != nil {
		return nil, models.Errorf(models.EMALFORMED, "%s", err)
	}
	v := formValues{}
	for k, vals := range r.PostForm {
		if len(vals) > 0 {
			v[k] = vals[len(vals)-1]
		}
	}
	return v, nil
}

// The problems at the top of the form that a save refused before the API
// and one the API refused share.
const (
	problemDraftOverSent = "Báo cáo đã gửi lên cấp trên thì không lưu thành bản nháp được nữa. Muốn sửa, hãy sửa rồi bấm Gửi báo cáo."
	problemLocked        = "Báo cáo đã được duyệt nên không sửa được nữa. Nếu cần sửa, xin đề nghị cấp trên trả lại báo cáo."
)

// communeSave stores a draft or sends the report.
func (a *App) communeSave(w http.ResponseWriter, r *http.Request) error {
	v, err := a.communeLoad(r)
	if err != nil {
		return err
	}
	values, err := readForm(r)
	if err != nil {
		return err
	}
	if values["action"] == "discard" {
		return a.discardForm(w, r, v)
	}
	v.Action = models.StatusSubmitted
	if values["action"] == "draft" {
		v.Action = models.StatusDraft
	}
	if v.Problem = refusedSave(v); v.Problem != "" {
		a.renderCommune(w, r, http.StatusConflict, v, values, fieldMessages{})
		return nil
	}
	body, problems, _, inputs := formToReport(values, v.Unit.Code, v.Period, v.Action)
	if len(problems) > 0 {
		if v.Action == models.StatusDraft {
			return a.keepForm(w, r, v, values)
		}
		// Numbers the page could not read: say so at their inputs, with
		// what the API says of the rest.
		msgs := a.formErrors(r, v, body, problems, inputs)
		v.Problem = "Chưa lưu được: có ô chưa đúng (đánh dấu đỏ bên dưới). Sửa rồi bấm lại."
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, values, msgs)
		return nil
	}
	out, err := a.communeSubmit(r, v.Unit.Code, v.Period, body, false, values["idem"], values["etag"])
	if err != nil {
		return a.saveRefused(w, r, v, values, inputs, err)
	}
	if err := a.Store.DeleteFormDraft(r.Context(), v.Unit, v.Period); err != nil {
		return err
	}
	http.Redirect(w, r, v.Base+"?da="+savedAs(out), http.StatusSeeOther)
	return nil
}

// discardForm drops a draft kept with errors.
func (a *App) discardForm(w http.ResponseWriter, r *http.Request, v communeView) error {
	if err := a.Store.DeleteFormDraft(r.Context(), v.Unit, v.Period); err != nil {
		return err
	}
	http.Redirect(w, r, v.Base+"?da=bo-nhap", http.StatusSeeOther)
	return nil
}

// refusedSave says why the page will not save the form as v.Action asks,
// before asking the API, or "".
func refusedSave(v communeView) string {
	switch {
	case v.ReadOnly && !v.EndedPeriod: // a period past the commune's end: the API says why (unit_ended)
		return problemLocked
	case v.Action == models.StatusDraft && !v.CanDraft:
		return problemDraftOverSent
	}
	return ""
}

// formErrors are the messages of a form that is not stored: what the
// API's validator says of the report (a dry run), with the inputs the
// page could not read.
func (a *App) formErrors(r *http.Request, v communeView, body []byte, problems []models.FieldError, inputs formValues) fieldMessages {
	_, err := a.communeSubmit(r, v.Unit.Code, v.Period, body, true, "", "")
	var apiErr *models.Error
	var errs []models.FieldError
	if errors.As(err, &apiErr) && apiErr.Code == models.EINVALID {
		errs = apiErr.Fields
	}
	return messagesOf(append(errs, problems...), nil, inputs)
}

// saveRefused shows the form again, as typed, with why the API refused
// it; a draft with errors is kept instead.
func (a *App) saveRefused(w http.ResponseWriter, r *http.Request, v communeView, values, inputs formValues, err error) error {
	var apiErr *models.Error
	if !errors.As(err, &apiErr) {
		return err
	}
	msgs := fieldMessages{}
	httpStatus := http.StatusConflict
	switch {
	case errors.Is(err, models.ErrUnitEnded):
		httpStatus = http.StatusUnprocessableEntity
		v.Problem = endedProblem(err)
	case apiErr.Code == models.EINVALID:
		if v.Action == models.StatusDraft {
			// A draft may keep its errors: the form is kept as typed.
			return a.keepForm(w, r, v, values)
		}
		msgs = messagesOf(apiErr.Fields, nil, inputs)
		httpStatus = http.StatusUnprocessableEntity
		v.Problem = "Chưa gửi được: báo cáo còn lỗi (đánh dấu đỏ bên dưới). Sửa rồi gửi lại."
	case apiErr.Code == models.EPRECONDITION:
		httpStatus = http.StatusPreconditionFailed
		v.Problem = "Báo cáo vừa được người khác lưu hoặc gửi sau khi bạn mở trang này, nên chưa lưu nội dung của bạn. Hãy mở lại trang để xem bản mới nhất rồi sửa lại."
	case apiErr.Code == models.ECONFLICT:
		switch {
		case errors.Is(err, models.ErrDraftOverSubmitted):
			v.Problem = problemDraftOverSent
		case errors.Is(err, models.ErrReportLocked):
			v.Problem = problemLocked
		default:
			v.Problem = "Báo cáo đang được lưu từ một yêu cầu khác; hãy mở lại trang sau giây lát."
		}
	default:
		return err
	}
	a.renderCommune(w, r, httpStatus, v, values, msgs)
	return nil
}

// savedAs is the notice (?da=…) for the form after a save that was taken.
func savedAs(out app.Submitted) string {
	switch {
	case !out.New:
		return "khong-doi"
	case out.Result.Status == models.StatusDraft:
		return "luu-nhap"
	}
	return "gui"
}
