package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"doingoai/models"
)

// AccountsXLSX writes the accounts just created with their passwords, one
// row a person (login, name, unit, password, the sign-in address), on A4
// landscape with the header on every page: printed and cut into slips, or
// sent to each commune, it is how people learn their first password.
func AccountsXLSX(w io.Writer, accts []models.CreatedUser, signInAt string) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	t := table{name: "Tài khoản", title: "Tài khoản đăng nhập hệ thống báo cáo công tác đối ngoại",
		header: []string{"STT", "Tên đăng nhập", "Tên người dùng", "Đơn vị", "Mật khẩu", "Địa chỉ đăng nhập"}}
	for i, u := range accts {
		unit := u.UnitName
		if u.UnitCode != "" {
			unit = fmt.Sprintf("%s (%s)", u.UnitName, u.UnitCode)
		}
		t.rows = append(t.rows, []any{fmt.Sprint(i + 1), neutralise(u.Login), neutralise(u.Name), neutralise(unit), u.Password, signInAt})
	}
	if err := f.SetSheetName("Sheet1", t.name); err != nil {
		return err
	}
	subtitle := fmt.Sprintf("%d tài khoản. Mật khẩu chỉ được cấp một lần: xin giao tận tay từng người; người dùng đổi hoặc xin cấp lại mật khẩu qua quản trị viên.", len(accts))
	if err := writeSheet(f, st, t, subtitle, false); err != nil {
		return err
	}
	return f.Write(w)
}

// DocxType is the media type of a Word document.
const DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// XLSXType is the media type of an Excel workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// SignInAddress is the sign-in page of the web app at site (its address,
// "https://baocao.example.gov.vn"), or a placeholder when none is known.
func SignInAddress(site string) string {
	site = strings.TrimRight(strings.TrimSpace(site), "/")
	if site == "" {
		return "(địa chỉ trang web)/login"
	}
	return site + "/login"
}
