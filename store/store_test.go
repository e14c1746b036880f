package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

var ctx = context.Background()

func TestMigrationsUpDownUp(t *testing.T) {
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, nil)
	testenv.LoadDinhHoa(t, s)
	if err := s.MigrateDownTo(ctx, 0); err != nil {
		t.Fatal("down:", err)
	}
	res, err := s.Migrate(ctx)
	if err != nil {
		t.Fatal("up again:", err)
	}
	if len(res.Applied) == 0 || res.Version != res.Applied[len(res.Applied)-1] {
		t.Errorf("up after down applied %v, version %d", res.Applied, res.Version)
	}
	again, err := s.Migrate(ctx)
	if err != nil || len(again.Applied) != 0 || again.Version != res.Version {
		t.Errorf("second up: %+v %v", again, err)
	}
	tr, err := s.Tree(ctx)
	if err != nil || tr.Len() != 1 || tr.Root == nil || tr.Root.Code != models.RootCode {
		t.Errorf("after down and up the tree should hold only the country: %v", err)
	}
}

func TestSQLitePragmas(t *testing.T) {
	if testenv.IsPostgres() {
		t.Skip("SQLite only")
	}
	dsn := store.SQLiteDSN("/x.db", false, "FULL")
	for _, want := range []string{"_journal_mode=WAL", "_txlock=immediate", "_foreign_keys=on", "_busy_timeout=", "_synchronous=FULL"} {
		if !strings.Contains(dsn, want) {
			t.Errorf("writer DSN %s lacks %s", dsn, want)
		}
	}
	if r := store.SQLiteDSN("/x.db", true, "FULL"); !strings.Contains(r, "_query_only=1") {
		t.Errorf("reader DSN %s is not read-only", r)
	}
}

// TestConcurrentWriters: 64 goroutines write at once (units and tokens,
// each its own transaction); every write succeeds, none sees "database is
// locked".
func TestConcurrentWriters(t *testing.T) {
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	const n = 64
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			_, err := s.CreateUnit(ctx, models.CommandLine, models.UnitInput{
				Code: fmt.Sprintf("9%04d", i), Name: fmt.Sprintf("Xã Thử %d", i), Kind: models.KindCommune, ParentCode: "167"})
			errs <- err
			_, _, err = testenv.CreateToken(s, models.TokenInput{Role: models.RoleCommune, UnitCode: "05596", Name: fmt.Sprint(i)})
			errs <- err
		}(i)
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent write failed: %v", err)
		}
	}
	tr, _ := s.Tree(ctx)
	if got := len(tr.ByCode("167").Children); got != 23+n {
		t.Errorf("district 167 has %d children, want %d", got, 23+n)
	}
	toks, _ := s.ListTokens(ctx)
	if len(toks) != n {
		t.Errorf("%d tokens, want %d", len(toks), n)
	}
}

func TestTokens(t *testing.T) {
	clock := testenv.NewClock(time.Date(2024, 11, 25, 10, 0, 0, 0, time.UTC))
	s := testenv.Open(t, clock)
	testenv.LoadDinhHoa(t, s)

	secret, tok, err := testenv.CreateToken(s, models.TokenInput{Role: models.RoleDistrict, UnitCode: "167", Name: "Phòng Nội vụ", TTL: 90 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(secret, models.TokenPrefix) || len(secret) != len(models.TokenPrefix)+43 {
		t.Errorf("secret %q: want prefix and 32 random bytes in base64url", secret)
	}
	p, err := s.Authenticate(ctx, secret)
	if err != nil || p.Role != models.RoleDistrict || p.UnitCode != "167" || p.TokenID != tok.ID || p.Name != "Phòng Nội vụ" {
		t.Fatalf("%+v %v", p, err)
	}
	// Expiry: refused once the lifetime is over, even from the cache.
	clock.Add(90*24*time.Hour - time.Second)
	if _, err := s.Authenticate(ctx, secret); err != nil {
		t.Errorf("refused a second before expiry: %v", err)
	}
	clock.Add(time.Second)
	if _, err := s.Authenticate(ctx, secret); models.ErrorCode(err) != models.EUNAUTHORIZED {
		t.Errorf("expired token: %v", err)
	}

	other, tok2, _ := testenv.CreateToken(s, models.TokenInput{Role: models.RoleAdmin})
	if _, err := s.Authenticate(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, models.CommandLine, tok2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, other); models.ErrorCode(err) != models.EUNAUTHORIZED {
		t.Errorf("revoked token: %v", err)
	}
	if err := s.RevokeToken(ctx, models.CommandLine, tok2.ID); models.ErrorCode(err) != models.ECONFLICT {
		t.Errorf("second revoke: %v", err)
	}
	if err := s.RevokeToken(ctx, models.CommandLine, 999); models.ErrorCode(err) != models.ENOTFOUND {
		t.Errorf("unknown id: %v", err)
	}
	for _, in := range []models.TokenInput{
		{Role: "boss"},
		{Role: models.RoleCommune, UnitCode: "167"},
		{Role: models.RoleDistrict, UnitCode: "05596"},
		{Role: models.RoleDistrict, UnitCode: "99999"},
		{Role: models.RoleCommune},
		{Role: models.RoleAdmin, UnitCode: "167"},
	} {
		if _, _, err := testenv.CreateToken(s, in); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("%+v: %v", in, err)
		}
	}
	for _, bad := range []string{"", "dgo_", "dgo_nope", "Bearer x", secret + "x"} {
		if _, err := s.Authenticate(ctx, bad); models.ErrorCode(err) != models.EUNAUTHORIZED {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// last_used_at is recorded without a write per request.
	s.FlushTokenUsage()
	toks, _ := s.ListTokens(ctx)
	if toks[1].LastUsedAt == nil {
		t.Error("last_used_at not recorded")
	}
}

// TestRevocationAcrossProcesses: a token revoked through one store (a
// second server process) is refused by another within the cache lifetime.
func TestRevocationAcrossProcesses(t *testing.T) {
	db := testenv.NewDB(t)
	a := testenv.OpenDB(t, db, nil)
	b := testenv.OpenDB(t, db, nil)
	secret, tok, _ := testenv.CreateToken(a, models.TokenInput{Role: models.RoleAdmin})
	if _, err := a.Authenticate(ctx, secret); err != nil {
		t.Fatal(err)
	}
	if err := b.RevokeToken(ctx, models.CommandLine, tok.ID); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(1500 * time.Millisecond)
	for time.Now().Before(deadline) {
		if _, err := a.Authenticate(ctx, secret); err != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Error("the other process still accepts the revoked token after 1.5 s")
}

func TestImportNationalList(t *testing.T) {
	s := testenv.Open(t, nil)
	rows := readUnits(t, "units-vn-2024-11-01.csv")
	start := time.Now()
	res, err := s.ImportUnits(ctx, models.CommandLine, rows)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("imported %d units in %s", res.Added, time.Since(start))
	if res.Added != 11239 {
		t.Errorf("added %d, want 11,239", res.Added)
	}
	tr, _ := s.Tree(ctx)
	communes := tr.Communes(tr.Root, models.Period{Year: 2024})
	if len(communes) != 10472 {
		t.Errorf("%d communes, want 10,472", len(communes))
	}
	if n := tr.CommunesExpected(tr.ByCode("167"), models.Period{Year: 2024}); n != 23 {
		t.Errorf("Định Hóa has %d communes, want 23", n)
	}
	again, err := s.ImportUnits(ctx, models.CommandLine, rows)
	if err != nil || again.Added != 0 || again.Updated != 0 || again.Unchanged != 11239 {
		t.Errorf("re-import: %+v %v", again, err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	rows, err := models.ParseUnitsCSV(strings.NewReader("code,name,kind,parent_code\n05596,Xã Bộc Nhiêu (đổi tên),commune,167\n99001,Xã Mới,commune,167\n99002,Xã Mồ Côi,commune,888\n99003,Xã Sai Cấp,commune,19\n99004,Huyện Dưới Xã,district,05596\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportUnits(ctx, models.CommandLine, rows)
	de, ok := err.(*models.Error)
	if !ok || de.Code != models.EINVALID {
		t.Fatalf("err = %v", err)
	}
	got := map[string]bool{}
	for _, f := range de.Fields {
		got[f.Field] = true
	}
	if !got["line 4.parent_code"] || !got["line 6.parent_code"] || len(de.Fields) != 2 {
		t.Errorf("problems: %+v", de.Fields)
	}
	tr, _ := s.Tree(ctx)
	if tr.ByCode("99001") != nil || tr.ByCode("05596").Name != "Xã Bộc Nhiêu" {
		t.Error("a failed import changed the tree")
	}
}

func TestMoveAndRetire(t *testing.T) {
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	// The 2025 reform: communes go straight under the province.
	pc := "19"
	if _, err := s.UpdateUnit(ctx, models.CommandLine, "05596", models.UnitPatch{ParentCode: &pc}); err != nil {
		t.Fatal(err)
	}
	tr, _ := s.Tree(ctx)
	u := tr.ByCode("05596")
	if u.Parent.Code != "19" || tr.Contains(tr.ByCode("167"), u) || !tr.Contains(tr.ByCode("19"), u) {
		t.Error("move not reflected in the tree")
	}
	// A unit cannot go below itself, nor under a commune.
	for code, parent := range map[string]string{"19": "167", "167": "05596"} {
		p := parent
		if _, err := s.UpdateUnit(ctx, models.CommandLine, code, models.UnitPatch{ParentCode: &p}); models.ErrorCode(err) != models.EINVALID {
			t.Errorf("move %s under %s: %v", code, parent, err)
		}
	}
	// Code 05569 names xã Bảo Cường until 2024, then a new unit.
	to := models.MustDate("2024-12-31")
	if _, err := s.UpdateUnit(ctx, models.CommandLine, "05569", models.UnitPatch{ValidTo: &to}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUnit(ctx, models.CommandLine, models.UnitInput{Code: "05569", Name: "Thị trấn Chợ Chu", Kind: models.KindTown, ParentCode: "167", ValidFrom: models.MustDate("2025-01-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUnit(ctx, models.CommandLine, models.UnitInput{Code: "05569", Name: "Trùng", Kind: models.KindTown, ParentCode: "167"}); models.ErrorCode(err) != models.ECONFLICT {
		t.Errorf("second current unit with one code: %v", err)
	}
	tr, _ = s.Tree(ctx)
	if got := tr.ForPeriod("05569", models.Period{Year: 2024}).Name; got != "Xã Bảo Cường" {
		t.Errorf("05569 in 2024 = %s", got)
	}
	if got := tr.ForPeriod("05569", models.Period{Year: 2025}).Name; got != "Thị trấn Chợ Chu" {
		t.Errorf("05569 in 2025 = %s", got)
	}
	if got := tr.ByCode("05569").Name; got != "Thị trấn Chợ Chu" {
		t.Errorf("05569 now = %s", got)
	}
	if n := tr.CommunesExpected(tr.ByCode("167"), models.Period{Year: 2024}); n != 22 {
		t.Errorf("167 expects %d communes in 2024, want 22 (one moved to the province)", n)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// TestAuditIsAppendOnly: the database itself refuses to change or delete
// the audit trail.
func TestAuditIsAppendOnly(t *testing.T) {
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, nil)
	testenv.LoadDinhHoa(t, s)
	raw := rawDB(t, db)
	for _, q := range []string{"UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"} {
		if _, err := raw.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v", q, err)
		}
	}
	var n int
	raw.QueryRowContext(ctx, "SELECT count(*) FROM audit_events").Scan(&n)
	if n == 0 {
		t.Error("the trail is empty")
	}
}
