package web_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"doingoai/api"
	"doingoai/app"
	"doingoai/email"
	"doingoai/internal/apitest"
	"doingoai/internal/mailtest"
	"doingoai/models"
)

// TestRemindersInBrowser: in a real Chromium, the district's officer
// presses "Nhắc nhở" with a message on the overview of 2024; the overview
// then lists the communes reminded with the time, read against GET
// /api/v1/reminders (the communes completeness says have not sent or were
// returned); the clerk of Sơn Phú, whose report was returned, receives the
// email and sees the reminder on top of the form, sends the report, and
// the reminder is gone.
func TestRemindersInBrowser(t *testing.T) {
	smtpd := mailtest.Start(t)
	mail, err := email.New("smtp://"+smtpd.Addr, "baocao@dinhhoa.gov.vn")
	if err != nil {
		t.Fatal(err)
	}
	s := newEmptySiteWith(t, func(c *api.Config) { c.Mail, c.PublicURL = mail, "https://baocao.example.gov.vn" })
	seed := apitest.Seed(t)
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != 201 {
		t.Fatal(res.Status, string(res.Body))
	}
	seed["unit_code"] = "05599"
	if res := s.Do(t, "POST", "/api/v1/reports", "other-commune", apitest.Body(t, seed), nil); res.Status != 201 {
		t.Fatal(res.Status, string(res.Body))
	}
	if res := s.Do(t, "POST", "/api/v1/reports/05599/2024/review", "district", `{"decision":"return","comment":"Bổ sung số đoàn ra."}`, nil); res.Status != 200 {
		t.Fatal(res.Status, string(res.Body))
	}
	if _, err := (app.Accounts{Store: s.Store}).Create(context.Background(), models.CommandLine, models.UserInput{Login: "vanthu05599", Role: models.RoleCommune, UnitCode: "05599", Name: "Văn thư xã Sơn Phú", Email: "sonphu@dinhhoa.gov.vn"}); err != nil {
		t.Fatal(err)
	}

	officer := newPerson(t)
	signInBrowser(t, officer, s.URL, "huyen167")
	msg := "Đề nghị các xã gửi báo cáo trước ngày 25/11/2024."
	run(t, officer, "remind from the overview",
		chromedp.Navigate(s.URL+"/u/167/2024"),
		chromedp.WaitVisible(`#reminder-message`, chromedp.ByQuery),
		chromedp.SendKeys(`#reminder-message`, msg, chromedp.ByQuery),
		chromedp.Click(`#nhac-nho button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#nhac-nho-da-gui`, chromedp.ByQuery))

	var api models.ReminderList
	s.Do(t, "GET", "/api/v1/reminders?unit=167&period=2024", "district", "", nil).JSON(t, &api)
	var c models.Completeness
	s.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil).JSON(t, &c)
	if api.Total != c.Missing+c.Draft+c.Returned || api.Total == 0 {
		t.Fatalf("%d reminders, completeness awaits %d", api.Total, c.Missing+c.Draft+c.Returned)
	}
	if got, want := text(t, officer, "#nhac-nho-da-gui"), fmt.Sprintf("Đã gửi nhắc nhở đến %d đơn vị", api.Total); !strings.HasPrefix(got, want) {
		t.Errorf("the overview says %q, want %q", got, want)
	}
	var rows [][]string
	run(t, officer, "read the reminders listed", chromedp.Evaluate(`[...document.querySelectorAll("#reminders tbody tr")].map(tr => [tr.dataset.code, ...[...tr.cells].map(c => c.innerText.trim())])`, &rows))
	var want, got []string
	for _, r := range api.Items {
		want = append(want, strings.Join([]string{r.UnitCode, r.UnitName, map[string]string{"missing": "Chưa báo cáo", "returned": "Trả lại", "draft": "Bản nháp"}[r.Status],
			r.RemindedAt.In(models.Vietnam).Format("02/01/2006 15:04"), "Phòng Nội vụ Định Hóa (huyen167)", msg}, " | "))
	}
	for _, r := range rows {
		got = append(got, strings.Join(r[:6], " | "))
	}
	if !slices.Equal(got, want) {
		t.Errorf("the overview lists\n%s\nthe API\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	axeCheck(t, officer, "the overview with its reminders")
	remindShots(t, officer, "reminders-overview")

	// The email of Sơn Phú's clerk.
	m := smtpd.Wait(t, 1)[0]
	if m.To[0] != "sonphu@dinhhoa.gov.vn" || !strings.Contains(m.Subject, "năm 2024") || !strings.Contains(m.Body, "https://baocao.example.gov.vn/xa/05599/2024") || !strings.Contains(m.Body, msg) {
		t.Errorf("email to %v: %q\n%s", m.To, m.Subject, m.Body)
	}

	clerk := newPerson(t)
	signInBrowser(t, clerk, s.URL, "xa05599")
	run(t, clerk, "open the form", chromedp.Navigate(s.URL+"/xa/05599/2024"), chromedp.WaitVisible(`#cf-reminder`, chromedp.ByQuery))
	banner := text(t, clerk, "#cf-reminder")
	var mine models.Reminder
	for _, r := range api.Items {
		if r.UnitCode == "05599" {
			mine = r
		}
	}
	if !strings.Contains(banner, msg) || !strings.Contains(banner, mine.RemindedAt.In(models.Vietnam).Format("02/01/2006 15:04")) || !strings.Contains(banner, "huyen167") {
		t.Errorf("the reminder on the form says %q", banner)
	}
	var above bool
	run(t, clerk, "the reminder is on top", chromedp.Evaluate(`document.querySelector("#cf-reminder").getBoundingClientRect().top < document.querySelector("#cf-submit").form.getBoundingClientRect().top`, &above))
	if !above {
		t.Error("the reminder is not above the form")
	}
	axeCheck(t, clerk, "the form with a reminder")
	remindShots(t, clerk, "reminders-commune")
	run(t, clerk, "send the report",
		chromedp.Click(`#cf-submit`, chromedp.ByQuery),
		chromedp.WaitVisible(`#cf-notice`, chromedp.ByQuery))
	var status string
	var shown bool
	run(t, clerk, "reload", chromedp.Navigate(s.URL+"/xa/05599/2024"), chromedp.WaitVisible(`#cf-status`, chromedp.ByQuery),
		chromedp.Text(`#cf-status`, &status, chromedp.ByQuery),
		chromedp.Evaluate(`!!document.querySelector("#cf-reminder")`, &shown))
	if shown || status != "Đã gửi, chờ duyệt" {
		t.Errorf("after sending, status %q and the reminder shown: %v", status, shown)
	}
}

// remindShots saves what a person sees on opening the page (the overview
// at its "Nhắc nhở" after sending, the form's top), on a desktop and a
// phone.
func remindShots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	screenshot(t, ctx, name+"-1366.png", 1366, 768, false)
	screenshot(t, ctx, name+"-390.png", 390, 844, false)
}
