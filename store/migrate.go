package store

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"doingoai/migrations"
)

// MigrationResult says what Migrate did.
type MigrationResult struct {
	Applied []int64 // versions applied now, in order
	Version int64   // the schema version after
}

func (s *Store) migrator() (*goose.Provider, error) {
	fsys, err := migrations.FS(string(s.dialect))
	if err != nil {
		return nil, err
	}
	db := s.wdb
	dialect := goose.DialectSQLite3
	// Numbers are handed out per change, and changes land in any order: a
	// database that has 00006 applies a 00005 that lands after it.
	opts := []goose.ProviderOption{goose.WithAllowOutofOrder(true)}
	if s.dialect == Postgres {
		dialect = goose.DialectPostgres
		// Several servers starting at once on one database: one migrates,
		// the others wait for it.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(dialect, db, fsys, opts...)
}

// Migrate applies every pending migration. It is idempotent: with nothing
// pending it changes nothing.
func (s *Store) Migrate(ctx context.Context) (MigrationResult, error) {
	p, err := s.migrator()
	if err != nil {
		return MigrationResult{}, fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return MigrationResult{}, fmt.Errorf("migrate: %w", err)
	}
	var out MigrationResult
	for _, r := range results {
		out.Applied = append(out.Applied, r.Source.Version)
	}
	out.Version, err = p.GetDBVersion(ctx)
	s.tree.invalidate()
	if err != nil {
		return out, err
	}
	// Reports stored before the rule of units that ended: kept, no longer
	// counted (once; afterwards this finds nothing).
	if n, err := s.ExcludeEndedReports(ctx); err != nil {
		return out, err
	} else if n > 0 {
		s.log.Warn("reports of units that ended before their period's last day are no longer counted in the totals; `units check` lists them", "reports", n)
	}
	// Warnings stored before they had params: given them, so that the
	// pages show them in Vietnamese (once; afterwards this finds nothing
	// to give).
	if given, left, err := s.GiveWarningsParams(ctx); err != nil {
		return out, err
	} else if given > 0 || left > 0 {
		s.log.Info("stored warnings given the figures of their Vietnamese words", "given", given, "left_in_english", left)
	}
	return out, nil
}

// MigrateDownTo undoes migrations down to version (0 for an empty schema).
// Tests use it to prove that every migration can be undone and redone.
func (s *Store) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	s.tree.invalidate()
	return err
}
