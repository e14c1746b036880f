package store_test

import (
	"encoding/json"
	"testing"
	"time"

	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
)

// TestIdempotencyKeysOfEarlierReleases: keys kept by releases that stored
// the HTTP answer (status 201 with a Location, or 200; an ETag or, before
// 2026-11, none) give the same outcome after migration 00018 as keys kept
// now; undoing the migration gives back status and Location, and redoing
// it loses nothing — a token form's key included.
func TestIdempotencyKeysOfEarlierReleases(t *testing.T) {
	clock := testenv.NewClock(time.Date(2024, 11, 25, 3, 0, 0, 0, time.UTC))
	s := testenv.OpenDB(t, testenv.NewDB(t), clock)
	testenv.LoadDinhHoa(t, s)
	sub := seedSubmission(t, s)
	sub.Idem = &store.IdempotencyKey{Key: "now", RequestHash: []byte("fingerprint")}
	first, err := s.Submit(ctx, sub)
	if err != nil || !first.Created {
		t.Fatal(first, err)
	}
	formKey := []byte("a form's key of 16 bytes or more")
	tokIn := models.TokenInput{Role: models.RoleCommune, UnitCode: "05596", Name: "Phần mềm một cửa xã Bộc Nhiêu"}
	secret, tok, _, err := s.CreateTokenOnce(ctx, models.CommandLine, tokIn, testenv.TokenSecret(t), "web-1", secure.SealFor(formKey))
	if err != nil {
		t.Fatal(err)
	}

	if err := s.MigrateDownTo(ctx, 17); err != nil {
		t.Fatal("down to 17:", err)
	}
	rows, err := store.QueryStrings(ctx, s, "SELECT idem_key, status, location FROM idempotency_keys ORDER BY token_id, idem_key")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != "now" || rows[0][1] != "201" || rows[0][2] != "/api/v1/reports/05596/2024" ||
		rows[1][1] != "201" || rows[1][2] != "<nil>" {
		t.Errorf("undone, the keys are %q; want the token form's (201, no Location) and the report's (201, its path)", rows)
	}
	// As the releases before 00018 wrote them.
	result := models.SubmitResult{UnitCode: "05596", Period: "2024", Revision: 3, Status: models.StatusSubmitted,
		SubmittedAt: time.Date(2024, 11, 20, 8, 4, 5, 0, time.UTC), Warnings: []models.Warning{}}
	body, _ := json.Marshal(result)
	insert := "INSERT INTO idempotency_keys (token_id, idem_key, request_hash, status, body, location, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
	at := clock.Now().UnixMicro()
	if err := store.ExecSQL(ctx, s, insert, 7, "created-2026-11", []byte("h1"), 201, string(body), "/api/v1/reports/05596/2024", `"r3"`, at); err != nil {
		t.Fatal(err)
	}
	if err := store.ExecSQL(ctx, s, insert, 7, "unchanged-2026-11", []byte("h2"), 200, string(body), nil, `"r3"`, at); err != nil {
		t.Fatal(err)
	}
	if err := store.ExecSQL(ctx, s, insert, 7, "created-before-etags", []byte("h3"), 201, string(body), "/api/v1/reports/05596/2024", nil, at); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal("up again:", err)
	}

	for _, c := range []struct {
		token       int64
		key, hash   string
		created     bool
		etag        string
		wantOfFirst bool
	}{
		{0, "now", "fingerprint", true, first.ETag, true},
		{7, "created-2026-11", "h1", true, `"r3"`, false},
		{7, "unchanged-2026-11", "h2", false, `"r3"`, false},
		{7, "created-before-etags", "h3", true, "", false},
	} {
		got, found, err := s.LookupIdempotent(ctx, c.token, store.IdempotencyKey{Key: c.key, RequestHash: []byte(c.hash)})
		if err != nil || !found {
			t.Fatalf("%s: %v %v", c.key, found, err)
		}
		want := result
		if c.wantOfFirst {
			want = first.Result
		}
		g, _ := json.Marshal(got.Result)
		w, _ := json.Marshal(want)
		if !got.Replayed || got.Created != c.created || got.ETag != c.etag || string(g) != string(w) {
			t.Errorf("%s: replayed %v created %v ETag %q %s; want created %v ETag %q %s", c.key, got.Replayed, got.Created, got.ETag, g, c.created, c.etag, w)
		}
	}
	secret2, tok2, replayed, err := s.CreateTokenOnce(ctx, models.CommandLine, tokIn, testenv.TokenSecret(t), "web-1", secure.SealFor(formKey))
	if err != nil || !replayed || secret2 != secret || tok2.ID != tok.ID {
		t.Errorf("the token form sent again after down and up: replayed %v, same secret %v, token %d (want %d), %v", replayed, secret2 == secret, tok2.ID, tok.ID, err)
	}
}
