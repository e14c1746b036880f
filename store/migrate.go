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

// Migrate applies every pending migration, then the upgrade steps this
// database has not done (upgrade_steps.go). It is idempotent: with nothing
// pending it changes nothing and reads no report.
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
	// Then the data of earlier releases, once per database.
	if err := s.runUpgradeSteps(ctx); err != nil {
		return out, err
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
