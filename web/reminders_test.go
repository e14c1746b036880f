package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/email"
	"doingoai/internal/mailtest"
	"doingoai/models"
)

// TestRemindersSMTPDownOnOverview: with the mail server down, "Nhắc nhở"
// on the overview still records the reminders (as many as the API then
// lists) and answers no error; the overview reports the email that failed,
// with its address. A clerk may not remind; a message too long is said at
// the field, nothing recorded.
func TestRemindersSMTPDownOnOverview(t *testing.T) {
	mail, err := email.New("smtp://"+mailtest.ClosedAddr(t), "")
	if err != nil {
		t.Fatal(err)
	}
	s := newEmptySiteWith(t, func(c *api.Config) { c.Mail, c.PublicURL = mail, "https://baocao.example.gov.vn" })
	if _, err := (app.Accounts{Store: s.Store}).Create(context.Background(), models.CommandLine, models.UserInput{Login: "vanthu05599", Role: models.RoleCommune, UnitCode: "05599", Name: "Văn thư", Email: "sonphu@dinhhoa.gov.vn"}); err != nil {
		t.Fatal(err)
	}
	clerk := s.client(t)
	clerk.signIn("xa05599")
	if p := clerk.post("/u/167/2024/nhac-nho", url.Values{"csrf": {clerk.csrf("/xa/05599/2024")}}); p.Status != http.StatusForbidden {
		t.Errorf("a clerk reminding: %d", p.Status)
	}

	officer := s.client(t)
	officer.signIn("huyen167")
	token := officer.csrf("/u/167/2024")
	p := officer.post("/u/167/2024/nhac-nho", url.Values{"csrf": {token}, "message": {strings.Repeat("x", 2001)}})
	if p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "Lời nhắn quá dài: tối đa 2.000 ký tự.") {
		t.Errorf("a message too long: %d", p.Status)
	}
	var l models.ReminderList
	if s.Do(t, "GET", "/api/v1/reminders?unit=167&period=2024", "district", "", nil).JSON(t, &l); l.Total != 0 {
		t.Fatalf("%d reminders recorded for a refused message", l.Total)
	}

	p = officer.post("/u/167/2024/nhac-nho", url.Values{"csrf": {token}, "message": {"Gửi ngay."}})
	s.Do(t, "GET", "/api/v1/reminders?unit=167&period=2024", "district", "", nil).JSON(t, &l)
	expectRedirect(t, "remind", p, "/u/167/2024?da-nhac="+strconv.Itoa(l.Total)+"#nhac-nho")
	if l.Total != 23 {
		t.Errorf("%d communes reminded, want the 23 of Định Hóa (none has reported)", l.Total)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		body := officer.get("/u/167/2024").Body
		if strings.Contains(body, "1 thư nhắc không gửi được") {
			if !strings.Contains(body, "Không gửi được đến sonphu@dinhhoa.gov.vn") {
				t.Error("the overview does not say which email failed")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the overview never reported the failed email:\n%s", body[strings.Index(body, `id="nhac-nho"`):][:2000])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestRemindersOnUnitThatEnded: the overview offers "Nhắc nhở" by the rule
// of POST /reminders (app.Reminders.May). District 167 ended on
// 2025-06-30: its 2025 overview offers no form, and a reminder sent anyway
// (a page open since before the reform was recorded) is refused, said in
// Vietnamese, nothing recorded; its 2025S1 overview, a period it covered
// to its end, offers the form.
func TestRemindersOnUnitThatEnded(t *testing.T) {
	s := newSite(t)
	s.Clock.Set(time.Date(2025, 11, 20, 3, 0, 0, 0, time.UTC))
	reformDinhHoa(t, s)
	admin := s.client(t)
	admin.signIn("admin")
	if p := admin.get("/u/167/2025S1"); p.Status != http.StatusOK || !strings.Contains(p.Body, `action="/u/167/2025S1/nhac-nho"`) {
		t.Errorf("2025S1: %d, or no reminders' form", p.Status)
	}
	p := admin.get("/u/167/2025")
	if p.Status != http.StatusOK || strings.Contains(p.Body, `action="/u/167/2025/nhac-nho"`) {
		t.Errorf("2025: %d, or a reminders' form on a district that ended", p.Status)
	}
	p = admin.post("/u/167/2025/nhac-nho", url.Values{"csrf": {admin.csrf("/u/167/2025")}})
	expect(t, "remind 2025", p, http.StatusUnprocessableEntity, `id="nhac-nho-loi"`, "Không gửi được nhắc nhở: Đơn vị đã kết thúc ngày 30/06/2025")
	var l models.ReminderList
	if s.Do(t, "GET", "/api/v1/reminders?unit=167&period=2025", "admin", "", nil).JSON(t, &l); l.Total != 0 {
		t.Errorf("%d reminders recorded for a district that ended", l.Total)
	}
}
