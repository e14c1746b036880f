package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"doingoai/api"
	"doingoai/app"
	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// accountsSite is the service on the demo's data (Thái Nguyên as in 2024 and
// after the 2025 reform: 92 commune-level units under the province), with
// the demo's accounts given the test passwords of people.
func accountsSite(t *testing.T) *site {
	t.Helper()
	s := testenv.Open(t, testenv.NewClock(time.Now()))
	ctx := context.Background()
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	for _, login := range []string{"admin", "tinh19", "huyen167"} {
		if _, err := (app.Accounts{Store: s}).ResetPassword(ctx, models.CommandLine, login, password(login)); err != nil {
			t.Fatal(err)
		}
	}
	env := &apitest.Env{Store: s, Handler: api.New(api.Config{Store: s}), Tokens: map[string]string{
		"admin": testenv.Token(t, s, models.RoleAdmin, "", "test admin"), "province": testenv.Token(t, s, models.RoleDistrict, "19", "test province")}}
	srv := httptest.NewServer(env.Handler)
	t.Cleanup(srv.Close)
	return &site{Env: env, URL: srv.URL}
}

// TestAccountsPageInBrowser: in a real Chromium, the province's officer
// and then the admin each follow the header's link to the accounts page,
// make one account, upload a file of an account for each of the
// province's 92 communes, disable one, give one a new password and move
// the account of a commune that ended to the one that reports for it now —
// and what the page says (the count, the login made, the passwords, the
// states) is read against GET /api/v1/users.
func TestAccountsPageInBrowser(t *testing.T) {
	s := accountsSite(t)
	// An account of a second commune that ended (Phú Tiến went into the new
	// Trung Hội), for the admin to move.
	if _, err := (app.Accounts{Store: s.Store}).Create(context.Background(), models.CommandLine, models.UserInput{Login: "xa05593", Role: models.RoleCommune, UnitCode: "05593", Name: "Văn phòng UBND xã Phú Tiến"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		login, token, prefix, unit, moved string
		shots                             bool
	}{
		{"tinh19", "province", "tn", "05443", "xa05596", true},
		{"admin", "admin", "qt", "01843", "xa05593", false},
	} {
		t.Run(tc.login, func(t *testing.T) {
			p := newPerson(t)
			signInBrowser(t, p, s.URL, tc.login)
			run(t, p, "open the accounts page from the header",
				chromedp.Click(`header a[href="/quan-tri/tai-khoan"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#tao-tai-khoan`, chromedp.ByQuery))
			count := func(what string) int {
				t.Helper()
				n, err := strconv.Atoi(text(t, p, "#so-tai-khoan"))
				api := apiUsers(t, s, tc.token)
				if err != nil || n != api.Total {
					t.Fatalf("%s: the page counts %q accounts, the API %d", what, text(t, p, "#so-tai-khoan"), api.Total)
				}
				return n
			}
			before := count("at first")

			// One account.
			login := tc.prefix + "-" + tc.unit
			run(t, p, "create an account",
				chromedp.SendKeys(`#login`, login, chromedp.ByQuery),
				chromedp.SendKeys(`#name`, "Văn phòng UBND phường Phan Đình Phùng", chromedp.ByQuery),
				chromedp.SendKeys(`#unit`, tc.unit, chromedp.ByQuery),
				chromedp.SendKeys(`#email`, "vanphong@pdp.thainguyen.gov.vn", chromedp.ByQuery),
				chromedp.Click(`#tao-tai-khoan button[type=submit]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#created-password`, chromedp.ByQuery))
			var pw string
			run(t, p, "read the password", chromedp.Value(`#created-password`, &pw, chromedp.ByQuery))
			if h := text(t, p, "#h-created"); h != "Đã tạo tài khoản "+login {
				t.Errorf("the page says %q", h)
			}
			if _, _, err := (app.Accounts{Store: s.Store}).SignIn(context.Background(), login, pw, "10.9.9.9", "t"); err != nil {
				t.Errorf("the password the page shows (%q) does not sign in: %v", pw, err)
			}
			if n := count("after one"); n != before+1 {
				t.Errorf("after one account the page counts %d, before %d", n, before)
			}

			// The province's 92 communes from a file.
			file := filepath.Join(t.TempDir(), "tai-khoan.csv")
			os.WriteFile(file, demo.CommuneAccountsCSV(tc.prefix), 0o600)
			run(t, p, "upload the file of 92",
				chromedp.SetUploadFiles(`#file`, []string{file}, chromedp.ByQuery),
				chromedp.Click(`#nhap-tep button[type=submit]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#da-nhap`, chromedp.ByQuery))
			if h := text(t, p, "#h-imported"); h != "Đã tạo 92 tài khoản từ tệp" {
				t.Errorf("the page says %q", h)
			}
			if n := count("after the file"); n != before+93 {
				t.Errorf("after the file the page counts %d, want %d", n, before+93)
			}
			var href string
			var ok bool
			run(t, p, "read the workbook's link", chromedp.AttributeValue(`#tai-tep-mat-khau`, "href", &href, &ok, chromedp.ByQuery))
			rows := workbookRows(t, href)
			if len(rows) != 92 || rows[0][1] != tc.prefix+"01840" || rows[0][5] != s.URL+"/login" {
				t.Fatalf("the workbook has %d rows, the first %q", len(rows), rows[0])
			}
			if _, _, err := (app.Accounts{Store: s.Store}).SignIn(context.Background(), rows[91][1], rows[91][4], "10.9.9.9", "t"); err != nil {
				t.Errorf("the workbook's last password does not sign in: %v", err)
			}
			if tc.shots {
				screenshot(t, p, "accounts-import-1366.png", 1366, 768, false)
				screenshot(t, p, "accounts-import-390.png", 390, 844, false)
			}

			// Disable one, after the page asks.
			victim := tc.prefix + "05581"
			run(t, p, "ask to disable",
				chromedp.Click(`#tk-`+victim+` a[href$="/khoa"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#xac-nhan`, chromedp.ByQuery))
			if q := text(t, p, "#cau-hoi"); !strings.HasPrefix(q, "Khóa tài khoản "+victim+" (Văn phòng UBND xã Trung Hội)?") {
				t.Errorf("the question: %q", q)
			}
			if tc.shots {
				screenshot(t, p, "accounts-confirm-390.png", 390, 844, false)
			}
			run(t, p, "disable", chromedp.Click(`#xac-nhan`, chromedp.ByQuery), chromedp.WaitVisible(`#thong-bao`, chromedp.ByQuery))
			if n := text(t, p, "#thong-bao"); !strings.HasPrefix(n, "Đã khóa tài khoản "+victim+".") || !strings.Contains(text(t, p, "#tk-"+victim), "Đã khóa") {
				t.Errorf("after disabling: %q", n)
			}
			if u := apiUser(t, s, tc.token, victim); u.Disabled == nil {
				t.Errorf("the API does not say %s is disabled", victim)
			}

			// A new password for another, after the page asks.
			other := tc.prefix + "05443"
			run(t, p, "ask for a new password",
				chromedp.Click(`#tk-`+other+` a[href$="/cap-lai-mat-khau"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#xac-nhan`, chromedp.ByQuery),
				chromedp.Click(`#xac-nhan`, chromedp.ByQuery),
				chromedp.WaitVisible(`#reset-password`, chromedp.ByQuery))
			var npw string
			run(t, p, "read the new password", chromedp.Value(`#reset-password`, &npw, chromedp.ByQuery))
			if _, _, err := (app.Accounts{Store: s.Store}).SignIn(context.Background(), other, npw, "10.9.9.8", "t"); err != nil {
				t.Errorf("the new password does not sign in: %v", err)
			}

			// The account of a commune that ended, to the one that reports now.
			if cell := text(t, p, "#tk-"+tc.moved); !strings.Contains(cell, "Đơn vị đã kết thúc ngày 30/06/2025") || !strings.Contains(cell, "Xã Trung Hội (05581)") {
				t.Errorf("the ended commune's row says %q", cell)
			}
			run(t, p, "move the account",
				chromedp.Click(`#tk-`+tc.moved+` form button[type=submit]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#thong-bao`, chromedp.ByQuery))
			if n := text(t, p, "#thong-bao"); n != "Đã chuyển tài khoản "+tc.moved+" sang đơn vị Xã Trung Hội (05581)." {
				t.Errorf("after the move: %q", n)
			}
			if u := apiUser(t, s, tc.token, tc.moved); u.UnitCode != "05581" || u.UnitValidTo != nil {
				t.Errorf("the API says %s is bound to %s (ended %v)", tc.moved, u.UnitCode, u.UnitValidTo)
			}
			count("in the end")
			axeCheck(t, p, "the accounts page")
			if tc.shots {
				screenshot(t, p, "accounts-1366.png", 1366, 768, false)
			}
		})
	}
}

func apiUsers(t *testing.T, s *site, token string) models.UserList {
	t.Helper()
	res := s.Do(t, "GET", "/api/v1/users", token, "", nil)
	var l models.UserList
	res.JSON(t, &l)
	return l
}

func apiUser(t *testing.T, s *site, token, login string) models.User {
	t.Helper()
	for _, u := range apiUsers(t, s, token).Items {
		if u.Login == login {
			return u
		}
	}
	t.Fatalf("the API does not list %s", login)
	return models.User{}
}

// workbookRows are the people's rows of the workbook a data: URL holds.
func workbookRows(t *testing.T, href string) [][]string {
	t.Helper()
	const prefix = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(href, prefix))
	if err != nil || !strings.HasPrefix(href, prefix) {
		t.Fatalf("the workbook's link is not a workbook: %.80s", href)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Tài khoản")
	if err != nil || len(rows) < 3 {
		t.Fatalf("rows %v %v", rows, err)
	}
	return rows[3:]
}
