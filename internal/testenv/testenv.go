// Package testenv gives tests a real, empty, migrated database: a SQLite
// file in the test's temporary folder, or, when TEST_DATABASE_URL names a
// PostgreSQL server, a schema of its own on it that is dropped afterwards.
// There are no database mocks in this project.
//
// Where TEST_DATABASE_URL names a PostgreSQL server that does not answer,
// the test is skipped with a message saying so, unless REQUIRE_POSTGRES=1
// (set by .ci/run when PostgreSQL is expected), which makes it fail.
package testenv

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for schema set-up

	"doingoai/demo"
	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
)

// URL returns the database URL the tests run against: TEST_DATABASE_URL,
// or "" for SQLite.
func URL() string { return os.Getenv("TEST_DATABASE_URL") }

// IsPostgres tells whether the tests run on PostgreSQL.
func IsPostgres() bool {
	d, _ := store.ParseURL(URL())
	return URL() != "" && d == store.Postgres
}

// Clock is a settable clock for tests.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock set to t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// DB is a fresh database for one test.
type DB struct {
	URL  string // what store.Open takes
	Path string // the SQLite file, "" on PostgreSQL
}

// NewDB creates an empty database (not migrated) and registers its removal.
func NewDB(t testing.TB) DB {
	t.Helper()
	if !IsPostgres() {
		p := filepath.Join(t.TempDir(), "test.db")
		return DB{URL: p, Path: p}
	}
	base := URL()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		if os.Getenv("REQUIRE_POSTGRES") == "1" {
			t.Fatalf("PostgreSQL at %s does not answer and REQUIRE_POSTGRES=1: %v", redact(base), err)
		}
		t.Skipf("SKIPPED: PostgreSQL at %s does not answer (%v); unset TEST_DATABASE_URL to test on SQLite", redact(base), err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return DB{URL: u.String()}
}

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Open returns a migrated store on a fresh database, closed at the end of
// the test. clock may be nil.
func Open(t testing.TB, clock *Clock) *store.Store {
	t.Helper()
	return OpenDB(t, NewDB(t), clock)
}

// OpenDB opens and migrates a store on db.
func OpenDB(t testing.TB, db DB, clock *Clock) *store.Store {
	t.Helper()
	opt := store.Options{}
	if clock != nil {
		opt.Clock = clock.Now
	}
	return OpenDBWith(t, db, opt)
}

// OpenDBWith opens and migrates a store on db with the options given (the
// test log added when TEST_LOG=1).
func OpenDBWith(t testing.TB, db DB, opt store.Options) *store.Store {
	t.Helper()
	if os.Getenv("TEST_LOG") == "1" {
		opt.Logger = Logger()
	}
	ctx := context.Background()
	s, err := store.Open(ctx, db.URL, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// LoadDinhHoa imports the demo units: province 19, its districts, and the
// 23 communes of district 167.
func LoadDinhHoa(t testing.TB, s *store.Store) {
	t.Helper()
	rows, err := models.ParseUnitsCSV(bytes.NewReader(demo.UnitsCSV))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportUnits(context.Background(), models.CommandLine, rows); err != nil {
		t.Fatal(err)
	}
}

// Token makes a token and returns its secret.
func Token(t testing.TB, s *store.Store, role models.Role, unit, name string) string {
	t.Helper()
	secret, _, err := CreateToken(s, models.TokenInput{Role: role, UnitCode: unit, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

// CreateToken makes a token from the command line as app.Tokens does: a
// secret drawn by secure.NewTokenSecret, stored by the store.
func CreateToken(s *store.Store, in models.TokenInput) (string, models.Token, error) {
	secret, err := secure.NewTokenSecret()
	if err != nil {
		return "", models.Token{}, err
	}
	tok, err := s.CreateToken(context.Background(), models.CommandLine, in, secret)
	return secret, tok, err
}

// TokenSecret is a new token's secret (secure.NewTokenSecret).
func TokenSecret(t testing.TB) string {
	t.Helper()
	secret, err := secure.NewTokenSecret()
	if err != nil {
		t.Fatal(err)
	}
	return secret
}
