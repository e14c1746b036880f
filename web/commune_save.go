package web

// Saving the form: a draft, a draft kept with its errors, or the report
// sent, each through the API's own submission handler.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"doingoai/handlers"
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

// communeSubmit sends a report through the API's submission handler, in
// process, as the signed-in person. It answers the API's result or its
// error (a *models.Error for anything the API refuses).
func (a *App) communeSubmit(ctx context.Context, p models.Principal, code, period string, body []byte, dryRun bool, idemKey, ifMatch string) (models.SubmitResult, int, error) {
	target := "/api/v1/reports/" + url.PathEscape(code) + "/" + url.PathEscape(period)
	if dryRun {
		target += "?dry_run=true"
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(models.WithPrincipal(ctx, p), http.MethodPut, target, bytes.NewReader(body))
		if err != nil {
			return models.SubmitResult{}, 0, err
		}
		req.Header.Set("Content-Type", "application/json")
		if idemKey != "" {
			req.Header.Set("Idempotency-Key", idemKey)
		}
		if ifMatch != "" {
			req.Header.Set("If-Match", ifMatch)
		}
		req.SetPathValue("unit_code", code)
		req.SetPathValue("period", period)
		rec := httptest.NewRecorder()
		err = (&handlers.Handler{Store: a.Store, Log: a.Log}).PutReport(rec, req)
		// A second click sent while the first is being stored finds its
		// key in flight (409): once the first is stored, the same key
		// answers with its result. Wait for it a little.
		if err != nil && idemKey != "" && models.ErrorCode(err) == models.ECONFLICT && attempt < 25 &&
			!errors.Is(err, models.ErrReportLocked) && !errors.Is(err, models.ErrDraftOverSubmitted) {
			select {
			case <-ctx.Done():
				return models.SubmitResult{}, 0, ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
			continue
		}
		if err != nil {
			return models.SubmitResult{}, 0, err
		}
		var res models.SubmitResult
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			return res, 0, err
		}
		return res, rec.Code, nil
	}
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
		if err := a.Store.DeleteFormDraft(r.Context(), v.Unit, v.Period); err != nil {
			return err
		}
		http.Redirect(w, r, v.Base+"?da=bo-nhap", http.StatusSeeOther)
		return nil
	}
	status := models.StatusSubmitted
	if values["action"] == "draft" {
		status = models.StatusDraft
	}
	v.Action = status
	if status == models.StatusDraft && !v.CanDraft && !v.ReadOnly {
		v.Problem = "Báo cáo đã gửi lên cấp trên thì không lưu thành bản nháp được nữa. Muốn sửa, hãy sửa rồi bấm Gửi báo cáo."
		a.renderCommune(w, r, http.StatusConflict, v, values, fieldMessages{})
		return nil
	}
	if v.ReadOnly {
		v.Problem = "Báo cáo đã được duyệt nên không sửa được nữa. Nếu cần sửa, xin đề nghị cấp trên trả lại báo cáo."
		a.renderCommune(w, r, http.StatusConflict, v, values, fieldMessages{})
		return nil
	}
	body, problems, _, inputs := formToReport(values, v.Unit.Code, v.Period, status)
	if len(problems) > 0 && status == models.StatusDraft {
		return a.keepForm(w, r, v, values)
	}
	if len(problems) > 0 {
		// Numbers the page could not read: say so at their inputs, with
		// what the API says of the rest.
		_, _, err := a.communeSubmit(r.Context(), session(r).Principal, v.Unit.Code, v.Period, body, true, "", "")
		var apiErr *models.Error
		var more []models.FieldError
		if errors.As(err, &apiErr) && apiErr.Code == models.EINVALID {
			more = apiErr.Fields
		}
		msgs := messagesOf(append(more, problems...), nil, inputs)
		v.Problem = "Chưa lưu được: có ô chưa đúng (đánh dấu đỏ bên dưới). Sửa rồi bấm lại."
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, values, msgs)
		return nil
	}
	key := sessionKeyFor(r, values["idem"])
	res, code, err := a.communeSubmit(r.Context(), session(r).Principal, v.Unit.Code, v.Period, body, false, key, values["etag"])
	if err != nil {
		var apiErr *models.Error
		if !errors.As(err, &apiErr) {
			return err
		}
		msgs := fieldMessages{}
		httpStatus := http.StatusConflict
		switch apiErr.Code {
		case models.EINVALID:
			if status == models.StatusDraft {
				// A draft may keep its errors: the form is kept as typed.
				return a.keepForm(w, r, v, values)
			}
			msgs = messagesOf(apiErr.Fields, nil, inputs)
			httpStatus = http.StatusUnprocessableEntity
			v.Problem = "Chưa lưu được: báo cáo còn lỗi (đánh dấu đỏ bên dưới). Sửa rồi bấm lại."
			if status == models.StatusSubmitted {
				v.Problem = "Chưa gửi được: báo cáo còn lỗi (đánh dấu đỏ bên dưới). Sửa rồi gửi lại."
			}
		case models.EPRECONDITION:
			httpStatus = http.StatusPreconditionFailed
			v.Problem = "Báo cáo vừa được người khác lưu hoặc gửi sau khi bạn mở trang này, nên chưa lưu nội dung của bạn. Hãy mở lại trang để xem bản mới nhất rồi sửa lại."
		case models.ECONFLICT:
			switch {
			case errors.Is(err, models.ErrDraftOverSubmitted):
				v.Problem = "Báo cáo đã gửi lên cấp trên thì không lưu thành bản nháp được nữa. Muốn sửa, hãy sửa rồi bấm Gửi báo cáo."
			case errors.Is(err, models.ErrReportLocked):
				v.Problem = "Báo cáo đã được duyệt nên không sửa được nữa. Nếu cần sửa, xin đề nghị cấp trên trả lại báo cáo."
			default:
				v.Problem = "Báo cáo đang được lưu từ một yêu cầu khác; hãy mở lại trang sau giây lát."
			}
		default:
			return err
		}
		a.renderCommune(w, r, httpStatus, v, values, msgs)
		return nil
	}
	if err := a.Store.DeleteFormDraft(r.Context(), v.Unit, v.Period); err != nil {
		return err
	}
	da := "gui"
	switch {
	case code == http.StatusOK:
		da = "khong-doi"
	case res.Status == models.StatusDraft:
		da = "luu-nhap"
	}
	http.Redirect(w, r, v.Base+"?da="+da, http.StatusSeeOther)
	return nil
}
