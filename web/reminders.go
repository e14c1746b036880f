package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"doingoai/app"
	"doingoai/models"
	"doingoai/web/urls"
)

// remindersView is the overview's "Nhắc nhở": the form (for an officer in
// scope) and the reminders of the period to the communes below.
type remindersView struct {
	CanSend  bool
	List     []models.Reminder
	Failures int // emails that failed
	Message  string
	Error    string
	Sent     string // the notice after sending
	Action   string // where the form posts
	CSRF     string
}

// overviewReminders reads the reminders of the period below u, and offers
// the form where app.Reminders' rule lets the person send them (a
// commune's own overview, the single-commune view, offers none: its
// reminders are sent from the overview above it).
func (a *App) overviewReminders(r *http.Request, t *models.Tree, u *models.TreeUnit, per models.Period) (remindersView, error) {
	v := remindersView{Action: urls.Reminders(u.Code, per.String()), CSRF: session(r).CSRF}
	if !u.Kind.CommuneLevel() {
		v.CanSend = a.reminders.May(r.Context(), t, session(r).Principal, u, per) == nil
	}
	list, err := a.reminders.List(r.Context(), session(r).Principal, u.Code, per)
	if err != nil {
		return v, err
	}
	v.List = list
	for _, rem := range list {
		v.Failures += rem.EmailFailures()
	}
	switch q := r.URL.Query().Get("da-nhac"); {
	case q == "0":
		v.Sent = "Không có xã nào cần nhắc: tất cả đã gửi báo cáo kỳ này."
	case q != "":
		v.Sent = "Đã gửi nhắc nhở đến " + q + " đơn vị chưa gửi báo cáo hoặc bị trả lại."
	}
	return v, nil
}

// sendReminders is the overview's "Nhắc nhở": the same use case as POST
// /reminders, then the overview again.
func (a *App) sendReminders(w http.ResponseWriter, r *http.Request) error {
	// app.Reminders' rule of roles before the path's unit is read; Send
	// applies the rest of it (scope, a unit that ended).
	p := session(r).Principal
	if err := a.reminders.Sender(p); err != nil {
		return err
	}
	_, u, per, err := a.unitPage(r)
	if err != nil {
		return err
	}
	msg := strings.TrimSpace(r.PostFormValue("message"))
	list, err := a.reminders.Send(r.Context(), p, models.ReminderInput{UnitCode: u.Code, Period: per.String(), Message: msg})
	if models.ErrorCode(err) == models.EINVALID {
		return a.renderOverviewWith(w, r, http.StatusUnprocessableEntity, deadlineForm{}, &remindersView{Message: msg, Error: reminderError(err)})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, urls.Overview(u.Code, per.String())+"?da-nhac="+strconv.Itoa(len(list))+"#nhac-nho", http.StatusSeeOther)
	return nil
}

// reminderError says in Vietnamese what is wrong with the message.
func reminderError(err error) string {
	e, _ := err.(*models.Error)
	if e != nil {
		for _, f := range e.Fields {
			switch f.Code {
			case models.FTooLong:
				return "Lời nhắn quá dài: tối đa 2.000 ký tự."
			case models.FBadText, models.FInvisibleText:
				return "Lời nhắn có ký tự không hợp lệ (ký tự điều khiển hoặc ký tự ẩn); xin gõ lại."
			}
		}
	}
	if e != nil && len(e.Fields) > 0 {
		return "Không gửi được nhắc nhở: " + e.Fields[0].Vietnamese()
	}
	return "Không gửi được nhắc nhở: " + err.Error()
}

// communeReminder is the newest reminder of the period to a commune whose
// report is still awaited (not sent, or returned), or nil.
func (a *App) communeReminder(ctx context.Context, u *models.TreeUnit, per models.Period, status string) (*models.Reminder, error) {
	if !app.Awaited(status) {
		return nil, nil
	}
	return a.reminders.Latest(ctx, u, per)
}
