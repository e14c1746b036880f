package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"doingoai/api"
	"doingoai/app"
	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// listUsers is GET /api/v1/users as a token sees it.
func listUsers(t *testing.T, env *apitest.Env, token, query string) models.UserList {
	t.Helper()
	res := env.Do(t, "GET", "/api/v1/users"+query, token, "", nil)
	if res.Status != 200 {
		t.Fatalf("list users as %s: %d %s", token, res.Status, res.Body)
	}
	if strings.Contains(string(res.Body), "argon2") || strings.Contains(string(res.Body), "password") {
		t.Fatalf("the list shows a password or its hash: %s", res.Body)
	}
	var l models.UserList
	res.JSON(t, &l)
	return l
}

func logins(l models.UserList) string {
	var out []string
	for _, u := range l.Items {
		out = append(out, u.Login)
	}
	return strings.Join(out, ",")
}

// problemFields are the fields of a problem answer, "field:code" each.
func problemFields(t *testing.T, res *apitest.Response) []string {
	t.Helper()
	var p models.Problem
	res.JSON(t, &p)
	var out []string
	for _, f := range p.Errors {
		out = append(out, f.Field+":"+f.Code)
	}
	return out
}

// TestUsersOverTheAPI: an admin makes any account, a province officer the
// commune accounts of its province and nothing else; the password is in
// the answer only and signs in; the list never shows a hash and shows an
// officer only its communes' accounts; disable ends the sessions; a reset
// password replaces the old one; each change is audited with its actor.
func TestUsersOverTheAPI(t *testing.T) {
	env := apitest.New(t)
	ctx := context.Background()
	env.Run(t, []apitest.Scenario{
		{Name: "admin makes a district account", Method: "POST", URL: "/api/v1/users", Token: "admin",
			Body: `{"login":"huyen167","role":"district","unit_code":"167","name":"Phòng Nội vụ huyện Định Hóa"}`, Status: 201,
			Contains: []string{`"login":"huyen167"`, `"unit_name":"Huyện Định Hóa"`, `"password":"`}},
		{Name: "officer makes a commune account in scope", Method: "POST", URL: "/api/v1/users", Token: "province",
			Body: `{"login":"xa05596","role":"commune","unit_code":"05596","name":"Văn phòng UBND xã Bộc Nhiêu","email":"VanPhong.BocNhieu@ThaiNguyen.gov.vn "}`, Status: 201,
			Contains: []string{`"email":"vanphong.bocnhieu@thainguyen.gov.vn"`}},
		{Name: "officer may not grant another role", Method: "POST", URL: "/api/v1/users", Token: "province",
			Body: `{"login":"huyen164","role":"district","unit_code":"164","name":"x"}`, Status: 403},
		{Name: "officer may not grant admin", Method: "POST", URL: "/api/v1/users", Token: "district",
			Body: `{"login":"root2","role":"admin","name":"x"}`, Status: 403},
		{Name: "district officer outside its scope", Method: "POST", URL: "/api/v1/users", Token: "district",
			Body: `{"login":"xa05431","role":"commune","unit_code":"05431","name":"x"}`, Status: 403},
		{Name: "a commune makes no account", Method: "POST", URL: "/api/v1/users", Token: "commune",
			Body: `{"login":"xa05599","role":"commune","unit_code":"05599","name":"x"}`, Status: 403},
		{Name: "a login in use", Method: "POST", URL: "/api/v1/users", Token: "admin",
			Body: `{"login":"XA05596","role":"commune","unit_code":"05599","name":"x"}`, Status: 422,
			Check: func(t *testing.T, res *apitest.Response) {
				if f := problemFields(t, res); strings.Join(f, " ") != "login:taken" {
					t.Errorf("fields %v", f)
				}
			}},
		{Name: "a malformed email and an unknown unit", Method: "POST", URL: "/api/v1/users", Token: "admin",
			Body: `{"login":"xa99999","role":"commune","unit_code":"99999","name":"x","email":"vanphong@"}`, Status: 422,
			Check: func(t *testing.T, res *apitest.Response) {
				if f := problemFields(t, res); strings.Join(f, " ") != "email:bad_format unit_code:unknown_unit" {
					t.Errorf("fields %v", f)
				}
			}},
		{Name: "an unknown unit", Method: "POST", URL: "/api/v1/users", Token: "admin",
			Body: `{"login":"xa99999","role":"commune","unit_code":"99999","name":"x"}`, Status: 422,
			Check: func(t *testing.T, res *apitest.Response) {
				if f := problemFields(t, res); strings.Join(f, " ") != "unit_code:unknown_unit" {
					t.Errorf("fields %v", f)
				}
			}},
		{Name: "an unknown field", Method: "POST", URL: "/api/v1/users", Token: "admin",
			Body: `{"login":"xa05599","role":"commune","unit_code":"05599","name":"x","password":"chosen-by-me"}`, Status: 422},
	})
	if l := listUsers(t, env, "admin", ""); logins(l) != "huyen167,xa05596" || l.Total != 2 {
		t.Errorf("admin's list: %s", logins(l))
	}
	if l := listUsers(t, env, "province", ""); logins(l) != "xa05596" {
		t.Errorf("the province officer sees %s, want only the commune account", logins(l))
	}
	if l := listUsers(t, env, "other-district", ""); l.Total != 0 {
		t.Errorf("another district's officer sees %s", logins(l))
	}
	if l := listUsers(t, env, "admin", "?unit=05599"); l.Total != 0 {
		t.Errorf("?unit=05599: %s", logins(l))
	}
	if res := env.Do(t, "GET", "/api/v1/users?unit=164", "district", "", nil); res.Status != 403 {
		t.Errorf("?unit outside the scope: %d", res.Status)
	}
	if res := env.Do(t, "GET", "/api/v1/users", "commune", "", nil); res.Status != 403 {
		t.Errorf("a commune lists accounts: %d", res.Status)
	}

	// Reset: the new password signs in, the old does not; sessions end.
	secret, _, err := (app.Accounts{Store: env.Store}).SignIn(ctx, "huyen167", mustPassword(t, env, "huyen167"), "10.0.0.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	if res := env.Do(t, "POST", "/api/v1/users/huyen167/reset-password", "province", "", nil); res.Status != 403 {
		t.Errorf("an officer resets a district account: %d", res.Status)
	}
	res := env.Do(t, "POST", "/api/v1/users/xa05596/reset-password", "district", "", nil)
	var reset models.CreatedUser
	res.JSON(t, &reset)
	if res.Status != 200 || len(reset.Password) != 19 || reset.Login != "xa05596" {
		t.Fatalf("reset: %d %s", res.Status, res.Body)
	}
	if _, _, err := (app.Accounts{Store: env.Store}).SignIn(ctx, "xa05596", reset.Password, "10.0.0.2", "test"); err != nil {
		t.Errorf("the reset password does not sign in: %v", err)
	}
	// Disable: the session ends, the account is listed disabled.
	if res := env.Do(t, "POST", "/api/v1/users/huyen167/disable", "admin", "", nil); res.Status != 204 {
		t.Fatalf("disable: %d %s", res.Status, res.Body)
	}
	if _, err := (app.Accounts{Store: env.Store}).Session(ctx, secret); err == nil {
		t.Error("a disabled account's session goes on")
	}
	if res := env.Do(t, "POST", "/api/v1/users/huyen167/disable", "admin", "", nil); res.Status != 409 {
		t.Errorf("disable twice: %d", res.Status)
	}
	if res := env.Do(t, "POST", "/api/v1/users/nobody/disable", "admin", "", nil); res.Status != 404 {
		t.Errorf("disable an unknown login: %d", res.Status)
	}
	if l := listUsers(t, env, "admin", "?unit=167"); logins(l) != "huyen167,xa05596" || l.Items[0].Disabled == nil {
		t.Errorf("after disable: %+v", l.Items)
	}
	// The audit trail names who did each.
	res = env.Do(t, "GET", "/api/v1/audit?unit=05596", "admin", "", nil)
	var audit models.AuditList
	res.JSON(t, &audit)
	actions := map[string]string{}
	for _, e := range audit.Items {
		actions[e.Action] = e.Actor
	}
	if actions[models.ActionUserCreate] != "test province" || actions[models.ActionUserResetPassword] != "test district" {
		t.Errorf("audit: %v", actions)
	}
}

// mustPassword resets an account's password through the use case and returns it.
func mustPassword(t *testing.T, env *apitest.Env, login string) string {
	t.Helper()
	pw, err := (app.Accounts{Store: env.Store}).ResetPassword(context.Background(), models.CommandLine, login, "")
	if err != nil {
		t.Fatal(err)
	}
	return pw
}

// TestImportUsers: a file as Excel writes it in Vietnam (BOM, CRLF,
// semicolons) makes every account; a file with problems makes none and
// names every problem at its line.
func TestImportUsers(t *testing.T) {
	env := apitest.New(t)
	if res := env.Do(t, "POST", "/api/v1/users", "admin", `{"login":"xa05599","role":"commune","unit_code":"05599","name":"Sơn Phú"}`, nil); res.Status != 201 {
		t.Fatal(res.Status)
	}
	csvType := map[string]string{"Content-Type": "text/csv; charset=utf-8"}
	bad := strings.Join([]string{
		"login,role,unit_code,name,email",
		"xa05596,commune,05596,Bộc Nhiêu,vanphong@bocnhieu.gov.vn", // 2: fine
		"xa05596,commune,05593,Phú Tiến,",                          // 3: login twice in the file
		"xa05599,commune,05599,Sơn Phú,",                           // 4: login in use
		"xa99999,commune,99999,Không có,",                          // 5: unknown unit
		"xa05431,commune,05431,Quán Triều,",                        // 6: outside the district's scope
		"huyen-moi,district,167,Huyện,",                            // 7: a role the officer may not grant
		"xa05581,commune,05581,Trung Hội,vanphong@@x",              // 8: malformed email
	}, "\n") + "\n"
	res := env.Do(t, "POST", "/api/v1/users/import", "district", bad, csvType)
	if res.Status != 422 {
		t.Fatalf("bad file: %d %s", res.Status, res.Body)
	}
	want := "line 3.login:taken line 4.login:taken line 5.unit_code:unknown_unit line 6.unit_code:out_of_scope line 7.role:out_of_scope line 8.email:bad_format"
	if got := strings.Join(problemFields(t, res), " "); got != want {
		t.Errorf("problems:\n got %s\nwant %s", got, want)
	}
	if l := listUsers(t, env, "admin", ""); l.Total != 1 {
		t.Fatalf("a refused file created accounts: %s", logins(l))
	}

	good := "\ufefflogin;role;unit_code;name;email\r\nxa05596;commune;05596;Văn phòng UBND xã Bộc Nhiêu;vanphong@bocnhieu.gov.vn\r\n" +
		"xa05593;commune;05593;\"Văn phòng; xã Phú Tiến\";\r\n"
	res = env.Do(t, "POST", "/api/v1/users/import", "district", good, csvType)
	if res.Status != 201 {
		t.Fatalf("good file: %d %s", res.Status, res.Body)
	}
	var made models.ImportedUsers
	res.JSON(t, &made)
	if made.Total != 2 || made.Items[0].Login != "xa05596" || made.Items[1].Name != "Văn phòng; xã Phú Tiến" || made.Items[0].Email != "vanphong@bocnhieu.gov.vn" ||
		made.SignInAt != "http://example.com/login" || len(made.Items[1].Password) != 19 {
		t.Fatalf("made %s", res.Body)
	}
	if l := listUsers(t, env, "district", ""); logins(l) != "xa05593,xa05596,xa05599" {
		t.Errorf("after the import the district sees %s", logins(l))
	}

	// As a workbook: a row a person, with the password and the address.
	wb := "login,role,unit_code,name\nxa05602,commune,05602,Văn phòng UBND xã Phúc Chu\n"
	res = env.Do(t, "POST", "/api/v1/users/import", "admin", wb, map[string]string{"Content-Type": "text/csv",
		"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "X-Forwarded-Proto": "https"})
	if res.Status != 201 || res.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Fatalf("workbook: %d %s", res.Status, res.Header)
	}
	f, err := excelize.OpenReader(bytes.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Tài khoản")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[2], "|") != "STT|Tên đăng nhập|Tên người dùng|Đơn vị|Mật khẩu|Địa chỉ đăng nhập" {
		t.Fatalf("rows %q", rows)
	}
	row := rows[3]
	if row[1] != "xa05602" || !strings.Contains(row[3], "(05602)") || row[5] != "https://example.com/login" || len(row[4]) != 19 {
		t.Fatalf("row %q", row)
	}
	ctx := context.Background()
	if _, _, err := (app.Accounts{Store: env.Store}).SignIn(ctx, "xa05602", row[4], "10.0.0.3", "test"); err != nil {
		t.Errorf("the workbook's password does not sign in: %v", err)
	}
	if res := env.Do(t, "POST", "/api/v1/users/import", "commune", good, csvType); res.Status != 403 {
		t.Errorf("a commune imports: %d", res.Status)
	}
	if res := env.Do(t, "POST", "/api/v1/users/import", "admin", `{"login":"x"}`, nil); res.Status != 415 {
		t.Errorf("JSON to the import: %d", res.Status)
	}
	if res := env.Do(t, "POST", "/api/v1/users/import", "admin", "code,name\n1,2\n", csvType); res.Status != 422 || !strings.Contains(string(res.Body), "line 1") {
		t.Errorf("a wrong header: %d %s", res.Status, res.Body)
	}
	var list models.UserList
	json.Unmarshal(env.Do(t, "GET", "/api/v1/users", "admin", "", nil).Body, &list)
	if list.Total != 4 {
		t.Errorf("%d accounts in the end, want 4", list.Total)
	}
}

// TestEndedUnitAccount: after the 2025 reform, the demo's clerk of old Bộc
// Nhiêu is listed with the day its unit ended and the unit that reports
// for its territory now; the old district's officer may not move it there
// (outside its scope), the province's officer may, and the move is audited.
func TestEndedUnitAccount(t *testing.T) {
	s := testenv.Open(t, testenv.NewClock(time.Now()))
	if _, err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	env := &apitest.Env{Store: s, Handler: api.New(api.Config{Store: s}), Tokens: map[string]string{
		"province": testenv.Token(t, s, models.RoleDistrict, "19", "Sở Ngoại vụ"),
		"district": testenv.Token(t, s, models.RoleDistrict, "167", "Phòng Nội vụ Định Hóa"),
	}}
	l := listUsers(t, env, "province", "?unit=19")
	var old *models.User
	for i, u := range l.Items {
		if u.Login == "xa05596" {
			old = &l.Items[i]
		}
	}
	if logins(l) != "xa05581,xa05596" || old == nil || old.UnitValidTo == nil || old.UnitValidTo.String() != "2025-06-30" ||
		len(old.UnitSuccessors) != 1 || old.UnitSuccessors[0].Code != "05581" || old.UnitSuccessors[0].Name != "Xã Trung Hội" {
		t.Fatalf("the province's list: %+v", l.Items)
	}
	if res := env.Do(t, "POST", "/api/v1/users/xa05596/move", "district", `{"unit_code":"05581"}`, nil); res.Status != 403 {
		t.Errorf("the old district moves the account out of its scope: %d %s", res.Status, res.Body)
	}
	if res := env.Do(t, "POST", "/api/v1/users/xa05596/move", "province", `{"unit_code":"05593"}`, nil); res.Status != 422 || !strings.Contains(string(res.Body), "2025-06-30") {
		t.Errorf("a move to a unit that ended: %d %s", res.Status, res.Body)
	}
	res := env.Do(t, "POST", "/api/v1/users/xa05596/move", "province", `{"unit_code":"05581"}`, nil)
	var moved models.User
	res.JSON(t, &moved)
	if res.Status != 200 || moved.UnitCode != "05581" || moved.UnitValidTo != nil || moved.UnitName != "Xã Trung Hội" {
		t.Fatalf("move: %d %s", res.Status, res.Body)
	}
	res = env.Do(t, "GET", "/api/v1/audit?unit=05581", "province", "", nil)
	if !strings.Contains(string(res.Body), `"action":"user.move"`) || !strings.Contains(string(res.Body), `"actor":"Sở Ngoại vụ"`) {
		t.Errorf("the move is not audited with its actor: %s", res.Body)
	}
}
