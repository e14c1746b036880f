package handlers_test

import (
	"net/http"
	"strconv"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// problemOf sends a request through the router and reads its problem.
func problemOf(t *testing.T, env *apitest.Env, method, url, token, contentType, body string, headers map[string]string, status int) models.Problem {
	t.Helper()
	h := map[string]string{}
	for k, v := range headers {
		h[k] = v
	}
	if contentType != "" {
		h["Content-Type"] = contentType
	}
	res := env.Do(t, method, url, token, body, h)
	if res.Status != status {
		t.Fatalf("%s %s: %d, want %d: %s", method, url, res.Status, status, res.Body)
	}
	var p models.Problem
	res.JSON(t, &p)
	return p
}

// filledVi fails unless code and params fill the catalogue's words.
func filledVi(t *testing.T, what, code string, params models.Params) {
	t.Helper()
	if code == "" || !models.Filled(code, params) {
		t.Errorf("%s: message_code %q with params %v has no Vietnamese words filled in", what, code, params)
	}
}

// TestUseCaseRefusalsHaveMessageCodes: the refusals of the import and the
// tokens use cases keep their English message and add a message code and
// params, at the problem (a refusal of no field) or at its field, which
// the catalogue says in Vietnamese. (The accounts' are read against the
// pages in web's TestUseCaseMessagesOnPagesAreTheAPIs.)
func TestUseCaseRefusalsHaveMessageCodes(t *testing.T) {
	env := apitest.New(t)
	text := "text/plain; charset=utf-8"
	seed := seedText(t)

	// The import.
	p := problemOf(t, env, "POST", importURL, "other-commune", text, seed, nil, http.StatusForbidden)
	if p.MessageCode != models.MDocumentUnitOutside || p.Params["unit"] != "05596" || p.Params["name"] != "Xã Bộc Nhiêu" || p.Detail == "" {
		t.Errorf("a document of another commune: %+v", p)
	}
	filledVi(t, "a document of another commune", p.MessageCode, p.Params)
	doc := func(issuer string) string {
		return issuer + "\nSố: 12/BC-UBND\nngày 20 tháng 11 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có tổng số 1.169 hộ.\n"
	}
	p = problemOf(t, env, "POST", importURL, "admin", text, doc("UBND XÃ KHÔNG CÓ THẬT"), nil, http.StatusUnprocessableEntity)
	if len(p.Errors) != 1 || p.Errors[0].Field != "unit" || p.Errors[0].MessageCode != models.MDocumentUnitUnknown || p.Errors[0].Params["name"] != "Không Có Thật" {
		t.Errorf("a name nobody has: %+v", p.Errors)
	} else {
		filledVi(t, "a name nobody has", p.Errors[0].MessageCode, p.Errors[0].Params)
	}
	p = problemOf(t, env, "POST", importURL, "admin", text, "BÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có tổng số 1.169 hộ.\n", nil, http.StatusUnprocessableEntity)
	if len(p.Errors) != 1 || p.Errors[0].Field != "unit" || p.Errors[0].MessageCode != models.MNoUnitInDocument {
		t.Errorf("no commune named: %+v", p.Errors)
	}
	p = problemOf(t, env, "POST", importURL, "commune", text, "UBND XÃ BỘC NHIÊU\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có 1.169 hộ.", nil, http.StatusUnprocessableEntity)
	if len(p.Errors) != 1 || p.Errors[0].Field != "period" || p.Errors[0].MessageCode != models.MNoPeriodInDocument {
		t.Errorf("no period named: %+v", p.Errors)
	}

	// The tokens.
	p = problemOf(t, env, "POST", "/api/v1/tokens", "district", "application/json", `{"role":"commune","unit_code":"05596","name":"x"}`, nil, http.StatusForbidden)
	if p.MessageCode != models.MTokensAdminOnly || p.Params["role"] != "district" || p.Detail != "a district token cannot do this" {
		t.Errorf("a token by a district: %+v", p)
	}
	filledVi(t, "a token by a district", p.MessageCode, p.Params)
	body := `{"role":"commune","unit_code":"05596","name":"Phần mềm xã"}`
	res := env.Do(t, "POST", "/api/v1/tokens", "admin", body, map[string]string{"Idempotency-Key": "k-spent", "Content-Type": "application/json"})
	var made models.CreatedToken
	res.JSON(t, &made)
	if res.Status != http.StatusCreated {
		t.Fatalf("a token: %d %s", res.Status, res.Body)
	}
	if res := env.Do(t, "DELETE", "/api/v1/tokens/"+strconv.FormatInt(made.ID, 10), "admin", "", nil); res.Status != http.StatusNoContent {
		t.Fatalf("revoke: %d", res.Status)
	}
	p = problemOf(t, env, "POST", "/api/v1/tokens", "admin", "application/json", body, map[string]string{"Idempotency-Key": "k-spent"}, http.StatusConflict)
	if p.MessageCode != models.MTokenKeySpent || p.Params["key"] != "k-spent" {
		t.Errorf("the key of a revoked token: %+v", p)
	}
	filledVi(t, "the key of a revoked token", p.MessageCode, p.Params)

	// A refusal without a message code has none in its answer.
	if res := env.Do(t, "GET", "/api/v1/reports/05596/2024", "other-commune", "", nil); res.Status != http.StatusForbidden || contains(res.Body, "message_code") {
		t.Errorf("a refusal of the models' scope check: %d %s", res.Status, res.Body)
	}
}
