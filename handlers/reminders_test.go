package handlers_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/email"
	"doingoai/internal/apitest"
	"doingoai/internal/mailtest"
	"doingoai/models"
)

// remindersEnv is the API with email sent to the SMTP server at addr.
func remindersEnv(t *testing.T, addr string) *apitest.Env {
	t.Helper()
	mail, err := email.New("smtp://"+addr, "Văn phòng UBND huyện <baocao@dinhhoa.gov.vn>")
	if err != nil {
		t.Fatal(err)
	}
	mail.Timeout = 5 * time.Second
	return apitest.NewWith(t, func(c *api.Config) { c.Mail, c.PublicURL = mail, "https://baocao.example.gov.vn/" })
}

// clerk makes an enabled commune account with an email address.
func clerk(t *testing.T, env *apitest.Env, login, unit, address string) {
	t.Helper()
	if _, err := (app.Accounts{Store: env.Store}).Create(context.Background(), models.CommandLine, models.UserInput{Login: login, Role: models.RoleCommune, UnitCode: unit, Name: "Văn phòng UBND", Email: address}); err != nil {
		t.Fatal(err)
	}
}

// listReminders reads GET /reminders, waiting until no email is pending.
func listReminders(t *testing.T, env *apitest.Env, token, query string) models.ReminderList {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		res := env.Do(t, "GET", "/api/v1/reminders?"+query, token, "", nil)
		if res.Status != 200 {
			t.Fatalf("list reminders: %d %s", res.Status, res.Body)
		}
		var l models.ReminderList
		res.JSON(t, &l)
		pending := false
		for _, r := range l.Items {
			for _, e := range r.Emails {
				pending = pending || e.Status == models.EmailPending
			}
		}
		if !pending || time.Now().After(deadline) {
			return l
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestReminders: the district reminds the communes of Định Hóa that have
// not sent 2024's report (missing or draft) or whose report was returned —
// exactly those the completeness answer lists so — and each clerk with an
// address receives a Vietnamese email with the period, the due date, the
// message and the link to the form; the reminders are listed with who sent
// them and the email's outcome, and audited.
func TestReminders(t *testing.T) {
	smtpd := mailtest.Start(t)
	env := remindersEnv(t, smtpd.Addr)
	if res := env.Do(t, "PUT", "/api/v1/deadlines/167/2024", "district", `{"due_date":"2024-11-25","reference":"7253/UBND-VP"}`, nil); res.Status != 201 {
		t.Fatal(res.Status, string(res.Body))
	}
	profile := map[string]any{"households": 100, "population": 400}
	submit(t, env, "commune", report(t, "05596", "2024", profile, nil))
	submit(t, env, "other-commune", report(t, "05599", "2024", profile, nil))
	if res := env.Do(t, "POST", "/api/v1/reports/05599/2024/review", "district", `{"decision":"return","comment":"Bổ sung số liệu."}`, nil); res.Status != 200 {
		t.Fatal(res.Status, string(res.Body))
	}
	submit(t, env, "admin", report(t, "05602", "2024", profile, func(m map[string]any) { m["status"] = "draft" }))
	clerk(t, env, "xa05599", "05599", "sonphu@dinhhoa.gov.vn")
	clerk(t, env, "xa05602", "05602", "phudinh@dinhhoa.gov.vn")
	clerk(t, env, "xa05596", "05596", "bocnhieu@dinhhoa.gov.vn") // sent: not reminded

	var c models.Completeness
	env.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil).JSON(t, &c)
	var want []string
	for _, u := range c.Units {
		if u.Status != "submitted" && u.Status != "accepted" {
			want = append(want, u.Code+" "+u.Status)
		}
	}
	msg := "Đề nghị UBND xã gửi báo cáo trước ngày 25/11/2024."
	res := env.Do(t, "POST", "/api/v1/reminders", "district", `{"unit_code":"167","period":"2024","message":"`+msg+`"}`, nil)
	if res.Status != 201 {
		t.Fatalf("remind: %d %s", res.Status, res.Body)
	}
	var sent models.ReminderList
	res.JSON(t, &sent)
	var got []string
	for _, r := range sent.Items {
		got = append(got, r.UnitCode+" "+r.Status)
		if r.Message != msg || r.RemindedBy != "test district" || r.FromCode != "167" {
			t.Errorf("reminder %+v: message, sender or unit wrong", r)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) || sent.Total != len(want) || !slices.Contains(got, "05599 returned") || !slices.Contains(got, "05602 draft") || len(want) != c.Expected-1 {
		t.Fatalf("reminded %v, want the communes completeness says are awaited %v", got, want)
	}

	smtpd.Wait(t, 2)
	time.Sleep(100 * time.Millisecond) // and no more
	mails := smtpd.Wait(t, 2)
	if len(mails) != 2 {
		t.Fatalf("%d emails, want 2 (the clerks of 05599 and 05602)", len(mails))
	}
	slices.SortFunc(mails, func(a, b mailtest.Message) int { return strings.Compare(a.To[0], b.To[0]) })
	m := mails[1] // phudinh < sonphu
	if m.To[0] != "sonphu@dinhhoa.gov.vn" || m.From != "baocao@dinhhoa.gov.vn" {
		t.Fatalf("email to %v from %s", m.To, m.From)
	}
	if m.Subject != "Nhắc gửi báo cáo công tác đối ngoại năm 2024 – Xã Sơn Phú" {
		t.Errorf("subject %q", m.Subject)
	}
	for _, s := range []string{"Kính gửi: UBND xã Sơn Phú.", "báo cáo công tác đối ngoại năm 2024", "bị trả lại",
		"Hạn nộp báo cáo: ngày 25/11/2024.", msg, "https://baocao.example.gov.vn/xa/05599/2024\n", "Người nhắc: test district."} {
		if !strings.Contains(m.Body, s) {
			t.Errorf("the email says\n%s\nwithout %q", m.Body, s)
		}
	}

	l := listReminders(t, env, "district", "unit=167&period=2024")
	if l.Total != len(want) {
		t.Fatalf("%d reminders listed, want %d", l.Total, len(want))
	}
	outcomes := map[string]string{}
	for _, r := range l.Items {
		for _, e := range r.Emails {
			outcomes[r.UnitCode+" "+e.Address] = e.Status
		}
	}
	if fmt.Sprint(outcomes) != "map[05599 sonphu@dinhhoa.gov.vn:sent 05602 phudinh@dinhhoa.gov.vn:sent]" {
		t.Errorf("email outcomes %v", outcomes)
	}
	// A commune reads its own; it may not remind.
	if own := listReminders(t, env, "other-commune", "unit=05599&period=2024"); own.Total != 1 || own.Items[0].UnitName != "Xã Sơn Phú" {
		t.Errorf("the commune's own reminders: %+v", own)
	}
	if res := env.Do(t, "POST", "/api/v1/reminders", "other-commune", `{"unit_code":"05599","period":"2024"}`, nil); res.Status != 403 {
		t.Errorf("a commune reminding: %d", res.Status)
	}
	// Audited with the sender's name.
	var audit models.AuditList
	env.Do(t, "GET", "/api/v1/audit?unit=05599", "district", "", nil).JSON(t, &audit)
	if len(audit.Items) == 0 || audit.Items[0].Action != models.ActionReminderSend || audit.Items[0].Actor != "test district" {
		t.Errorf("the newest audit entry of 05599: %+v", audit.Items)
	}
	// Bad input: each a problem at its field.
	for body, field := range map[string]string{
		`{"unit_code":"99999","period":"2024"}`: "unit_code", `{"unit_code":"167","period":"2024S3"}`: "period",
		`{"unit_code":"167","period":"2024","message":"` + strings.Repeat("a", 2001) + `"}`: "message",
	} {
		res := env.Do(t, "POST", "/api/v1/reminders", "district", body, nil)
		if res.Status != 422 || !strings.Contains(string(res.Body), `"field":"`+field+`"`) {
			t.Errorf("%.60s: %d %s", body, res.Status, res.Body)
		}
	}
}

// TestRemindersNoneAwaited: a unit whose communes have all sent answers 200
// with an empty list, records nothing and sends nothing.
func TestRemindersNoneAwaited(t *testing.T) {
	smtpd := mailtest.Start(t)
	env := remindersEnv(t, smtpd.Addr)
	submit(t, env, "commune", report(t, "05596", "2024", map[string]any{"households": 100, "population": 400}, nil))
	clerk(t, env, "xa05596", "05596", "bocnhieu@dinhhoa.gov.vn")
	res := env.Do(t, "POST", "/api/v1/reminders", "district", `{"unit_code":"05596","period":"2024"}`, nil)
	if res.Status != 200 || !strings.Contains(string(res.Body), `"items":[]`) {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	if l := listReminders(t, env, "district", "unit=167&period=2024"); l.Total != 0 {
		t.Errorf("%d reminders recorded", l.Total)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(smtpd.Wait(t, 0)); n != 0 {
		t.Errorf("%d emails sent", n)
	}
}

// TestRemindersSMTPDown: with the SMTP server down the reminder is still
// recorded and answered at once; the email's failure is recorded with why.
func TestRemindersSMTPDown(t *testing.T) {
	env := remindersEnv(t, mailtest.ClosedAddr(t))
	clerk(t, env, "xa05599", "05599", "sonphu@dinhhoa.gov.vn")
	res := env.Do(t, "POST", "/api/v1/reminders", "province", `{"unit_code":"05599","period":"2024","message":""}`, nil)
	if res.Status != 201 {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	l := listReminders(t, env, "province", "unit=19&period=2024")
	if l.Total != 1 || len(l.Items[0].Emails) != 1 {
		t.Fatalf("%+v", l)
	}
	e := l.Items[0].Emails[0]
	if e.Status != models.EmailFailed || !strings.Contains(e.Error, "refused") {
		t.Errorf("email %+v, want failed: connection refused", e)
	}
}
