package app

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"doingoai/email"
	"doingoai/models"
	"doingoai/store"
)

// Reminders tell the communes below a unit that their report of a period
// is awaited: those that have not sent it (missing or a draft) and those
// whose report was returned. A reminder shows on the commune's page until
// it sends the report and, when the service sends email (Mail), goes to
// every account of the commune that has an address.
type Reminders struct {
	Store *store.Store
	// Mail sends the emails; nil sends none.
	Mail *email.Sender
	// PublicURL is the address people reach the web app at, for the link
	// to the commune's form in an email (https://baocao.example.gov.vn).
	PublicURL string
	Log       *slog.Logger
}

// awaited are the completeness statuses of a commune that is reminded.
var awaited = map[string]bool{models.StatusMissing: true, models.StatusDraft: true, models.StatusReturned: true}

// Awaited tells whether a commune whose report has this status (as
// completeness says it) is reminded: it has not sent it, or it was
// returned. Its page shows the newest reminder while it is.
func Awaited(status string) bool { return awaited[status] }

// May is the one rule of who reminds the communes below which unit: an
// admin, or a district's or province's officer (not a commune, not a system
// token), on a unit within its scope that did not end before the period's
// last day — the communes of a unit that ended report for that period to
// the units that followed it (the unit_ended problem names them), so a
// reminder would ask for a report the service refuses. POST
// /api/v1/reminders and the overview's form "Nhắc nhở" apply it through
// Send; the overview asks it whether to offer the form.
//
// Errors: EFORBIDDEN; EINVALID (unit_ended) for a unit that ended.
func (r Reminders) May(ctx context.Context, t *models.Tree, p models.Principal, u *models.TreeUnit, period models.Period) error {
	if err := r.Sender(p); err != nil {
		return err
	}
	return actsOn(ctx, r.Store, t, p, u, period)
}

// Sender is May's rule of roles, for an edge that refuses a principal
// before it reads which unit (the API before the body, the page before the
// path's unit).
//
// Errors: EFORBIDDEN for a commune or a system token.
func (r Reminders) Sender(p models.Principal) error {
	if err := p.RequireRole(models.RoleAdmin, models.RoleDistrict); err != nil {
		return models.Errorf(models.EFORBIDDEN, "a %s token or account cannot send reminders; the district or province does", p.Role)
	}
	return nil
}

// Send reminds every commune below (or at) in.UnitCode whose report of
// in.Period is awaited, as the completeness of the unit says it, and
// starts sending their emails in the background: an SMTP server that is
// slow or down never holds or fails the reminder; each email's outcome is
// recorded when the server answers. No commune awaited: an empty list,
// nothing recorded.
//
// Who may is the rule of May: the roles are checked first, then the input,
// then the unit's scope and end.
//
// Errors: EFORBIDDEN for a commune or a system token, or a unit outside
// p's scope; EINVALID for a bad body, an unknown unit or a unit that ended
// before the period's last day (unit_ended).
func (r Reminders) Send(ctx context.Context, p models.Principal, in models.ReminderInput) ([]models.Reminder, error) {
	if err := r.Sender(p); err != nil {
		return nil, err
	}
	var probs models.Problems
	in.Validate(&probs)
	if err := probs.Err("the reminder is not valid"); err != nil {
		return nil, err
	}
	period, _ := models.ParsePeriod(in.Period)
	t, err := r.Store.Tree(ctx)
	if err != nil {
		return nil, err
	}
	unit, err := t.Resolve(in.UnitCode, period)
	if err != nil {
		probs.AddCodef("unit_code", models.FUnknownUnit, "no unit has the code %s", in.UnitCode)
		return nil, probs.Err("the reminder is not valid")
	}
	if err := r.May(ctx, t, p, unit, period); err != nil {
		return nil, err
	}
	c, err := r.Store.Completeness(ctx, store.CompletenessQuery{Unit: unit, Period: period, Limit: -1})
	if err != nil {
		return nil, err
	}
	var targets []store.ReminderTarget
	due := map[string]*models.Date{}
	for _, cu := range c.Units {
		if !Awaited(cu.Status) {
			continue
		}
		if u := t.ForPeriod(cu.Code, period); u != nil {
			targets = append(targets, store.ReminderTarget{Unit: u, Status: cu.Status})
			due[cu.Code] = cu.DueDate
		}
	}
	if len(targets) == 0 {
		return []models.Reminder{}, nil
	}
	if r.Mail != nil {
		ids := make([]int64, len(targets))
		for i, tg := range targets {
			ids[i] = tg.Unit.ID
		}
		addrs, err := r.Store.ReminderAddresses(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i := range targets {
			targets[i].Emails = addrs[targets[i].Unit.ID]
		}
	}
	out, err := r.Store.RecordReminders(ctx, p, unit, period.String(), in.Message, targets)
	if err != nil {
		return nil, err
	}
	if r.Mail != nil {
		go r.deliver(context.WithoutCancel(ctx), period, out, due)
	}
	return out, nil
}

// deliver sends each reminder's emails, one message per account, and
// records each outcome.
func (r Reminders) deliver(ctx context.Context, period models.Period, list []models.Reminder, due map[string]*models.Date) {
	for _, rem := range list {
		for _, e := range rem.Emails {
			status, why := models.EmailSent, ""
			if err := r.Mail.Send(ctx, r.message(period, rem, e, due[rem.UnitCode])); err != nil {
				status, why = models.EmailFailed, err.Error()
			}
			if err := r.Store.SetReminderEmail(ctx, rem.ID, e.Login, status, why); err != nil && r.Log != nil {
				r.Log.Error("record a reminder's email", "reminder", rem.ID, "login", e.Login, "err", err)
			}
		}
	}
}

// message is the email of a reminder to one account, in Vietnamese.
func (r Reminders) message(period models.Period, rem models.Reminder, to models.ReminderEmail, due *models.Date) email.Message {
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi: %s.\n\n", models.Office(rem.UnitName))
	fmt.Fprintf(&b, "Đến nay, %s chưa gửi báo cáo công tác đối ngoại %s", models.Office(rem.UnitName), period.Phrase())
	if rem.Status == models.StatusReturned {
		fmt.Fprintf(&b, " (báo cáo đã gửi bị trả lại để bổ sung, chỉnh sửa)")
	}
	b.WriteString(".\n")
	if due != nil {
		fmt.Fprintf(&b, "Hạn nộp báo cáo: ngày %s.\n", due.DayMonthYear())
	}
	if rem.Message != "" {
		fmt.Fprintf(&b, "\n%s\n", rem.Message)
	}
	fmt.Fprintf(&b, "\nĐề nghị đồng chí hoàn thiện và gửi báo cáo tại:\n%s\n", r.formLink(rem))
	fmt.Fprintf(&b, "\nNgười nhắc: %s.\n\nĐây là thư tự động, xin không trả lời thư này.\n", rem.RemindedBy)
	return email.Message{
		To:      []string{to.Address},
		Subject: fmt.Sprintf("Nhắc gửi báo cáo công tác đối ngoại %s – %s", period.Phrase(), rem.UnitName),
		Body:    b.String(),
	}
}

// formLink is the absolute address of the commune's form for the period.
func (r Reminders) formLink(rem models.Reminder) string {
	return strings.TrimRight(r.PublicURL, "/") + "/xa/" + rem.UnitCode + "/" + rem.Period
}

// List returns the reminders of a period to the communes below (or at) a
// unit in p's scope, newest first; a commune reads its own.
//
// Errors: ENOTFOUND for an unknown unit; EFORBIDDEN outside p's scope.
func (r Reminders) List(ctx context.Context, p models.Principal, unitCode string, period models.Period) ([]models.Reminder, error) {
	t, err := r.Store.Tree(ctx)
	if err != nil {
		return nil, err
	}
	unit, err := t.Resolve(unitCode, period)
	if err != nil {
		return nil, err
	}
	if err := t.InScope(p, unit); err != nil {
		return nil, err
	}
	return r.Store.Reminders(ctx, t, store.ReminderQuery{Within: unit, Period: period.String()})
}

// Latest is the newest reminder of a period to a commune, or nil.
func (r Reminders) Latest(ctx context.Context, unit *models.TreeUnit, period models.Period) (*models.Reminder, error) {
	t, err := r.Store.Tree(ctx)
	if err != nil {
		return nil, err
	}
	list, err := r.Store.Reminders(ctx, t, store.ReminderQuery{Within: unit, Period: period.String(), Latest: true})
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}
