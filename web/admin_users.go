package web

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"

	"doingoai/app"
	"doingoai/export"
	"doingoai/models"
	"doingoai/web/urls"
)

// The accounts page: the same work as /api/v1/users (handlers/users.go),
// through the same use case (app.Accounts) and so the same rights — an
// admin for every account, a district or province officer for the commune
// accounts in its scope. A password is shown once, on the answer to the
// POST that made it (no-store); disabling and a new password are asked
// for on a page of their own first.
type accountForm struct {
	Login, Name, Role, Unit, Email string
	Errors                         map[string]string
}

// lineProblem is a problem of an uploaded file, at its line (0: the file).
type lineProblem struct {
	Line    int
	Message string
}

type accountsData struct {
	Users    []models.User
	Admin    bool   // may make accounts of every role
	Scope    string // whose accounts are listed
	Form     accountForm
	Created  *models.CreatedUser // made now: its password, once
	Reset    *models.CreatedUser // a new password, once
	Imported []models.CreatedUser
	Workbook template.URL // the imported passwords as a workbook (data: URL)
	WBName   string
	File     []lineProblem // the uploaded file's problems
	Notice   string
	moved    string // the login just moved, for the notice
}

func (a *App) accounts() app.Accounts { return app.Accounts{Store: a.Store} }

var accountCrumbs = []crumb{{Name: "Trang chủ", Href: urls.Home()}, {Name: "Tài khoản người dùng"}}

func (a *App) accountsPage(w http.ResponseWriter, r *http.Request) error {
	d := accountsData{Form: accountForm{Role: string(models.RoleCommune)}}
	q := r.URL.Query()
	switch {
	case q.Get("da-khoa") != "":
		d.Notice = "Đã khóa tài khoản " + q.Get("da-khoa") + ". Người dùng không đăng nhập được nữa; các phiên đang mở đã kết thúc."
	}
	d.moved = q.Get("da-chuyen")
	return a.renderAccounts(w, r, http.StatusOK, d)
}

func (a *App) renderAccounts(w http.ResponseWriter, r *http.Request, status int, d accountsData) error {
	p := session(r).Principal
	users, err := a.accounts().List(r.Context(), p, "")
	if err != nil {
		return err
	}
	d.Users, d.Admin = users, p.Role == models.RoleAdmin
	for _, u := range users {
		if u.Login == d.moved && d.moved != "" {
			d.Notice = "Đã chuyển tài khoản " + u.Login + " sang đơn vị " + u.UnitName + " (" + u.UnitCode + ")."
		}
	}
	d.Scope = "Tất cả tài khoản"
	if !d.Admin {
		t, err := a.Store.Tree(r.Context())
		if err != nil {
			return err
		}
		if u := t.Unit(p.UnitID); u != nil {
			d.Scope = "Tài khoản cấp xã thuộc " + u.Name
		}
	}
	title := "Tài khoản người dùng"
	switch {
	case d.Created != nil:
		title = "Đã tạo tài khoản"
	case d.Reset != nil:
		title = "Đã cấp lại mật khẩu"
	case d.Imported != nil:
		title = "Đã tạo tài khoản từ tệp"
	}
	a.render(w, r, status, "admin_users.html", pageData{Title: title, Crumbs: accountCrumbs, Data: d})
	return nil
}

// mayManage stops those who manage no account at the door (403 page).
func mayManage(r *http.Request) error {
	if p := session(r).Principal; !app.MayManageAny(p) {
		return models.Errorf(models.EFORBIDDEN, "a %s account cannot manage accounts", p.Role)
	}
	return nil
}

// createAccount makes an account as POST /api/v1/users does and shows its
// password this once; a problem is said at its field (422).
func (a *App) createAccount(w http.ResponseWriter, r *http.Request) error {
	if err := mayManage(r); err != nil {
		return err
	}
	p := session(r).Principal
	f := accountForm{Login: r.PostFormValue("login"), Name: r.PostFormValue("name"), Role: r.PostFormValue("role"),
		Unit: strings.TrimSpace(r.PostFormValue("unit")), Email: r.PostFormValue("email"), Errors: map[string]string{}}
	if p.Role != models.RoleAdmin {
		f.Role = string(models.RoleCommune) // an officer makes commune accounts only
	}
	in := models.UserInput{Login: f.Login, Role: models.Role(f.Role), UnitCode: f.Unit, Name: f.Name, Email: f.Email}
	if in.Role == models.RoleAdmin {
		in.UnitCode = ""
	}
	u, err := a.accounts().Create(r.Context(), p, in)
	var de *models.Error
	switch {
	case err == nil:
		a.Log.Info("account created from the web app", "login", u.Login, "by", p.Actor())
		return a.renderAccounts(w, r, http.StatusCreated, accountsData{Form: accountForm{Role: f.Role}, Created: &u})
	case errors.As(err, &de) && de.Code == models.EINVALID:
		for _, fe := range de.Fields {
			if _, ok := f.Errors[fe.Field]; !ok {
				f.Errors[fe.Field] = accountProblem(fe, f.Login, f.Unit, 0, nil)
			}
		}
	case errors.As(err, &de) && de.MessageCode == models.MCommuneAccountsOnly:
		f.Errors["role"] = de.Vietnamese()
	case errors.As(err, &de) && de.MessageCode == models.MUnitOutOfScope:
		f.Errors["unit_code"] = de.Vietnamese()
	default:
		return err
	}
	return a.renderAccounts(w, r, http.StatusUnprocessableEntity, accountsData{Form: f})
}

// accountProblem says in Vietnamese what is wrong, by the problem's field
// and code; line is the file's line (0 for the form), rows the file's lines
// (to name the line a login is already on).
func accountProblem(fe models.FieldError, login, unit string, line int, rows []models.UserRow) string {
	field := fe.Field
	if i := strings.IndexByte(field, '.'); i >= 0 && strings.HasPrefix(field, "line ") {
		field = field[i+1:]
	}
	for _, r := range rows {
		if r.Line == line {
			login, unit = r.Login, r.UnitCode
		}
	}
	// A problem the catalogue words (messages_vi.go): its words, as the
	// API's message_code and params say it.
	if fe.MessageCode != "" && models.Filled(fe.MessageCode, fe.Params) {
		return fe.Vietnamese()
	}
	switch field + ":" + fe.Code {
	case "login:bad_format":
		return "Tên đăng nhập gồm 2 đến 64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ hoặc số."
	case "login:taken":
		for _, r := range rows {
			if r.Login == login && r.Line < line {
				return fmt.Sprintf("Tên đăng nhập %s đã có ở dòng %d của tệp.", login, r.Line)
			}
		}
		return "Tên đăng nhập " + login + " đã có người dùng. Xin chọn tên khác."
	case "role:invalid", "role:not_allowed":
		return "Vai trò phải là admin (quản trị), district (cấp huyện, tỉnh) hoặc commune (cấp xã)."
	case "role:out_of_scope":
		return "Cấp huyện, tỉnh chỉ được tạo tài khoản cấp xã (commune)."
	case "unit_code:unknown_unit":
		return "Không có đơn vị mã " + unit + " phù hợp với vai trò này (tài khoản cấp xã cần mã xã, phường, đặc khu; cấp huyện, tỉnh cần mã huyện, tỉnh)."
	case "unit_code:out_of_scope":
		return "Đơn vị " + unit + " nằm ngoài phạm vi quản lý của bạn."
	case "unit_code:invalid":
		if unit == "" {
			return "Xin nhập mã đơn vị của tài khoản."
		}
		return "Tài khoản quản trị không gắn với đơn vị nào; để trống mã đơn vị."
	case "name:bad_text", "name:too_long", "name:invalid":
		return fmt.Sprintf("Tên không hợp lệ: tối đa %d ký tự, không chứa ký tự điều khiển.", models.MaxUserName)
	case "email:bad_format":
		return "Địa chỉ thư điện tử không đúng dạng (ví dụ: vanphong@xa.gov.vn)."
	case ":invalid":
		return "Số cột của dòng này khác với dòng tiêu đề."
	}
	return "Không hợp lệ."
}

// importAccounts makes the accounts of an uploaded CSV file, all or none,
// as POST /api/v1/users/import does: the passwords are shown once, with
// the workbook to print; the file's problems are listed at their lines.
func (a *App) importAccounts(w http.ResponseWriter, r *http.Request) error {
	if err := mayManage(r); err != nil {
		return err
	}
	p := session(r).Principal
	data, err := uploadedFile(r)
	if err != nil {
		return a.renderAccounts(w, r, http.StatusUnprocessableEntity, accountsData{Form: accountForm{Role: "commune"}, File: []lineProblem{{Message: "Xin chọn tệp CSV danh sách tài khoản."}}})
	}
	made, err := a.accounts().Import(r.Context(), p, bytes.NewReader(data))
	var de *models.Error
	if errors.As(err, &de) && de.Code == models.EINVALID {
		return a.renderAccounts(w, r, http.StatusUnprocessableEntity, accountsData{Form: accountForm{Role: "commune"}, File: fileProblems(de, data)})
	} else if err != nil {
		return err
	}
	var wb bytes.Buffer
	if err := export.AccountsXLSX(&wb, made, export.SignInAddress(siteOf(r))); err != nil {
		return err
	}
	a.Log.Info("accounts imported from the web app", "count", len(made), "by", p.Actor())
	return a.renderAccounts(w, r, http.StatusCreated, accountsData{Form: accountForm{Role: "commune"}, Imported: made,
		Workbook: template.URL("data:" + export.XLSXType + ";base64," + base64.StdEncoding.EncodeToString(wb.Bytes())),
		WBName:   "tai-khoan-" + a.Store.Now().In(models.Vietnam).Format("2006-01-02-1504") + ".xlsx"})
}

// errNoFile: the form came without a file (its words are said on the page).
var errNoFile = errors.New("no file")

// uploadedFile is the file of the upload form's field "file".
func uploadedFile(r *http.Request) ([]byte, error) {
	f, _, err := r.FormFile("file")
	if err != nil {
		return nil, errNoFile
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil || len(data) == 0 {
		return nil, errNoFile
	}
	return data, nil
}

// fileProblems are the problems of a refused file in Vietnamese, at their
// lines.
func fileProblems(de *models.Error, data []byte) []lineProblem {
	if len(de.Fields) == 0 {
		return []lineProblem{{Message: "Tệp không đúng mẫu CSV: dòng đầu phải là login,role,unit_code,name,email (có thể bỏ cột email), mỗi dòng sau là một tài khoản; các cột cách nhau bằng dấu phẩy hoặc dấu chấm phẩy."}}
	}
	rows, _, _ := models.ParseUsersCSV(bytes.NewReader(data))
	var out []lineProblem
	for _, fe := range de.Fields {
		var line int
		fmt.Sscanf(fe.Field, "line %d", &line)
		msg := accountProblem(fe, "", "", line, rows)
		if fe.Field == "line 1" {
			msg = "Dòng tiêu đề phải là login,role,unit_code,name,email (có thể bỏ cột email)."
		}
		out = append(out, lineProblem{Line: line, Message: msg})
	}
	return out
}

// confirmData is the page that asks before an account is disabled or
// given a new password.
type confirmData struct {
	User          models.User
	Action, Title string
	Question      string
	Button        string
}

// confirmAccount asks first: disabling an account or replacing its
// password is done only from this page's button.
func (a *App) confirmAccount(w http.ResponseWriter, r *http.Request) error {
	if err := mayManage(r); err != nil {
		return err
	}
	u, err := a.managed(r)
	if err != nil {
		return err
	}
	d := confirmData{User: u, Action: r.PathValue("action")}
	who := u.Login
	if u.Name != "" {
		who += " (" + u.Name + ")"
	}
	switch d.Action {
	case "khoa":
		d.Title, d.Button = "Khóa tài khoản", "Khóa tài khoản"
		d.Question = "Khóa tài khoản " + who + "? Người dùng sẽ không đăng nhập được nữa và các phiên đang mở kết thúc ngay."
	case "cap-lai-mat-khau":
		d.Title, d.Button = "Cấp lại mật khẩu", "Cấp mật khẩu mới"
		d.Question = "Cấp mật khẩu mới cho tài khoản " + who + "? Mật khẩu cũ không dùng được nữa và các phiên đang mở kết thúc ngay."
	default:
		return models.Errorf(models.ENOTFOUND, "no such action")
	}
	a.render(w, r, http.StatusOK, "admin_user_confirm.html", pageData{Title: d.Title,
		Crumbs: []crumb{accountCrumbs[0], {Name: "Tài khoản người dùng", Href: urls.Accounts()}, {Name: d.Title}}, Data: d})
	return nil
}

// managed is the account of the path, if the person manages it.
func (a *App) managed(r *http.Request) (models.User, error) {
	users, err := a.accounts().List(r.Context(), session(r).Principal, "")
	if err != nil {
		return models.User{}, err
	}
	for _, u := range users {
		if u.Login == r.PathValue("login") {
			return u, nil
		}
	}
	return models.User{}, models.Errorf(models.ENOTFOUND, "no account %q among those this person manages", r.PathValue("login"))
}

func (a *App) disableAccount(w http.ResponseWriter, r *http.Request) error {
	login := r.PathValue("login")
	err := a.accounts().Disable(r.Context(), session(r).Principal, login)
	if err != nil && models.ErrorCode(err) != models.ECONFLICT {
		return err // disabled already (another tab, another officer): the list says so
	}
	http.Redirect(w, r, urls.Accounts()+"?da-khoa="+url.QueryEscape(login), http.StatusSeeOther)
	return nil
}

func (a *App) resetAccount(w http.ResponseWriter, r *http.Request) error {
	p := session(r).Principal
	login := r.PathValue("login")
	pw, err := a.accounts().ResetPassword(r.Context(), p, login, "")
	if err != nil {
		return err
	}
	u, err := a.Store.User(r.Context(), login)
	if err != nil {
		return err
	}
	return a.renderAccounts(w, r, http.StatusOK, accountsData{Form: accountForm{Role: "commune"}, Reset: &models.CreatedUser{User: u, Password: pw}})
}

// moveAccount binds an account of an ended unit to the unit chosen among
// those that now report for its territory (or any unit typed).
func (a *App) moveAccount(w http.ResponseWriter, r *http.Request) error {
	u, err := a.accounts().Move(r.Context(), session(r).Principal, r.PathValue("login"), strings.TrimSpace(r.PostFormValue("unit")))
	var de *models.Error
	if errors.As(err, &de) && de.MessageCode == "" && len(de.Fields) == 1 {
		// The unit's problem (ended, unknown): said at the top of the
		// error page in the catalogue's words.
		return models.WithMessage(err, de.Fields[0].MessageCode, de.Fields[0].Params)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, urls.Accounts()+"?da-chuyen="+url.QueryEscape(u.Login), http.StatusSeeOther)
	return nil
}
