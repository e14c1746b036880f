package web

// The form's page: what every view of the commune's report reads, the
// notices after a save, and the messages at their inputs.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"doingoai/models"
	"doingoai/store"
)

// communeView is what commune.html shows.
type communeView struct {
	Unit        *models.TreeUnit
	Period      string
	PeriodLabel string
	Periods     []communePeriod
	Found       bool
	Report      models.ReportView
	ETag        string
	Status      string
	Due         *models.Deadline
	DueText     string
	DueClass    string
	Review      *models.Review
	ReadOnly    bool
	CanDraft    bool
	OnBehalf    bool // a district officer fills the commune's report
	Notice      string
	Problem     string // why the last action failed, at the top
	Sections    []sectionView
	Summary     []summaryItem
	WarnCount   int
	ErrCount    int
	IdemKey     string
	Action      string
	Kept        *store.FormDraft // a draft kept with errors left, shown instead of the report
	Imported    bool             // the form was filled from a document and is not saved yet
	Base        string           // /xa/{code}/{period}
}

// summaryItem is one line of the list of problems at the top of the form,
// linking to its input.
type summaryItem struct {
	Target, Label, Message string
	Warning                bool
}

// communeForm shows the form with the current revision.
func (a *App) communeForm(w http.ResponseWriter, r *http.Request) error {
	v, err := a.communeLoad(r)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("da") {
	case "luu-nhap":
		v.Notice = fmt.Sprintf("Đã lưu bản nháp (lần lưu %d). Bản nháp chưa được gửi lên huyện.", v.Report.Revision)
	case "gui":
		v.Notice = fmt.Sprintf("Đã gửi báo cáo lên cấp trên (lần gửi %d).", v.Report.Revision)
	case "luu-tam":
		v.Notice = "Đã lưu tạm bản nháp. Bản nháp còn lỗi (đánh dấu đỏ) nên chưa thành bản nháp của báo cáo: sửa hết lỗi rồi bấm Lưu nháp hoặc Gửi báo cáo."
	case "bo-nhap":
		v.Notice = "Đã bỏ bản nháp còn lỗi; trang hiện nội dung đã lưu gần nhất."
	case "khong-doi":
		v.Notice = "Nội dung không thay đổi so với lần lưu trước; không tạo lần gửi mới."
	}
	values := formValues{}
	if v.Found {
		body, err := json.Marshal(v.Report.Report)
		if err != nil {
			return err
		}
		if values, err = reportToForm(body); err != nil {
			return err
		}
	}
	msgs := messagesOf(nil, v.Report.Warnings, nil)
	// A draft kept with errors left, newer than the report: the form opens
	// on it, with its errors.
	kept, err := a.Store.GetFormDraft(r.Context(), v.Unit, v.Period)
	if err != nil {
		return err
	}
	// Saving or sending the report removes it, so one that is there is
	// newer than the report.
	if kept != nil && !v.ReadOnly {
		values = kept.Inputs
		v.Kept = kept
		body, problems, _, inputs := formToReport(values, v.Unit.Code, v.Period, models.StatusDraft)
		_, _, err := a.communeSubmit(r.Context(), session(r).Principal, v.Unit.Code, v.Period, body, true, "", "")
		var apiErr *models.Error
		var errs []models.FieldError
		if errors.As(err, &apiErr) && apiErr.Code == models.EINVALID {
			errs = apiErr.Fields
		}
		msgs = messagesOf(append(errs, problems...), nil, inputs)
	}
	a.renderCommune(w, r, http.StatusOK, v, values, msgs)
	return nil
}

// communeLoad reads what every view of the form needs.
func (a *App) communeLoad(r *http.Request) (communeView, error) {
	ctx := r.Context()
	p := session(r).Principal
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return communeView{}, models.Errorf(models.ENOTFOUND, "%s", err)
	}
	t, u, err := a.communeUnit(ctx, p, r.PathValue("code"), per)
	if err != nil {
		return communeView{}, err
	}
	v := communeView{Unit: u, Period: per.String(), PeriodLabel: periodLabel(per), Status: models.StatusMissing,
		OnBehalf: p.Role != models.RoleCommune, IdemKey: newIdemKey(), Base: "/xa/" + url.PathEscape(u.Code) + "/" + per.String()}
	if v.Periods, err = a.communePeriods(ctx, t, u); err != nil {
		return v, err
	}
	found := false
	for i := range v.Periods {
		if v.Periods[i].Period == v.Period {
			v.Periods[i].Current, found = true, true
			v.Due = v.Periods[i].Due
		}
	}
	if !found {
		cp := communePeriod{Period: v.Period, Label: v.PeriodLabel, Status: models.StatusMissing, Current: true}
		if d, err := a.Store.Deadline(ctx, u, v.Period); err == nil {
			cp.Due, v.Due = &d, &d
		}
		v.Periods = append([]communePeriod{cp}, v.Periods...)
	}
	rep, etag, err := a.Store.GetReport(ctx, u, v.Period)
	switch {
	case err == nil:
		v.Found, v.Report, v.ETag, v.Status = true, rep, etag, rep.Status
		if rep.Review != nil && rep.Status == models.StatusReturned {
			v.Review = rep.Review
		}
	case models.ErrorCode(err) != models.ENOTFOUND:
		return v, err
	}
	v.ReadOnly = v.Status == models.StatusAccepted
	v.CanDraft = v.Status != models.StatusSubmitted && !v.ReadOnly
	if v.Due != nil {
		days := daysLeft(v.Due.DueDate, a.Store.Now())
		v.DueText = fmt.Sprintf("Hạn nộp: %s", fmtDate(v.Due.DueDate))
		if v.Due.Reference != "" {
			v.DueText += " (theo " + v.Due.Reference + ")"
		}
		done := v.Status == models.StatusSubmitted || v.Status == models.StatusAccepted
		switch {
		case done:
			v.DueClass = "due-ok"
		case days > 0:
			v.DueText += fmt.Sprintf(" — còn %d ngày", days)
			v.DueClass = "due-open"
		case days == 0:
			v.DueText += " — hôm nay là hạn cuối"
			v.DueClass = "due-today"
		default:
			v.DueText += fmt.Sprintf(" — đã quá hạn %d ngày", -days)
			v.DueClass = "due-late"
		}
	}
	return v, nil
}

// fieldMessages are the messages of the form, by input name.
type fieldMessages struct {
	Errors   map[string][]string
	Warnings map[string][]string
	Sources  map[string][]string // the words of an imported document a value was read from
}

// messagesOf gathers errors and warnings (already in Vietnamese or as the
// API wrote them) by the input they belong to.
func messagesOf(errs []models.FieldError, warnings []models.Warning, inputs formValues) fieldMessages {
	m := fieldMessages{Errors: map[string][]string{}, Warnings: map[string][]string{}}
	for _, e := range errs {
		at := inputs.inputPath(e.Field)
		m.Errors[at] = append(m.Errors[at], viText(e.Message))
	}
	for _, w := range warnings {
		at := inputs.inputPath(w.Field)
		m.Warnings[at] = append(m.Warnings[at], viText(w.Message))
	}
	return m
}

func (a *App) renderCommune(w http.ResponseWriter, r *http.Request, status int, v communeView, values formValues, msgs fieldMessages) {
	v.Sections, v.Summary = buildSections(values, msgs, v.ReadOnly)
	for _, s := range v.Summary {
		if s.Warning {
			v.WarnCount++
		} else {
			v.ErrCount++
		}
	}
	title := fmt.Sprintf("Báo cáo công tác đối ngoại %s — %s", v.PeriodLabel, v.Unit.Name)
	crumbs := []crumb{{Name: v.Unit.Name + ", " + v.PeriodLabel}}
	a.render(w, r, status, "commune.html", pageData{Title: title, Crumbs: crumbs, Data: v})
}
