package handlers_test

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestCreateTokenIdempotent: POST /api/v1/tokens honours Idempotency-Key
// as the reports do. A retry with the same key and request makes no
// second token and answers the first, secret included, with
// Idempotent-Replayed — also when both are sent at once; the key with
// another request is 422; another admin token's key of the same name is
// its own; once the token is revoked, or the key older than its lifetime,
// the key answers 409 and gives no secret. Run on SQLite and, with
// TEST_DATABASE_URL, PostgreSQL.
func TestCreateTokenIdempotent(t *testing.T) {
	env := apitest.New(t)
	const body = `{"role":"commune","unit_code":"05599","name":"Phần mềm một cửa xã Sơn Phú","expires_in_days":30}`
	post := func(token, key, body string) (*apitest.Response, models.CreatedToken) {
		t.Helper()
		res := env.Do(t, "POST", "/api/v1/tokens", token, body, map[string]string{"Idempotency-Key": key})
		var ct models.CreatedToken
		if res.Status == http.StatusCreated {
			res.JSON(t, &ct)
		}
		return res, ct
	}
	count := func() int {
		t.Helper()
		var list models.TokenList
		env.Do(t, "GET", "/api/v1/tokens", "admin", "", nil).JSON(t, &list)
		return list.Total
	}
	before := count()

	// Two at once, then a retry: one token.
	var wg sync.WaitGroup
	answers := make([]models.CreatedToken, 2)
	for i := range answers {
		wg.Go(func() {
			res, ct := post("admin", "k1", body)
			if res.Status != http.StatusCreated {
				t.Errorf("request %d: %d %s", i, res.Status, res.Body)
			}
			answers[i] = ct
		})
	}
	wg.Wait()
	res, again := post("admin", "k1", `{"name":"Phần mềm một cửa xã Sơn Phú", "role":"commune", "expires_in_days":30, "unit_code":"05599"}`)
	if res.Status != http.StatusCreated || res.Header.Get("Idempotent-Replayed") != "true" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the retry: %d %q %q", res.Status, res.Header.Get("Idempotent-Replayed"), res.Header.Get("Cache-Control"))
	}
	for i, ct := range answers {
		if ct.ID != again.ID || ct.Token != again.Token || ct.Token == "" {
			t.Errorf("answer %d: token %d, the retry's %d (same secret: %v)", i, ct.ID, again.ID, ct.Token == again.Token)
		}
	}
	if n := count(); n != before+1 {
		t.Fatalf("one key made %d tokens", n-before)
	}
	if p, err := env.Store.Authenticate(t.Context(), again.Token); err != nil || p.UnitCode != "05599" {
		t.Errorf("the replayed secret does not work: %v %+v", err, p)
	}

	// The key with another request.
	res, _ = post("admin", "k1", `{"role":"commune","unit_code":"05599","name":"Một tên khác","expires_in_days":30}`)
	if res.Status != http.StatusUnprocessableEntity || !contains(res.Body, "idempotency_key_reused", `"field":"Idempotency-Key"`, "k1") {
		t.Errorf("the key with another body: %d %s", res.Status, res.Body)
	}
	// A bad request does not use up a key; a bad key is refused.
	if res, _ = post("admin", "k2", `{"role":"commune","unit_code":"99999","name":"x"}`); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("a bad request: %d", res.Status)
	}
	if res, ct := post("admin", "k2", body); res.Status != http.StatusCreated || res.Header.Get("Idempotent-Replayed") != "" || ct.ID == again.ID {
		t.Errorf("k2 after a refused request: %d %q", res.Status, res.Header.Get("Idempotent-Replayed"))
	}
	if res, _ = post("admin", "\x7fbad", body); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("a bad key: %d %s", res.Status, res.Body)
	}

	// Another admin token's k1 is its own.
	res, second := post("admin", "", `{"role":"admin","name":"Quản trị thứ hai"}`)
	if res.Status != http.StatusCreated {
		t.Fatalf("a second admin token: %d %s", res.Status, res.Body)
	}
	if res, ct := post("Bearer "+second.Token, "k1", body); res.Status != http.StatusCreated || res.Header.Get("Idempotent-Replayed") != "" || ct.ID == again.ID {
		t.Errorf("another token's k1: %d %q, token %d", res.Status, res.Header.Get("Idempotent-Replayed"), ct.ID)
	}

	// Revoked: the key gives no secret.
	if res := env.Do(t, "DELETE", "/api/v1/tokens/"+strconv.FormatInt(again.ID, 10), "admin", "", nil); res.Status != http.StatusNoContent {
		t.Fatalf("revoke: %d", res.Status)
	}
	if res, _ = post("admin", "k1", body); res.Status != http.StatusConflict || contains(res.Body, again.Token) {
		t.Errorf("the key of a revoked token: %d %s", res.Status, res.Body)
	}
	// Past the key's lifetime: the same.
	env.Clock.Add(25 * time.Hour)
	if res, _ = post("admin", "k2", body); res.Status != http.StatusConflict {
		t.Errorf("a key older than its lifetime: %d %s", res.Status, res.Body)
	}
}

// contains tells whether body holds every one of subs.
func contains(body []byte, subs ...string) bool {
	for _, s := range subs {
		if !strings.Contains(string(body), s) {
			return false
		}
	}
	return true
}
