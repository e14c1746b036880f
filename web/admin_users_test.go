package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doingoai/app"
	"doingoai/models"
)

// uploadTo sends a file as the field "file" of a form with the token csrf.
func (c *client) uploadTo(path, csrf, name string, data []byte) page {
	c.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", csrf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.s.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.s.URL)
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var out bytes.Buffer
	out.ReadFrom(res.Body)
	return page{Status: res.StatusCode, Header: res.Header, Body: out.String()}
}

var accountCount = regexp.MustCompile(`<span id="so-tai-khoan">(\d+)</span>`)

// countOnPage is the number of accounts the page says it lists.
func countOnPage(t *testing.T, p page) int {
	t.Helper()
	m := accountCount.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("the page gives no count of accounts:\n%s", p.Body)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestAccountsPage: the officers' and the admin's accounts page over HTTP —
// who sees it, the count against the API's list, a password shown once, a
// problem at its field, a file's problems at their lines with nothing
// created, a disable that asks first and needs the form's token.
func TestAccountsPage(t *testing.T) {
	s := newSite(t)
	clerk := s.client(t)
	clerk.signIn("xa05596")
	if p := clerk.get("/quan-tri/tai-khoan"); p.Status != 403 || strings.Contains(p.Body, "xa05599") {
		t.Errorf("a commune's clerk on the accounts page: %d", p.Status)
	}
	if p := clerk.get("/xa/05596/2024"); strings.Contains(p.Body, `href="/quan-tri/tai-khoan"`) {
		t.Error("the clerk's header links to the accounts page")
	}
	officer := s.client(t)
	officer.signIn("huyen167")
	p := officer.get("/quan-tri/tai-khoan")
	expect(t, "the district's accounts page", p, 200, `href="/quan-tri/tai-khoan"`, "Tài khoản cấp xã thuộc Huyện Định Hóa")
	api := s.Do(t, "GET", "/api/v1/users?unit=167", "district", "", nil)
	var list models.UserList
	api.JSON(t, &list)
	if n := countOnPage(t, p); n != list.Total || n != 2 || strings.Contains(p.Body, ">tinh19<") {
		t.Errorf("the page counts %d accounts, the API %d (want the two communes' only)", n, list.Total)
	}
	csrf := officer.csrf("/quan-tri/tai-khoan")
	p = officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05602"}, "name": {"Văn phòng UBND xã Phú Đình"}, "unit": {"05602"}, "role": {"admin"}})
	expect(t, "create", p, 201, "Đã tạo tài khoản xa05602", "Mật khẩu chỉ hiện một lần", "Cấp xã")
	pw := regexp.MustCompile(`id="created-password" [^>]*value="([a-z0-9-]{19})"`).FindStringSubmatch(p.Body)
	if pw == nil {
		t.Fatal("no password on the answer")
	}
	if _, _, err := (app.Accounts{Store: s.Store}).SignIn(t.Context(), "xa05602", pw[1], "10.1.1.1", "t"); err != nil {
		t.Errorf("the shown password does not sign in: %v", err)
	}
	if strings.Contains(officer.get("/quan-tri/tai-khoan").Body, pw[1]) {
		t.Error("the password is shown again")
	}
	p = officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05431"}, "name": {"x"}, "unit": {"05431"}})
	expect(t, "out of scope", p, 422, "Đơn vị 05431 nằm ngoài phạm vi quản lý của bạn.")
	p = officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05431"}, "name": {"x"}, "unit": {"05596"}, "email": {"a@"}})
	expect(t, "a malformed email", p, 422, "Địa chỉ thư điện tử không đúng dạng", `value="a@"`)
	p = officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05602"}, "name": {"x"}, "unit": {"05605"}})
	expect(t, "a login in use", p, 422, "Tên đăng nhập xa05602 đã có người dùng.")

	bad := "\ufefflogin;role;unit_code;name;email\r\nxa05605;commune;05605;Phượng Tiến;\r\nxa05605;commune;05608;Tân Dương;\r\nxa05596;commune;05596;Bộc Nhiêu;\r\nxa05431;commune;05431;Quán Triều;\r\nhuyen2;district;167;Huyện;\r\nxa05611;commune;99999;x;a@b\r\n"
	p = officer.uploadTo("/quan-tri/tai-khoan/nhap-tep", csrf, "ds.csv", []byte(bad))
	expect(t, "a bad file", p, 422, "Tệp có 7 lỗi; chưa tạo tài khoản nào.",
		"Dòng 3: Tên đăng nhập xa05605 đã có ở dòng 2 của tệp.", "Dòng 4: Tên đăng nhập xa05596 đã có người dùng.",
		"Dòng 5: Đơn vị 05431 nằm ngoài phạm vi quản lý của bạn.", "Dòng 6: Cấp huyện, tỉnh chỉ được tạo tài khoản cấp xã",
		"Dòng 7: Không có đơn vị mã 99999", "Dòng 7: Địa chỉ thư điện tử không đúng dạng")
	if n := countOnPage(t, p); n != 3 {
		t.Errorf("after a refused file the page lists %d accounts, want 3", n)
	}
	good := "login,role,unit_code,name,email\nxa05605,commune,05605,Văn phòng UBND xã Bình Thành,vanphong@binhthanh.gov.vn\nxa05563,commune,05563,Văn phòng UBND xã Tân Dương,\n"
	p = officer.uploadTo("/quan-tri/tai-khoan/nhap-tep", csrf, "ds.csv", []byte(good))
	expect(t, "a good file", p, 201, "Đã tạo 2 tài khoản từ tệp", `download="tai-khoan-`, `href="data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,`)

	// Disable: a page that asks, then the form with its token.
	p = officer.get("/quan-tri/tai-khoan/xa05599/khoa")
	expect(t, "confirm", p, 200, "Khóa tài khoản xa05599 (UBND xã Sơn Phú)?", `id="xac-nhan"`)
	if p := officer.post("/quan-tri/tai-khoan/xa05599/khoa", url.Values{}); p.Status != 403 {
		t.Fatalf("a disable without the form's token: %d", p.Status)
	}
	expectRedirect(t, "disable", officer.post("/quan-tri/tai-khoan/xa05599/khoa", url.Values{"csrf": {csrf}}), "/quan-tri/tai-khoan?da-khoa=xa05599")
	p = officer.get("/quan-tri/tai-khoan?da-khoa=xa05599")
	expect(t, "after disable", p, 200, "Đã khóa tài khoản xa05599.", "Đã khóa ")
	if p := officer.get("/quan-tri/tai-khoan/tinh19/khoa"); p.Status != 404 {
		t.Errorf("the district officer may open the province's account: %d", p.Status)
	}
	if p := officer.post("/quan-tri/tai-khoan/tinh19/khoa", url.Values{"csrf": {csrf}}); p.Status != 403 {
		t.Errorf("the district officer disables the province's account: %d", p.Status)
	}
	api = s.Do(t, "GET", "/api/v1/users?unit=167", "district", "", nil)
	api.JSON(t, &list)
	if n := countOnPage(t, p); n != list.Total {
		t.Errorf("page %d, API %d", n, list.Total)
	}
	admin := s.client(t)
	admin.signIn("admin")
	if n := countOnPage(t, admin.get("/quan-tri/tai-khoan")); n != 8 {
		t.Errorf("the admin sees %d accounts, want 8", n)
	}
}
