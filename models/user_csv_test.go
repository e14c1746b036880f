package models

import (
	"strings"
	"testing"
)

// TestParseUsersCSV: what spreadsheet programs write is read alike — a
// byte-order mark, CRLF, ';' between columns, quoted fields — and each
// line's own problems come with its number.
func TestParseUsersCSV(t *testing.T) {
	const both = "xa05596|commune|05596|Văn phòng UBND xã Bộc Nhiêu|vanphong@bocnhieu.gov.vn;xa05593|commune|05593|Xã Phú Tiến, Định Hóa|"
	for _, tc := range []struct{ name, file, want string }{
		{"plain", "login,role,unit_code,name,email\nxa05596,commune,05596,Văn phòng UBND xã Bộc Nhiêu,vanphong@bocnhieu.gov.vn\nxa05593,commune,05593,\"Xã Phú Tiến, Định Hóa\",\n", both},
		{"excel vi", "\ufefflogin;role;unit_code;name;email\r\nXA05596;Commune; 05596 ;Văn phòng UBND xã Bộc Nhiêu;VanPhong@BocNhieu.gov.vn\r\nxa05593;commune;05593;Xã Phú Tiến, Định Hóa;\r\n", both},
		{"no email, a blank line", "Login,Role,Unit_Code,Name\r\nxa05596,commune,05596,Văn phòng UBND xã Bộc Nhiêu\r\n\r\nxa05593,commune,05593,\"Xã Phú Tiến, Định Hóa\"\r\n",
			strings.ReplaceAll(both, "vanphong@bocnhieu.gov.vn", "")},
		{"NFD", "login,role,unit_code,name,email\nxa05596,commune,05596,Văn phòng UBND xã Bộc Nhiêu,vanphong@bocnhieu.gov.vn\nxa05593,commune,05593,\"Xa\u0303 Phú Tiến, Định Hóa\",\n", both},
	} {
		rows, probs, err := ParseUsersCSV(strings.NewReader(tc.file))
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s: %v %v", tc.name, err, probs)
		}
		var got []string
		for _, r := range rows {
			got = append(got, strings.Join([]string{r.Login, string(r.Role), r.UnitCode, r.Name, r.Email}, "|"))
		}
		if strings.Join(got, ";") != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, strings.Join(got, ";"), tc.want)
		}
		if last, want := rows[len(rows)-1].Line, strings.Count(strings.TrimRight(tc.file, "\r\n"), "\n")+1; last != want {
			t.Errorf("%s: the last account is on line %d, want %d", tc.name, last, want)
		}
	}
	_, probs, err := ParseUsersCSV(strings.NewReader("login,role,unit_code,name,email\nx,boss,,Tên\u0007,a@b\nxa1,commune,05596,A,\nxa1,commune,05599,B,\nxa2,commune\n"))
	var got []string
	for _, p := range probs {
		got = append(got, p.Field+":"+p.Code)
	}
	if err != nil || strings.Join(got, " ") != "line 2.login:bad_format line 2.role:invalid line 2.name:bad_text line 2.email:bad_format line 4.login:taken line 5:invalid" {
		t.Errorf("problems: %v %v", err, got)
	}
	for _, bad := range []string{"", "\ufeff", "code,name,kind,parent_code\n", "login,role,unit_code,name,email\n", "login,role,unit_code,name,email\n\"unclosed\n"} {
		if _, _, err := ParseUsersCSV(strings.NewReader(bad)); ErrorCode(err) != EINVALID {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// TestValidEmail: the addresses a mail server takes as a recipient.
func TestValidEmail(t *testing.T) {
	for s, ok := range map[string]bool{
		"vanphong@bocnhieu.gov.vn": true, "a.b+c@x.vn": true, "a@b": false, "a@": false, "@b.vn": false, "a b@c.vn": false,
		"Tên <a@b.vn>": false, "a@b..vn": false, "a@.b.vn": false, "a@b.vn.": false, "a@@b.vn": false, "": false,
	} {
		if ValidEmail(s) != ok {
			t.Errorf("ValidEmail(%q) = %v", s, !ok)
		}
	}
}
