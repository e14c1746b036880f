package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"doingoai/models"
)

// apiProblem sends a request to the API and reads its problem.
func apiProblem(t *testing.T, s *site, method, path, token, body string, headers map[string]string, status int) models.Problem {
	t.Helper()
	res := s.Do(t, method, path, token, body, headers)
	if res.Status != status {
		t.Fatalf("%s %s: %d, want %d: %s", method, path, res.Status, status, res.Body)
	}
	var p models.Problem
	res.JSON(t, &p)
	return p
}

// saysInVietnamese fails unless the page says the catalogue's words for
// the API's message code and params — and they are no English fallback.
func saysInVietnamese(t *testing.T, what string, p page, code string, params models.Params, prefix string) {
	t.Helper()
	if code == "" || !models.Filled(code, params) {
		t.Fatalf("%s: the API gives message_code %q with params %v, which the catalogue does not fill", what, code, params)
	}
	want := prefix + models.VietnameseMessage(code, params, "")
	if !strings.Contains(html.UnescapeString(p.Body), want) {
		t.Errorf("%s: the page does not say %q (the API's %s)\n%s", what, want, code, p.Body)
	}
}

// TestUseCaseMessagesOnPagesAreTheAPIs: the refusals of the accounts, the
// tokens and the import use cases carry a message code and params in the
// API's answer (its English message kept), and the pages say the
// catalogue's Vietnamese words for them — at the field, at the file's line
// or at the top of the page.
func TestUseCaseMessagesOnPagesAreTheAPIs(t *testing.T) {
	s := newSite(t)
	officer := s.client(t)
	officer.signIn("huyen167")
	csrf := officer.csrf("/quan-tri/tai-khoan")

	// A unit outside the officer's scope: 403 with unit_out_of_scope, said
	// at the unit's field.
	pr := apiProblem(t, s, "POST", "/api/v1/users", "district", `{"login":"xa05431","role":"commune","unit_code":"05431","name":"x"}`, nil, 403)
	if pr.MessageCode != models.MUnitOutOfScope || pr.Params["unit"] != "05431" || !strings.Contains(pr.Detail, "cannot act on unit 05431") {
		t.Errorf("out of scope: %+v", pr)
	}
	p := officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05431"}, "name": {"x"}, "unit": {"05431"}})
	expect(t, "out of scope", p, 422)
	saysInVietnamese(t, "out of scope", p, pr.MessageCode, pr.Params, "")

	// A login in use and a unit that does not fit the role: 422 with each
	// problem's message code, said at its field.
	pr = apiProblem(t, s, "POST", "/api/v1/users", "district", `{"login":"xa05596","role":"commune","unit_code":"167","name":"x"}`, nil, 422)
	codes := map[string]models.FieldError{}
	for _, fe := range pr.Errors {
		codes[fe.MessageCode] = fe
	}
	if len(pr.Errors) != 1 || codes[models.MAccountUnitUnknown].Params["unit"] != "167" {
		t.Errorf("unit of the wrong kind: %+v", pr.Errors)
	}
	p = officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05596"}, "name": {"x"}, "unit": {"167"}})
	expect(t, "unit of the wrong kind", p, 422)
	fe := codes[models.MAccountUnitUnknown]
	saysInVietnamese(t, "unit of the wrong kind", p, fe.MessageCode, fe.Params, "")
	pr = apiProblem(t, s, "POST", "/api/v1/users", "district", `{"login":"xa05596","role":"commune","unit_code":"05602","name":"x"}`, nil, 422)
	if len(pr.Errors) != 1 || pr.Errors[0].MessageCode != models.MLoginTaken || pr.Errors[0].Params["login"] != "xa05596" || pr.Errors[0].Message != "the login xa05596 is taken by an account of the service" {
		t.Errorf("a login in use: %+v", pr.Errors)
	}
	p = officer.post("/quan-tri/tai-khoan", url.Values{"csrf": {csrf}, "login": {"xa05596"}, "name": {"x"}, "unit": {"05602"}})
	expect(t, "a login in use", p, 422)
	saysInVietnamese(t, "a login in use", p, pr.Errors[0].MessageCode, pr.Errors[0].Params, "")

	// A file: each problem at its line, in the words of its message code.
	file := "login,role,unit_code,name\nxa05605,commune,05605,A\nxa05605,commune,05608,B\nxa05599,commune,05599,C\nxa05431,commune,05431,D\nhuyen2,district,167,E\nxa05611,commune,164,F\n"
	pr = apiProblem(t, s, "POST", "/api/v1/users/import", "district", file, map[string]string{"Content-Type": "text/csv"}, 422)
	p = officer.uploadTo("/quan-tri/tai-khoan/nhap-tep", csrf, "ds.csv", []byte(file))
	expect(t, "a bad file", p, 422)
	want := map[string]bool{models.MLoginRepeated: true, models.MLoginTaken: true, models.MUnitOutOfScope: true, models.MCommuneAccountsOnly: true, models.MAccountUnitUnknown: true}
	for _, fe := range pr.Errors {
		line := strings.TrimPrefix(strings.SplitN(fe.Field, ".", 2)[0], "line ")
		saysInVietnamese(t, "a bad file, "+fe.Field, p, fe.MessageCode, fe.Params, "Dòng "+line+": ")
		delete(want, fe.MessageCode)
	}
	if len(want) > 0 {
		t.Errorf("the file's problems lack %v: %+v", want, pr.Errors)
	}

	// The tokens: only an admin manages them; the officer's page says so
	// at the top, as the API's tokens_admin_only.
	pr = apiProblem(t, s, "GET", "/api/v1/tokens", "district", "", nil, 403)
	if pr.MessageCode != models.MTokensAdminOnly || pr.Detail != "a district token cannot do this" {
		t.Errorf("tokens by a district: %+v", pr)
	}
	p = officer.get("/quan-tri/ma-truy-cap")
	expect(t, "tokens by a district", p, http.StatusForbidden)
	saysInVietnamese(t, "tokens by a district", p, pr.MessageCode, pr.Params, "")

	// Moving an account to a unit that has ended: 422 at unit_code with
	// account_unit_ended, said at the top of the page.
	reformDinhHoa(t, s)
	admin := s.client(t)
	admin.signIn("admin")
	pr = apiProblem(t, s, "POST", "/api/v1/users/xa05599/move", "admin", `{"unit_code":"05596"}`, nil, 422)
	if len(pr.Errors) != 1 || pr.Errors[0].MessageCode != models.MAccountUnitEnded || pr.Errors[0].Params["ended_on"] != "2025-06-30" {
		t.Fatalf("a move to an ended unit: %+v", pr.Errors)
	}
	p = admin.post("/quan-tri/tai-khoan/xa05599/chuyen-don-vi", url.Values{"csrf": {admin.csrf("/quan-tri/tai-khoan")}, "unit": {"05596"}})
	expect(t, "a move to an ended unit", p, 422)
	saysInVietnamese(t, "a move to an ended unit", p, pr.Errors[0].MessageCode, pr.Errors[0].Params, "")
}
