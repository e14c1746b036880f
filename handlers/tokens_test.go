package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestTokensOverTheAPI: an admin makes a commune's token over the API; the
// secret is in that answer only, works at once within its scope, is never
// listed, and stops working once revoked; both changes are audited with the
// admin who made them.
func TestTokensOverTheAPI(t *testing.T) {
	env := apitest.New(t)
	res := env.Do(t, "POST", "/api/v1/tokens", "admin",
		`{"role":"commune","unit_code":"05596","name":"Phần mềm một cửa xã Bộc Nhiêu","expires_in_days":30}`, nil)
	if res.Status != 201 {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	var created models.CreatedToken
	res.JSON(t, &created)
	if !strings.HasPrefix(created.Token, "dgo_") || created.UnitCode != "05596" || created.Role != models.RoleCommune || created.ExpiresAt == nil {
		t.Fatalf("created %+v", created)
	}
	if d := created.ExpiresAt.Sub(env.Clock.Now()); d != 30*24*time.Hour {
		t.Errorf("expires in %v, want 30 days", d)
	}
	bearer := "Bearer " + created.Token
	if r := env.Do(t, "GET", "/api/v1/reports/05596/2024/revisions", bearer, "", nil); r.Status != 404 && r.Status != 200 {
		t.Errorf("the new token on its own unit: %d %s", r.Status, r.Body)
	}
	if r := env.Do(t, "GET", "/api/v1/reports/05599/2024", bearer, "", nil); r.Status != 403 {
		t.Errorf("the new token on another commune: %d", r.Status)
	}

	list := env.Do(t, "GET", "/api/v1/tokens", "admin", "", nil)
	if list.Status != 200 || strings.Contains(string(list.Body), created.Token) || strings.Contains(string(list.Body), "dgo_") {
		t.Fatalf("the list shows a secret, or failed: %d %s", list.Status, list.Body)
	}
	var tl models.TokenList
	list.JSON(t, &tl)
	found := false
	for _, tok := range tl.Items {
		found = found || tok.ID == created.ID && tok.Name == "Phần mềm một cửa xã Bộc Nhiêu" && tok.RevokedAt == nil
	}
	if !found || tl.Total != len(tl.Items) {
		t.Errorf("the new token is not listed: %s", list.Body)
	}

	if r := env.Do(t, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", created.ID), "admin", "", nil); r.Status != 204 {
		t.Fatalf("revoke: %d %s", r.Status, r.Body)
	}
	env.Clock.Add(2 * time.Second) // past the one second a server trusts what it read of a token
	if r := env.Do(t, "GET", "/api/v1/units/05596", bearer, "", nil); r.Status != 401 {
		t.Errorf("a revoked token: %d", r.Status)
	}
	if r := env.Do(t, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", created.ID), "admin", "", nil); r.Status != 409 {
		t.Errorf("revoke twice: %d", r.Status)
	}

	audit := string(env.Do(t, "GET", "/api/v1/audit?per_page=500", "admin", "", nil).Body)
	for _, action := range []string{`"action":"token.create"`, `"action":"token.revoke"`} {
		if !strings.Contains(audit, action) {
			t.Errorf("the audit trail has no %s: %.500s", action, audit)
		}
	}
	if strings.Contains(audit, created.Token) {
		t.Error("the audit trail holds the secret")
	}

	env.Run(t, []apitest.Scenario{
		{Name: "a commune token needs a commune", Method: "POST", URL: "/api/v1/tokens", Token: "admin", Body: `{"role":"commune","unit_code":"167"}`,
			Status: 422, Contains: []string{`"field":"unit_code"`}},
		{Name: "a district token needs its unit", Method: "POST", URL: "/api/v1/tokens", Token: "admin", Body: `{"role":"district"}`,
			Status: 422, Contains: []string{`"field":"unit_code"`}},
		{Name: "every problem at once", Method: "POST", URL: "/api/v1/tokens", Token: "admin", Body: `{"role":"king","expires_in_days":0}`,
			Status: 422, Contains: []string{`"field":"role"`, `"field":"expires_in_days"`}},
		{Name: "an unknown field", Method: "POST", URL: "/api/v1/tokens", Token: "admin", Body: `{"role":"admin","secret":"mine"}`,
			Status: 422, Contains: []string{`"field":"secret"`}},
		{Name: "an unknown unit", Method: "POST", URL: "/api/v1/tokens", Token: "admin", Body: `{"role":"commune","unit_code":"99999"}`,
			Status: 422, Contains: []string{`"field":"unit_code"`}},
		{Name: "a district cannot make tokens", Method: "POST", URL: "/api/v1/tokens", Token: "district", Body: `{"role":"commune","unit_code":"05596"}`, Status: 403},
		{Name: "a commune cannot list them", URL: "/api/v1/tokens", Token: "commune", Status: 403},
		{Name: "an id that is not a number", Method: "DELETE", URL: "/api/v1/tokens/abc", Token: "admin", Status: 404},
	})
}
