package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"doingoai/app"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestTokenRights: who makes, lists and revokes which token — every
// principal (an admin's token and account, the command line, a province's,
// a district's and a commune's) against every kind of token (an admin's; a
// province's, a district's, a commune's in the district's scope and one
// outside it). Only an admin and the command line manage tokens, whatever
// the token; a refusal stores nothing, revokes nothing and shows no token.
func TestTokenRights(t *testing.T) {
	ctx := context.Background()
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	tree, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	at := func(role models.Role, code string) models.Principal {
		u := tree.ByCode(code)
		return models.Principal{TokenID: 90, Name: string(role) + " " + code, Role: role, UnitID: u.ID, UnitCode: code}
	}
	principals := []struct {
		name    string
		p       models.Principal
		manages bool
	}{
		{"admin token", models.Principal{TokenID: 91, Name: "admin", Role: models.RoleAdmin}, true},
		{"admin account", models.Principal{Name: "quantri", Role: models.RoleAdmin}, true},
		{"command line", models.CommandLine, true},
		{"province", at(models.RoleDistrict, "19"), false},
		{"district", at(models.RoleDistrict, "167"), false},
		{"commune", at(models.RoleCommune, "05596"), false},
	}
	targets := []models.TokenInput{
		{Role: models.RoleAdmin, Name: "another admin"},
		{Role: models.RoleDistrict, UnitCode: "19", Name: "the province"},
		{Role: models.RoleDistrict, UnitCode: "167", Name: "the district"},
		{Role: models.RoleCommune, UnitCode: "05596", Name: "a commune of the district"},
		{Role: models.RoleCommune, UnitCode: "05539", Name: "another commune of the district"},
		{Role: models.RoleDistrict, UnitCode: "164", Name: "a sibling district"},
	}
	tokens := app.Tokens{Store: s}
	count := func() int {
		t.Helper()
		all, err := tokens.List(ctx, models.CommandLine)
		if err != nil {
			t.Fatal(err)
		}
		return len(all)
	}
	for _, pr := range principals {
		if got := tokens.May(pr.p); (got == nil) != pr.manages || got != nil && models.ErrorCode(got) != models.EFORBIDDEN {
			t.Errorf("%s: May says %v, manages %v", pr.name, got, pr.manages)
		}
		for _, in := range targets {
			cell := fmt.Sprintf("%s makes a %s token for %q", pr.name, in.Role, in.UnitCode)
			before := count()
			tok, replayed, err := tokens.Create(ctx, pr.p, app.NewToken{Input: in})
			if !pr.manages {
				if models.ErrorCode(err) != models.EFORBIDDEN || tok.Token != "" {
					t.Errorf("%s: %v (secret %q), want %s", cell, err, tok.Token, models.EFORBIDDEN)
				}
				if n := count(); n != before {
					t.Errorf("%s: refused, yet %d tokens became %d", cell, before, n)
				}
				continue
			}
			if err != nil || replayed || tok.ID == 0 || !strings.HasPrefix(tok.Token, models.TokenPrefix) || tok.Role != in.Role || tok.UnitCode != in.UnitCode || tok.Name != in.Name {
				t.Errorf("%s: %+v replayed %v, %v", cell, tok, replayed, err)
			}
		}
	}

	victim, _, err := tokens.Create(ctx, models.CommandLine, app.NewToken{Input: models.TokenInput{Role: models.RoleCommune, UnitCode: "05596", Name: "to revoke"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range principals {
		all, err := tokens.List(ctx, pr.p)
		if !pr.manages {
			if models.ErrorCode(err) != models.EFORBIDDEN || all != nil {
				t.Errorf("%s lists the tokens: %d, %v; want %s", pr.name, len(all), err, models.EFORBIDDEN)
			}
			if err := tokens.Revoke(ctx, pr.p, victim.ID); models.ErrorCode(err) != models.EFORBIDDEN {
				t.Errorf("%s revokes a token: %v, want %s", pr.name, err, models.EFORBIDDEN)
			}
			continue
		}
		if err != nil || len(all) != count() {
			t.Errorf("%s lists the tokens: %d, %v", pr.name, len(all), err)
		}
	}
	for _, tok := range mustList(t, tokens) {
		if tok.ID == victim.ID && tok.RevokedAt != nil {
			t.Fatalf("a refused revocation revoked token %d", victim.ID)
		}
	}
	// The first of those who manage tokens revokes it; to the others it is
	// already revoked.
	for i, pr := range principals[:3] {
		err := tokens.Revoke(ctx, pr.p, victim.ID)
		if i == 0 && err != nil || i > 0 && models.ErrorCode(err) != models.ECONFLICT {
			t.Errorf("%s revokes token %d: %v", pr.name, victim.ID, err)
		}
	}
	if err := tokens.Revoke(ctx, models.CommandLine, victim.ID+1000); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("an unknown token: %v, want %s", err, models.ENOTFOUND)
	}
}

func mustList(t *testing.T, tokens app.Tokens) []models.Token {
	t.Helper()
	all, err := tokens.List(context.Background(), models.CommandLine)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestTokenKeys: a token made with a key is made once; the same key with
// another request, a key whose token is revoked since and a form without
// its key are refused with the domain's errors, the API's naming its
// Idempotency-Key.
func TestTokenKeys(t *testing.T) {
	ctx := context.Background()
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	tokens := app.Tokens{Store: s}
	admin := models.Principal{TokenID: 7, Name: "admin", Role: models.RoleAdmin}
	in := models.TokenInput{Role: models.RoleCommune, UnitCode: "05596", Name: "một cửa"}
	key := app.APITokenKey(admin, "dgo_bearer", "k-1")

	first, replayed, err := tokens.Create(ctx, admin, app.NewToken{Input: in, Key: key})
	if err != nil || replayed {
		t.Fatalf("first: %v replayed %v", err, replayed)
	}
	again, replayed, err := tokens.Create(ctx, admin, app.NewToken{Input: in, Key: key})
	if err != nil || !replayed || again != first {
		t.Fatalf("again: %+v replayed %v, %v; first %+v", again, replayed, err, first)
	}
	if n := len(mustList(t, tokens)); n != 1 {
		t.Errorf("%d tokens made with one key", n)
	}
	// The same Idempotency-Key with another bearer secret is another key:
	// it is never given the first token's secret.
	if tok, replayed, err := tokens.Create(ctx, admin, app.NewToken{Input: in, Key: app.APITokenKey(admin, "dgo_other", "k-1")}); err != nil || replayed || tok.ID == first.ID || tok.Token == first.Token {
		t.Errorf("another bearer secret with the same key: %+v replayed %v, %v", tok, replayed, err)
	}

	other := in
	other.Name = "khác"
	_, _, err = tokens.Create(ctx, admin, app.NewToken{Input: other, Key: key})
	var de *models.Error
	if !errors.Is(err, models.ErrKeyReused) || !errors.As(err, &de) || len(de.Fields) != 1 || !strings.Contains(de.Fields[0].Message, `"k-1"`) {
		t.Errorf("the key with another request: %v", err)
	}

	if err := tokens.Revoke(ctx, admin, first.ID); err != nil {
		t.Fatal(err)
	}
	_, _, err = tokens.Create(ctx, admin, app.NewToken{Input: in, Key: key})
	if !errors.Is(err, store.ErrFormSpent) || models.ErrorCode(err) != models.ECONFLICT || !strings.Contains(err.Error(), `the Idempotency-Key "k-1" is revoked or expired`) {
		t.Errorf("the key of a revoked token: %v", err)
	}

	form := app.FormTokenKey(3, []byte("0123456789abcdef"))
	if _, replayed, err := tokens.Create(ctx, admin, app.NewToken{Input: in, Key: form}); err != nil || replayed {
		t.Fatalf("a form: %v replayed %v", err, replayed)
	}
	if _, replayed, err := tokens.Create(ctx, admin, app.NewToken{Input: in, Key: form}); err != nil || !replayed {
		t.Errorf("the form sent again: %v replayed %v", err, replayed)
	}
	before := len(mustList(t, tokens))
	_, _, err = tokens.Create(ctx, admin, app.NewToken{Input: in, Key: app.FormTokenKey(3, []byte("short"))})
	if !errors.Is(err, store.ErrNoFormKey) || models.ErrorCode(err) != models.EINVALID {
		t.Errorf("a form without its key: %v", err)
	}
	bad := in
	bad.UnitCode = "167"
	_, _, err = tokens.Create(ctx, admin, app.NewToken{Input: bad, Key: app.FormTokenKey(3, nil)})
	if errors.Is(err, store.ErrNoFormKey) || !errors.As(err, &de) || len(de.Fields) != 1 || de.Fields[0].Field != "unit" {
		t.Errorf("a form without its key and a bad unit: the unit first, got %v", err)
	}
	if n := len(mustList(t, tokens)); n != before {
		t.Errorf("refused forms made tokens: %d, then %d", before, n)
	}
}
