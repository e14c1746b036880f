// Package store keeps doingoai's data in SQLite or PostgreSQL through GORM:
// units and their tree, tokens, reports and their revisions, the figures
// and maintained totals that rollups read, deadlines, idempotency keys and
// the audit trail. The same code and the same versioned migrations serve
// both databases.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"doingoai/models"
)

// Dialect is the kind of database behind a Store.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DefaultURL is where the SQLite database lives when DATABASE_URL is unset.
const DefaultURL = "data/doingoai.db"

// Options tune a Store. The zero value is usable.
type Options struct {
	Logger   *slog.Logger
	Clock    func() time.Time // the time now; tests replace it
	MaxConns int              // PostgreSQL pool size and SQLite reader pool size; 0 picks a default
	// Synchronous is SQLite's PRAGMA synchronous for the writer: FULL
	// (default) makes every acknowledged commit survive a power loss, NORMAL
	// only a crash of the process.
	Synchronous string
	// AuditKeys key the audit chain (HMAC); nil writes plain SHA-256
	// entries, which anyone who can write the database can recompute.
	AuditKeys *AuditKeys
}

// Store is the persistence of the service. Writes go through w, reads
// through r: on SQLite these are two handles on one file, a single writer
// connection whose transactions begin IMMEDIATE (so writers queue instead of
// failing with "database is locked") and a pool of read-only connections
// that WAL lets read while the writer writes. On PostgreSQL both are the
// same pool.
type Store struct {
	w, r     *gorm.DB
	wdb, rdb *sql.DB // the pools under w and r (one pool on PostgreSQL)
	dialect  Dialect
	path     string // the SQLite file
	log      *slog.Logger
	now      func() time.Time
	// auditKeys key the audit chain; nil: plain SHA-256 entries
	auditKeys *AuditKeys

	tree    treeCache
	lineage lineageCache // what became of each unit, per tree version
	tokens  tokenCache
	usage   *tokenUsage
	submit  *submitter
	ckpt    *checkpointer // SQLite: the WAL checkpoints, off the writer

	closeOnce sync.Once
	closeErr  error
}

// Open connects to the database at rawURL: a file path, "sqlite:PATH" or
// "postgres://...". It does not migrate; call Migrate.
func Open(ctx context.Context, rawURL string, opt Options) (*Store, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	s := &Store{log: opt.Logger, now: opt.Clock, auditKeys: opt.AuditKeys}
	cfg := &gorm.Config{
		SkipDefaultTransaction: true,
		Logger: logger.New(slog.NewLogLogger(opt.Logger.Handler(), slog.LevelWarn), logger.Config{
			SlowThreshold:             500 * time.Millisecond,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
		}),
	}
	kind, target := ParseURL(rawURL)
	switch kind {
	case Postgres:
		s.dialect = Postgres
		db, err := gorm.Open(postgres.New(postgres.Config{DSN: target}), cfg)
		if err != nil {
			return nil, fmt.Errorf("open PostgreSQL: %w", err)
		}
		sqlDB, err := db.DB()
		if err != nil {
			return nil, err
		}
		n := opt.MaxConns
		if n <= 0 {
			n = 16
		}
		sqlDB.SetMaxOpenConns(n)
		sqlDB.SetMaxIdleConns(n)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		s.w, s.r = db, db
		s.wdb, s.rdb = sqlDB, sqlDB
	default:
		s.dialect = SQLite
		s.path = target
		if dir := filepath.Dir(target); dir != "" {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create the database folder: %w", err)
			}
		}
		sync := strings.ToUpper(opt.Synchronous)
		if sync == "" {
			sync = "FULL"
		}
		if sync != "FULL" && sync != "NORMAL" {
			return nil, fmt.Errorf("SQLite synchronous must be FULL or NORMAL, not %q", opt.Synchronous)
		}
		w, err := gorm.Open(sqlite.Open(SQLiteDSN(target, false, sync)), cfg)
		if err != nil {
			return nil, fmt.Errorf("open SQLite %s: %w", target, err)
		}
		wdb, err := w.DB()
		if err != nil {
			return nil, err
		}
		wdb.SetMaxOpenConns(1)
		wdb.SetMaxIdleConns(1)
		wdb.SetConnMaxLifetime(0)
		wdb.SetConnMaxIdleTime(0)
		// The writer never checkpoints; the checkpointer does (checkpoint.go).
		if err := w.Exec("PRAGMA wal_autocheckpoint = 0").Error; err != nil {
			wdb.Close()
			return nil, err
		}
		// The writer creates the file and switches it to WAL before any
		// reader opens it.
		if err := checkSQLite(ctx, w, false); err != nil {
			wdb.Close()
			return nil, err
		}
		r, err := gorm.Open(sqlite.Open(SQLiteDSN(target, true, sync)), cfg)
		if err != nil {
			wdb.Close()
			return nil, fmt.Errorf("open SQLite %s for reading: %w", target, err)
		}
		rdb, err := r.DB()
		if err != nil {
			wdb.Close()
			return nil, err
		}
		n := opt.MaxConns
		if n <= 0 {
			// WAL readers do not block each other or the writer; enough of
			// them that requests never queue for one.
			n = max(16, 4*runtime.GOMAXPROCS(0))
		}
		rdb.SetMaxOpenConns(n)
		rdb.SetMaxIdleConns(n)
		if err := checkSQLite(ctx, r, true); err != nil {
			wdb.Close()
			rdb.Close()
			return nil, err
		}
		s.w, s.r = w, r
		s.wdb, s.rdb = wdb, rdb
		if err := s.startCheckpointer(); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	s.usage = newTokenUsage(s)
	s.submit = newSubmitter(s)
	return s, nil
}

// ParseURL tells which database a DATABASE_URL names and returns what the
// driver needs: the DSN for PostgreSQL, the file path for SQLite.
func ParseURL(raw string) (Dialect, string) {
	switch {
	case raw == "":
		return SQLite, DefaultURL
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		return Postgres, raw
	case strings.HasPrefix(raw, "sqlite://"):
		return SQLite, strings.TrimPrefix(raw, "sqlite://")
	case strings.HasPrefix(raw, "sqlite:"):
		return SQLite, strings.TrimPrefix(raw, "sqlite:")
	}
	return SQLite, raw
}

// SQLiteDSN is the one place that builds a SQLite connection string. The
// pragmas are in the DSN because they are per connection: set with Exec
// they would configure one pooled connection only.
func SQLiteDSN(path string, readOnly bool, synchronous string) string {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	// Keep prepared statements per connection: preparing the report
	// queries (forty columns) cost more than running them.
	q.Set("_stmt_cache_size", "128")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", synchronous)
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// checkSQLite verifies that the pragmas took: WAL (readers never block the
// writer) and enforced foreign keys.
func checkSQLite(ctx context.Context, db *gorm.DB, readOnly bool) error {
	var mode string
	if err := db.WithContext(ctx).Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil {
		return fmt.Errorf("SQLite: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("SQLite journal_mode is %q, want wal", mode)
	}
	var fk int
	if err := db.WithContext(ctx).Raw("PRAGMA foreign_keys").Scan(&fk).Error; err != nil {
		return fmt.Errorf("SQLite: %w", err)
	}
	if fk != 1 {
		return errors.New("SQLite foreign_keys is off")
	}
	return nil
}

// Pools returns the database connection pools by name ("writer" and
// "reader" on SQLite, "postgres" on PostgreSQL), for metrics.
func (s *Store) Pools() map[string]*sql.DB {
	out := map[string]*sql.DB{}
	if s.dialect == Postgres {
		out["postgres"] = s.wdb
		return out
	}
	out["writer"], out["reader"] = s.wdb, s.rdb
	return out
}

// Dialect tells which database the store uses.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.WithContext(ctx).Raw("SELECT 1").Scan(&one).Error; err != nil {
		return fmt.Errorf("database: %w", err)
	}
	return nil
}

// Close stops the background writers, committing what they hold, and
// closes the database handles. Calling it again does nothing.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if s.submit != nil {
			s.submit.close()
		}
		if s.usage != nil {
			s.usage.close()
		}
		if s.ckpt != nil {
			s.ckpt.close(s)
		}
		var errs []error
		for _, db := range []*sql.DB{s.wdb, s.rdb} {
			if db == nil {
				continue
			}
			if err := db.Close(); err != nil {
				errs = append(errs, err)
			}
			if s.wdb == s.rdb {
				break
			}
		}
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// Now is the store's clock, truncated to the microsecond that both
// databases keep.
func (s *Store) Now() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// micros and fromMicros convert between times and the integer microseconds
// since 1970 (UTC) in which every timestamp is stored: one exact
// representation on both databases, ordered as numbers.
func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

func fromMicrosPtr(us *int64) *time.Time {
	if us == nil {
		return nil
	}
	t := fromMicros(*us)
	return &t
}

// notFound wraps a lookup that found nothing.
func notFound(format string, args ...any) error {
	return models.Errorf(models.ENOTFOUND, format, args...)
}
