package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"doingoai/app"
	"doingoai/internal/apitest"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// covers says which units each token of apitest.Env may act on: its own
// unit and everything below it (an admin everything).
var covers = map[string][]string{
	"province":        {"19", "164", "167", "05596", "05599", "05431"},
	"district":        {"167", "05596", "05599"},
	"other-district":  {"164", "05431"},
	"commune":         {"05596"},
	"other-commune":   {"05599"},
	"foreign-commune": {"05431"},
}

// targets are the units every endpoint is tried on, seen from each token:
// its own unit, a unit below it, a sibling, and units in other subtrees.
var targets = []string{"VN", "19", "167", "164", "05596", "05599", "05431", "00001"}

var communeTargets = []string{"05596", "05599", "05431", "00001"}

// TestAccessControl is the authorisation table of the API: every endpoint
// of the contract, for every role and for the token's own unit, a child, a
// sibling and a foreign unit, must answer exactly the status in the table.
// A unit outside a token's scope is 403 whether it holds data or not.
func TestAccessControl(t *testing.T) {
	env := apitest.New(t)
	ctx := context.Background()
	// Data for every target: a report of each commune, a deadline on the country.
	for _, c := range communeTargets {
		submit(t, env, "admin", report(t, c, "2024", map[string]any{"households": 100, "population": 400}, nil))
	}
	if res := env.Do(t, "PUT", "/api/v1/deadlines/VN/2024", "admin", `{"due_date":"2024-11-30"}`, nil); res.Status != 201 {
		t.Fatal(res.Status)
	}
	// Tokens that must be refused everywhere.
	revoked, tok, _ := testenv.CreateToken(env.Store, models.TokenInput{Role: models.RoleAdmin, Name: "revoked"})
	if err := env.Store.RevokeToken(ctx, models.CommandLine, tok.ID); err != nil {
		t.Fatal(err)
	}
	expired, _, _ := testenv.CreateToken(env.Store, models.TokenInput{Role: models.RoleAdmin, Name: "expired", TTL: time.Hour})
	env.Clock.Add(61 * time.Minute)
	env.Tokens["revoked"], env.Tokens["expired"] = revoked, expired
	env.Tokens["none"] = ""

	type endpoint struct {
		name   string
		method string
		url    func(unit string) string
		body   func(unit string) string
		units  []string
		// ok is the status when allowed; roles the roles allowed at all
		// (nil: every role); public: every token, scope or not.
		ok     int
		roles  []models.Role
		public bool
		// denied is the status outside the scope when not 403 (a file's
		// lines out of scope are its problems: 422); headers are sent too.
		denied  int
		headers map[string]string
	}
	// Accounts to change, one per cell: a commune's clerk at the unit.
	seq := 0
	account := func(u string) string {
		seq++
		login := fmt.Sprintf("xa%s-%d", u, seq)
		if _, err := (app.Accounts{Store: env.Store}).Create(ctx, models.CommandLine, models.UserInput{Login: login, Role: models.RoleCommune, UnitCode: u, Name: "Văn phòng UBND"}); err != nil {
			t.Fatal(err)
		}
		return login
	}
	// A commune of the same district for each target, to move an account to.
	for _, in := range []models.UnitInput{
		{Code: "05434", Name: "Phường Quang Trung", Kind: models.KindWard, ParentCode: "164"},
		{Code: "00004", Name: "Phường Trúc Bạch", Kind: models.KindWard, ParentCode: "001"},
	} {
		if _, err := env.Store.CreateUnit(ctx, models.CommandLine, in); err != nil {
			t.Fatal(err)
		}
	}
	neighbour := map[string]string{"05596": "05599", "05599": "05596", "05431": "05434", "00001": "00004"}
	rep := func(u string) string {
		return report(t, u, "2024", map[string]any{"households": 100, "population": 400}, nil)
	}
	endpoints := []endpoint{
		{name: "list units", method: "GET", url: func(string) string { return "/api/v1/units?per_page=5" }, units: []string{"-"}, ok: 200, public: true},
		{name: "get unit", method: "GET", url: func(u string) string { return "/api/v1/units/" + u }, units: targets, ok: 200, public: true},
		{name: "create unit", method: "POST", url: func(string) string { return "/api/v1/units" }, units: []string{"-"}, ok: 201, roles: []models.Role{models.RoleAdmin}, public: true,
			body: func(string) string { return "" }},
		{name: "update unit", method: "PATCH", url: func(u string) string { return "/api/v1/units/" + u }, units: targets, ok: 200, roles: []models.Role{models.RoleAdmin}, public: true,
			body: func(string) string { return `{"valid_from":"2000-01-01"}` }},
		{name: "indicators", method: "GET", url: func(string) string { return "/api/v1/indicators" }, units: []string{"-"}, ok: 200, public: true},
		{name: "submit", method: "POST", url: func(string) string { return "/api/v1/reports" }, body: rep, units: communeTargets, ok: 200},
		{name: "submit at path", method: "PUT", url: func(u string) string { return "/api/v1/reports/" + u + "/2024" }, body: rep, units: communeTargets, ok: 200},
		{name: "get report", method: "GET", url: func(u string) string { return "/api/v1/reports/" + u + "/2024" }, units: communeTargets, ok: 200},
		{name: "revisions", method: "GET", url: func(u string) string { return "/api/v1/reports/" + u + "/2024/revisions" }, units: communeTargets, ok: 200},
		{name: "one revision", method: "GET", url: func(u string) string { return "/api/v1/reports/" + u + "/2024/revisions/1" }, units: communeTargets, ok: 200},
		{name: "review", method: "POST", url: func(u string) string { return "/api/v1/reports/" + u + "/2024/review" }, units: communeTargets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}, body: func(string) string { return `{"decision":"return","comment":"Bổ sung."}` }},
		{name: "list reports", method: "GET", url: func(u string) string { return "/api/v1/reports?parent=" + u }, units: targets, ok: 200},
		{name: "rollup", method: "GET", url: func(u string) string { return "/api/v1/rollups?period=2024&unit=" + u }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "rollup csv", method: "GET", url: func(u string) string { return "/api/v1/rollups?period=2024&format=csv&unit=" + u }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "completeness", method: "GET", url: func(u string) string { return "/api/v1/completeness?period=2024&unit=" + u }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "set deadline", method: "PUT", url: func(u string) string { return "/api/v1/deadlines/" + u + "/2024" }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}, body: func(string) string { return `{"due_date":"2024-11-30"}` }},
		{name: "get deadline", method: "GET", url: func(u string) string { return "/api/v1/deadlines/" + u + "/2024" }, units: targets, ok: 200},
		{name: "consolidated report", method: "GET", url: func(u string) string { return "/api/v1/consolidated/" + u + "/2024?format=json" },
			units: []string{"VN", "19", "167", "164"}, ok: 200, roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "audit", method: "GET", url: func(u string) string { return "/api/v1/audit?unit=" + u }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "create token", method: "POST", url: func(string) string { return "/api/v1/tokens" }, units: targets, ok: 201,
			roles: []models.Role{models.RoleAdmin}, public: true, body: func(u string) string {
				if u == "VN" || u == "19" || u == "167" || u == "164" {
					return `{"role":"district","unit_code":"` + u + `","name":"hệ thống huyện"}`
				}
				return `{"role":"commune","unit_code":"` + u + `","name":"hệ thống xã"}`
			}},
		{name: "list tokens", method: "GET", url: func(string) string { return "/api/v1/tokens" }, units: []string{"-"}, ok: 200,
			roles: []models.Role{models.RoleAdmin}, public: true},
		// Each cell revokes a token of its own, made for it.
		{name: "revoke token", method: "DELETE", units: targets, ok: 204, roles: []models.Role{models.RoleAdmin}, public: true,
			url: func(u string) string {
				_, tok, err := testenv.CreateToken(env.Store, models.TokenInput{Role: models.RoleAdmin, Name: "to revoke"})
				if err != nil {
					t.Fatal(err)
				}
				return fmt.Sprintf("/api/v1/tokens/%d", tok.ID)
			}},
		{name: "send reminders", method: "POST", url: func(string) string { return "/api/v1/reminders" }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}, body: func(u string) string {
				return `{"unit_code":"` + u + `","period":"2024","message":"Đề nghị gửi báo cáo."}`
			}},
		{name: "list reminders", method: "GET", url: func(u string) string { return "/api/v1/reminders?period=2024&unit=" + u }, units: targets, ok: 200},
		{name: "list users", method: "GET", url: func(u string) string { return "/api/v1/users?unit=" + u }, units: targets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "create user", method: "POST", url: func(string) string { return "/api/v1/users" }, units: communeTargets, ok: 201,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}, body: func(u string) string {
				seq++
				return fmt.Sprintf(`{"login":"xa%s-%d","role":"commune","unit_code":"%s","name":"Văn phòng UBND"}`, u, seq, u)
			}},
		{name: "import users", method: "POST", url: func(string) string { return "/api/v1/users/import" }, units: communeTargets, ok: 201,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}, denied: http.StatusUnprocessableEntity, headers: map[string]string{"Content-Type": "text/csv"},
			body: func(u string) string {
				seq++
				return fmt.Sprintf("login,role,unit_code,name\nxa%s-%d,commune,%s,Văn phòng UBND\n", u, seq, u)
			}},
		{name: "disable user", method: "POST", url: func(u string) string { return "/api/v1/users/" + account(u) + "/disable" }, units: communeTargets, ok: 204,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "reset password", method: "POST", url: func(u string) string { return "/api/v1/users/" + account(u) + "/reset-password" }, units: communeTargets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}},
		{name: "move user", method: "POST", url: func(u string) string { return "/api/v1/users/" + account(u) + "/move" }, units: communeTargets, ok: 200,
			roles: []models.Role{models.RoleAdmin, models.RoleDistrict}, body: func(u string) string { return `{"unit_code":"` + neighbour[u] + `"}` }},
	}
	roleOf := map[string]models.Role{"admin": models.RoleAdmin, "province": models.RoleDistrict, "district": models.RoleDistrict,
		"other-district": models.RoleDistrict, "commune": models.RoleCommune, "other-commune": models.RoleCommune, "foreign-commune": models.RoleCommune}
	tokens := []string{"admin", "province", "district", "other-district", "commune", "other-commune", "foreign-commune", "none", "revoked", "expired"}
	n := 0
	for _, ep := range endpoints {
		for _, tok := range tokens {
			for _, u := range ep.units {
				want := ep.ok
				switch role, known := roleOf[tok]; {
				case !known:
					want = http.StatusUnauthorized
				case ep.roles != nil && !slices.Contains(ep.roles, role):
					want = http.StatusForbidden
				case !ep.public && role != models.RoleAdmin && !slices.Contains(covers[tok], u):
					want = http.StatusForbidden
					if ep.denied != 0 {
						want = ep.denied
					}
				}
				body := ""
				if ep.body != nil {
					body = ep.body(u)
					if ep.name == "create unit" {
						body = fmt.Sprintf(`{"code":"9%04d","name":"Xã Mới %d","kind":"commune","parent_code":"167"}`, n, n)
					}
				}
				secret := env.Tokens[tok]
				header := ""
				if secret != "" {
					header = "Bearer " + secret
				}
				res := env.Do(t, ep.method, ep.url(u), header, body, ep.headers)
				got := res.Status
				if got == http.StatusCreated && want == http.StatusOK {
					got = http.StatusOK // a PUT that created
				}
				if got != want {
					t.Errorf("%s %s as %s on %s: %d, want %d: %.200s", ep.method, ep.url(u), tok, u, res.Status, want, res.Body)
				}
				n++
			}
		}
	}
	t.Logf("%d cells checked", n)
	// The open endpoints need no token.
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/swagger/doc.json"} {
		if res := env.Do(t, "GET", path, "", "", nil); res.Status != 200 {
			t.Errorf("%s: %d", path, res.Status)
		}
	}
	if !strings.Contains(string(env.Do(t, "GET", "/api/v1/units", "Bearer "+revoked, "", nil).Body), "revoked") {
		t.Error("the 401 of a revoked token should say it was revoked")
	}
}
