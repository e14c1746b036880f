package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

const (
	keyA = "2026-12:0123456789abcdef0123456789abcdef0123456789abcdef"
	keyB = "2027-06:fedcba9876543210fedcba9876543210fedcba9876543210"
)

// openKeyed opens a store on db with the audit keys given (none for "").
func openKeyed(t *testing.T, db testenv.DB, keys string) *store.Store {
	t.Helper()
	opt := store.Options{}
	if keys != "" {
		k, err := store.ParseAuditKeys(keys)
		if err != nil {
			t.Fatal(err)
		}
		opt.AuditKeys = k
	}
	return testenv.OpenDBWith(t, db, opt)
}

// tokens appends n audit entries (a token each).
func tokens(t *testing.T, s *store.Store, n int, name string) {
	t.Helper()
	for i := 0; i < n; i++ {
		testenv.Token(t, s, models.RoleCommune, "05596", fmt.Sprint(name, " ", i))
	}
}

// liftTriggers opens the database as its owner would and lifts the
// append-only triggers, as someone who can write the database can.
func liftTriggers(t *testing.T, db testenv.DB) *sql.DB {
	t.Helper()
	raw := rawDB(t, db)
	stmts := []string{"DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"}
	if testenv.IsPostgres() {
		stmts = []string{"ALTER TABLE audit_events DISABLE TRIGGER USER"}
		t.Cleanup(func() { raw.ExecContext(context.Background(), "ALTER TABLE audit_events ENABLE TRIGGER USER") })
	}
	for _, q := range stmts {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return raw
}

func verify(t *testing.T, s *store.Store, anchor *store.AuditAnchor) store.AuditCheck {
	t.Helper()
	c, err := s.VerifyAuditSince(ctx, anchor)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantBad(t *testing.T, what string, c store.AuditCheck, id int64, reason string) {
	t.Helper()
	if c.BadID != id || !strings.Contains(c.Reason, reason) {
		t.Errorf("%s: %+v, want entry %d with %q", what, c, id, reason)
	}
}

// An entry edited and the chain recomputed with plain SHA-256 — what
// verified as intact before the chain was keyed — is found: with the key
// ids kept the HMACs no longer match, and with the key ids cleared (the
// formula of earlier releases) or set to unkeyed, entries without a key
// follow keyed ones.
func TestAuditKeyedChainDetectsRecompute(t *testing.T) {
	for _, forged := range []struct {
		name   string
		keyID  *string
		reason string
	}{
		{"key ids kept", ptr("2026-12"), "does not match its hash"},
		{"as an earlier release", nil, "no key id"},
		{"as unkeyed", ptr("sha256"), "not keyed"},
	} {
		t.Run(forged.name, func(t *testing.T) {
			db := testenv.NewDB(t)
			s := openKeyed(t, db, keyA)
			testenv.LoadDinhHoa(t, s)
			tokens(t, s, 5, "edit")
			c := verify(t, s, nil)
			if c.BadID != 0 || c.Keyed != c.Entries || c.Entries < 6 {
				t.Fatalf("the keyed trail: %+v", c)
			}
			raw := liftTriggers(t, db)
			edited := c.Head.ID - 2
			if _, err := raw.ExecContext(ctx, fmt.Sprintf(`UPDATE audit_events SET actor = 'someone else' WHERE id = %d`, edited)); err != nil {
				t.Fatal(err)
			}
			if err := store.ForgeAuditChain(ctx, s, edited, forged.keyID); err != nil {
				t.Fatal(err)
			}
			wantBad(t, "an edit recomputed", verify(t, s, nil), edited, forged.reason)
		})
	}
}

// Removing the newest entries leaves a shorter chain that verifies; the
// anchor noted before finds it.
func TestAuditAnchorFindsRemovedEnd(t *testing.T) {
	db := testenv.NewDB(t)
	s := openKeyed(t, db, keyA)
	testenv.LoadDinhHoa(t, s)
	tokens(t, s, 4, "end")
	anchor := verify(t, s, nil).Head
	tokens(t, s, 1, "after")
	if c := verify(t, s, &anchor); c.BadID != 0 || c.Head.ID != anchor.ID+1 {
		t.Fatalf("the trail holding its anchor: %+v", c)
	}
	raw := liftTriggers(t, db)
	if _, err := raw.ExecContext(ctx, fmt.Sprintf("DELETE FROM audit_events WHERE id >= %d", anchor.ID-1)); err != nil {
		t.Fatal(err)
	}
	if c := verify(t, s, nil); c.BadID != 0 {
		t.Fatalf("without the anchor the cut trail verifies: %+v", c)
	}
	wantBad(t, "the cut trail against its anchor", verify(t, s, &anchor), anchor.ID, "no longer in the trail")
	// An anchor whose hash differs: the trail was rewritten up to it.
	other := store.AuditAnchor{ID: anchor.ID - 3, Hash: anchor.Hash}
	wantBad(t, "a rewritten anchor", verify(t, s, &other), other.ID, "not the entry anchored")
}

// An entry removed from the middle of an unkeyed chain, the rest
// recomputed with plain SHA-256, leaves a gap in the ids: found.
func TestAuditGapFound(t *testing.T) {
	db := testenv.NewDB(t)
	s := openKeyed(t, db, "")
	testenv.LoadDinhHoa(t, s)
	tokens(t, s, 5, "gap")
	c := verify(t, s, nil)
	if c.BadID != 0 || c.Plain != c.Entries {
		t.Fatalf("the unkeyed trail: %+v", c)
	}
	raw := liftTriggers(t, db)
	removed := c.Head.ID - 2
	if _, err := raw.ExecContext(ctx, fmt.Sprintf("DELETE FROM audit_events WHERE id = %d", removed)); err != nil {
		t.Fatal(err)
	}
	if err := store.ForgeAuditChain(ctx, s, removed, ptr("sha256")); err != nil {
		t.Fatal(err)
	}
	wantBad(t, "a removed entry, recomputed", verify(t, s, nil), removed+1, "ids jump")
}

// An entry appended by someone without the key — with the current key's
// id and a made-up key, or unkeyed — is found.
func TestAuditForgedEntryFound(t *testing.T) {
	for _, forged := range []struct {
		name, keyID string
		key         []byte
		reason      string
	}{
		{"with another key", "2026-12", []byte("a key that is not the server's, 32+ chars"), "does not match its hash"},
		{"with a key id unknown", "2099-01", []byte("a key that is not the server's, 32+ chars"), "not among the keys"},
		{"unkeyed", "sha256", nil, "not keyed"},
	} {
		t.Run(forged.name, func(t *testing.T) {
			db := testenv.NewDB(t)
			s := openKeyed(t, db, keyA)
			testenv.LoadDinhHoa(t, s)
			tokens(t, s, 2, "forged")
			head := verify(t, s, nil).Head
			if err := store.ForgeAuditEntry(ctx, s, forged.keyID, forged.key); err != nil {
				t.Fatal(err)
			}
			wantBad(t, "a forged entry", verify(t, s, nil), head.ID+1, forged.reason)
		})
	}
}

// A trail of an earlier release (plain SHA-256, no key ids, and on
// PostgreSQL gaps in its ids) still verifies after the upgrade, and the
// keyed chain goes on from its last entry; keys rotate: entries of the
// older key verify while it is listed, and not once it is dropped.
func TestAuditUpgradeAndRotation(t *testing.T) {
	db := testenv.NewDB(t)
	old := openKeyed(t, db, "")
	testenv.LoadDinhHoa(t, old)
	tokens(t, old, 4, "old")
	// As the earlier release wrote it: no key ids, its formula, and a gap
	// where PostgreSQL's sequence skipped a rolled-back transaction's id.
	raw := liftTriggers(t, db)
	if _, err := raw.ExecContext(ctx, "DELETE FROM audit_events WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	if err := store.ForgeAuditChain(ctx, old, 1, nil); err != nil {
		t.Fatal(err)
	}
	legacy := verify(t, old, nil)
	if legacy.BadID != 0 || legacy.Legacy != legacy.Entries || legacy.LegacyGaps != 1 {
		t.Fatalf("the earlier release's trail: %+v", legacy)
	}
	a := openKeyed(t, db, keyA)
	tokens(t, a, 2, "key A")
	b := openKeyed(t, db, keyB+"\n"+keyA)
	tokens(t, b, 2, "key B")
	c := verify(t, b, nil)
	if c.BadID != 0 || c.Legacy != legacy.Entries || c.Keyed != 4 {
		t.Errorf("after the upgrade and a rotation: %+v", c)
	}
	if err := b.CheckAuditKeys(ctx); err != nil {
		t.Error(err)
	}
	onlyB := openKeyed(t, db, keyB)
	wantBad(t, "key A dropped", verify(t, onlyB, nil), legacy.Head.ID+1, "not among the keys")
	if err := openKeyed(t, db, "").CheckAuditKeys(ctx); err == nil || !strings.Contains(err.Error(), "2027-06") {
		t.Errorf("a server without the key of the newest entry: %v", err)
	}
}

func ptr(s string) *string { return &s }
