package web

import (
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"doingoai/app"
	"doingoai/models"
	"doingoai/store"
	"doingoai/web/urls"
)

// The admin's token page: the same work as POST/GET/DELETE /api/v1/tokens
// (handlers/tokens.go), through the same request type and use case
// (app.Tokens, with its rule of who manages tokens), audited with the
// signed-in admin's name. The secret is shown once, on
// the answer to the creating POST (no-store), and never again.
// roleName is a token's role as the page says it.
func roleName(r models.Role) string {
	switch r {
	case models.RoleAdmin:
		return "Quản trị"
	case models.RoleDistrict:
		return "Cấp huyện, tỉnh"
	case models.RoleCommune:
		return "Cấp xã"
	}
	return string(r)
}

type tokenForm struct {
	Role, Unit, Name, Days string
	// Key is the form's own random key: the same form sent twice (a
	// double click, a reload) makes one token (app.FormTokenKey).
	Key    string
	Errors map[string]string
}

// newTokenForm is an empty form with a fresh key.
func newTokenForm() tokenForm {
	return tokenForm{Role: "commune", Days: "365", Key: newIdemKey()}
}

type tokensData struct {
	Tokens  []models.Token
	Form    tokenForm
	Revoked string // the id just revoked, for the notice
	Created *models.CreatedToken
	MaxDays int
}

var tokenCrumbs = []crumb{{Name: "Trang chủ", Href: urls.Home()}, {Name: "Mã truy cập cho phần mềm"}}

// tokenUseCase is the use case of the token page.
func (a *App) tokenUseCase() app.Tokens { return app.Tokens{Store: a.Store} }

func (a *App) tokens(w http.ResponseWriter, r *http.Request) error {
	if err := a.tokenUseCase().May(session(r).Principal); err != nil {
		return err
	}
	return a.renderTokens(w, r, http.StatusOK, tokensData{Form: newTokenForm(), Revoked: r.URL.Query().Get("da-thu-hoi")})
}

func (a *App) renderTokens(w http.ResponseWriter, r *http.Request, status int, d tokensData) error {
	toks, err := a.tokenUseCase().List(r.Context(), session(r).Principal)
	if err != nil {
		return err
	}
	d.Tokens, d.MaxDays = toks, models.MaxTokenDays
	title := "Mã truy cập cho phần mềm"
	if d.Created != nil {
		title = "Đã tạo mã truy cập"
	}
	a.render(w, r, status, "admin_tokens.html", pageData{Title: title, Crumbs: tokenCrumbs, Data: d})
	return nil
}

// createToken makes a token as POST /api/v1/tokens does and shows its
// secret this once; a bad field is shown at the field with 422. The same
// form sent again makes no second token: the answer is the first one.
func (a *App) createToken(w http.ResponseWriter, r *http.Request) error {
	p := session(r).Principal
	tokens := a.tokenUseCase()
	if err := tokens.May(p); err != nil {
		return err
	}
	f := tokenForm{Role: r.PostFormValue("role"), Unit: strings.TrimSpace(r.PostFormValue("unit")),
		Name: r.PostFormValue("name"), Days: strings.TrimSpace(r.PostFormValue("days")), Key: r.PostFormValue("form_key"), Errors: map[string]string{}}
	formKey, kerr := hex.DecodeString(f.Key)
	if kerr != nil || len(formKey) < 16 || len(formKey) > 64 {
		formKey, f.Key = nil, newIdemKey()
	}
	req := models.TokenRequest{Role: models.Role(f.Role), Name: f.Name}
	if req.Role != models.RoleAdmin {
		req.UnitCode = f.Unit
	}
	if f.Days != "" {
		n, err := strconv.Atoi(f.Days)
		if err != nil {
			f.Errors["days"] = "Xin nhập số ngày là một số nguyên, từ 1 đến " + strconv.Itoa(models.MaxTokenDays) + "; để trống nếu mã không hết hạn."
		} else {
			req.ExpiresInDays = &n
		}
	}
	var created models.CreatedToken
	var replayed bool
	in, err := req.Input()
	if err == nil && len(f.Errors) == 0 {
		created, replayed, err = tokens.Create(r.Context(), p, app.NewToken{Input: in, Key: app.FormTokenKey(session(r).UserID, formKey)})
	}
	var refused *models.Error
	if errors.Is(err, store.ErrNoFormKey) && errors.As(err, &refused) && len(refused.Fields) > 0 {
		// A form from before keys, or altered: nothing is made until the
		// person sends the page's own form.
		err = nil
		f.Errors["form"] = refused.Fields[0].Vietnamese()
	}
	if errors.Is(err, store.ErrFormSpent) && errors.As(err, &refused) {
		f.Key, err = newIdemKey(), nil
		f.Errors["form"] = refused.Vietnamese()
	}
	if errors.Is(err, models.ErrKeyReused) {
		f.Key, err = newIdemKey(), nil
		f.Errors["form"] = "Biểu mẫu này đã được dùng để tạo một mã với nội dung khác. Xin kiểm tra lại các ô rồi bấm “Tạo mã” lần nữa."
	}
	var de *models.Error
	if errors.As(err, &de) && de.Code == models.EINVALID {
		for _, fe := range de.Fields {
			field, msg := tokenFieldMessage(models.TokenRequestField(fe.Field), f)
			if _, ok := f.Errors[field]; !ok {
				f.Errors[field] = msg
			}
		}
	} else if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return a.renderTokens(w, r, http.StatusUnprocessableEntity, tokensData{Form: f})
	}
	if !replayed {
		a.Log.Info("token created from the web app", "token_id", created.ID, "by", p.Actor())
	}
	return a.renderTokens(w, r, http.StatusCreated, tokensData{Form: newTokenForm(), Created: &created})
}

// tokenFieldMessage says in Vietnamese what is wrong with a field of the
// form, named by the API request's field.
func tokenFieldMessage(field string, f tokenForm) (string, string) {
	switch field {
	case "role":
		return "role", "Xin chọn vai trò: phần mềm cấp xã, cấp huyện/tỉnh, hoặc quản trị."
	case "unit_code":
		switch {
		case f.Unit == "":
			return "unit", "Xin nhập mã đơn vị mà phần mềm được dùng cho."
		case f.Role == string(models.RoleCommune):
			return "unit", "Mã " + f.Unit + " không phải là mã của một xã, phường hoặc đặc khu đang có trong danh mục."
		default:
			return "unit", "Mã " + f.Unit + " không phải là mã của một huyện, tỉnh hoặc cả nước (VN) đang có trong danh mục."
		}
	case "name":
		return "name", "Tên không hợp lệ: tối đa " + strconv.Itoa(models.MaxTokenName) + " ký tự, không chứa ký tự điều khiển, ký tự ẩn hay ký tự đảo chiều văn bản."
	case "expires_in_days":
		return "days", "Số ngày phải từ 1 đến " + strconv.Itoa(models.MaxTokenDays) + "; để trống nếu mã không hết hạn."
	}
	return field, "Không hợp lệ."
}

// revokeToken revokes a token as DELETE /api/v1/tokens/{id} does.
func (a *App) revokeToken(w http.ResponseWriter, r *http.Request) error {
	p := session(r).Principal
	tokens := a.tokenUseCase()
	if err := tokens.May(p); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return models.Errorf(models.ENOTFOUND, "no token has the id %q", r.PathValue("id"))
	}
	if err := tokens.Revoke(r.Context(), p, id); err != nil && models.ErrorCode(err) != models.ECONFLICT {
		return err // already revoked (another tab, another admin): the list says so
	}
	http.Redirect(w, r, urls.Tokens()+"?da-thu-hoi="+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
