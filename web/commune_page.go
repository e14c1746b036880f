package web

// The form's page: what every view of the commune's report reads, the
// notices after a save, and the messages at their inputs.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"doingoai/models"
	"doingoai/store"
	"doingoai/web/urls"
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
	Ended       string           // the commune ended: since when, and who reports for its territory
	EndedPeriod bool             // the period is past the commune's end: shown, never sent
	Reminder    *models.Reminder // the newest reminder, while the report is awaited
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
	n := v.Report.Revision
	if da := r.URL.Query().Get("da"); da == "gui" && v.Found {
		// The notice counts sendings; drafts saved before are not.
		list, err := a.Store.ListRevisions(r.Context(), v.Unit, v.Period)
		if err != nil {
			return err
		}
		n = sendingOf(list.Items, v.Report.Revision)
	}
	v.Notice = savedNotice(r.URL.Query().Get("da"), n)
	values := formValues{}
	if v.Found {
		if values, err = formOfReport(v.Report.Report); err != nil {
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
		note, inputs, imported := importedDraft(kept.Inputs)
		values = inputs
		v.Kept = kept
		body, problems, _, inputs := formToReport(values, v.Unit.Code, v.Period, models.StatusDraft)
		msgs = a.formErrors(r, v, body, problems, inputs)
		if imported {
			// Filled from a document: the words each value was read from,
			// and the figures the document gives two ways.
			v.Imported, v.Notice = true, importNotice(note)
			msgs.Sources = note.Sources
			for field, msg := range note.Unresolved {
				msgs.Warnings[field] = append(msgs.Warnings[field], msg)
			}
		}
	}
	a.renderCommune(w, r, http.StatusOK, v, values, msgs)
	return nil
}

// savedNotice is the notice at the top of the form after the save that
// redirected to it (?da=…), with n the number of the save (a draft) or of
// the sending.
func savedNotice(da string, n int) string {
	switch da {
	case "luu-nhap":
		return fmt.Sprintf("Đã lưu bản nháp (lần lưu %d). Bản nháp chưa được gửi lên cấp trên.", n)
	case "gui":
		return fmt.Sprintf("Đã gửi báo cáo lên cấp trên (lần gửi %d).", n)
	case "luu-tam":
		return "Đã lưu tạm bản nháp. Bản nháp còn lỗi (đánh dấu đỏ) nên chưa thành bản nháp của báo cáo: sửa hết lỗi rồi bấm Lưu nháp hoặc Gửi báo cáo."
	case "bo-nhap":
		return "Đã bỏ bản nháp còn lỗi; trang hiện nội dung đã lưu gần nhất."
	case "khong-doi":
		return "Nội dung không thay đổi so với lần lưu trước; không tạo lần gửi mới."
	}
	return ""
}

// formOfReport fills the form's inputs from a report (a revision, or what
// an import read), through its JSON as the API writes it.
func formOfReport(report any) (formValues, error) {
	body, err := json.Marshal(report)
	if err != nil {
		return nil, err
	}
	return reportToForm(body)
}

// communeLoad reads what every view of the form needs.
func (a *App) communeLoad(r *http.Request) (communeView, error) {
	ctx := r.Context()
	t, u, per, err := a.communeOf(r)
	if err != nil {
		return communeView{}, err
	}
	v := communeView{Unit: u, Period: per.String(), PeriodLabel: per.Phrase(), Status: models.StatusMissing,
		OnBehalf: session(r).Principal.Role != models.RoleCommune, IdemKey: newIdemKey(), Base: communeBase(u, per)}
	if v.Periods, err = a.communePeriods(ctx, t, u); err != nil {
		return v, err
	}
	a.markCurrent(ctx, &v)
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
	v.ReadOnly = !models.Allows(v.Report.State(), models.ActSubmit)
	v.CanDraft = models.Allows(v.Report.State(), models.ActDraft)
	if err := a.markEnded(ctx, t, u, per, &v); err != nil {
		return v, err
	}
	if v.Due != nil {
		v.DueText, v.DueClass = dueNotice(*v.Due, v.Status, a.Store.Now())
	}
	if v.Reminder, err = a.communeReminder(ctx, u, per, v.Status); err != nil {
		return v, err
	}
	return v, nil
}

// communeBase is the path of a commune's form: /xa/{code}/{period}.
func communeBase(u *models.TreeUnit, per models.Period) string {
	return urls.CommuneForm(u.Code, per.String())
}

// markCurrent marks the form's period among those the page offers, with
// its due date; a period not offered (an old year typed in the address)
// is put first.
func (a *App) markCurrent(ctx context.Context, v *communeView) {
	for i := range v.Periods {
		if v.Periods[i].Period == v.Period {
			v.Periods[i].Current = true
			v.Due = v.Periods[i].Due
			return
		}
	}
	cp := communePeriod{Period: v.Period, Label: v.PeriodLabel, Status: models.StatusMissing, Current: true}
	if d, err := a.Store.Deadline(ctx, v.Unit, v.Period); err == nil {
		cp.Due, v.Due = &d, &d
	}
	v.Periods = append([]communePeriod{cp}, v.Periods...)
}

// dueNotice says the due date and how far it is, and the class that
// colours it.
func dueNotice(due models.Deadline, status string, now time.Time) (text, class string) {
	days := daysLeft(due.DueDate, now)
	text = fmt.Sprintf("Hạn nộp: %s", fmtDate(due.DueDate))
	if due.Reference != "" {
		text += " (theo " + due.Reference + ")"
	}
	switch {
	case status == models.StatusSubmitted || status == models.StatusAccepted:
		return text, "due-ok"
	case days > 0:
		return text + fmt.Sprintf(" — còn %d ngày", days), "due-open"
	case days == 0:
		return text + " — hôm nay là hạn cuối", "due-today"
	default:
		return text + fmt.Sprintf(" — đã quá hạn %d ngày", -days), "due-late"
	}
}

// fieldMessages are the messages of the form, by input name.
type fieldMessages struct {
	Errors   map[string][]string
	Warnings map[string][]string
	Sources  map[string][]string // the words of an imported document a value was read from
}

// messagesOf gathers errors and warnings, in their Vietnamese words (the
// catalogue's, by message code), by the input they belong to.
func messagesOf(errs []models.FieldError, warnings []models.Warning, inputs formValues) fieldMessages {
	m := fieldMessages{Errors: map[string][]string{}, Warnings: map[string][]string{}}
	for _, e := range errs {
		at := inputs.inputPath(e.Field)
		m.Errors[at] = append(m.Errors[at], e.Vietnamese())
	}
	for _, w := range warnings {
		at := inputs.inputPath(w.Field)
		m.Warnings[at] = append(m.Warnings[at], w.Vietnamese())
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
