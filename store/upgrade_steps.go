package store

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// An upgradeStep brings data written by earlier releases under this
// release's rules, once per database: Migrate runs it after the
// migrations, in one transaction that first records it in upgrade_steps
// (migration 00019). The record and the step commit together, so a step
// that fails is tried again at the next start, and one that committed is
// never run again. With several servers starting at once, the first
// records it and the others, whose record waits for its transaction (the
// primary key), find it done: on PostgreSQL the second insert of the name
// blocks until the first commits or rolls back; SQLite's writer is one at
// a time.
type upgradeStep struct {
	name string
	// run does the step inside tx; what it returns, if not nil, says what
	// it did once the transaction has committed.
	run func(s *Store, tx *gorm.DB) (say func(), err error)
}

// upgradeSteps are run in this order. A step is never renamed: its name
// is what a database records it under.
var upgradeSteps = []upgradeStep{
	// Reports stored before the rule of units that ended: kept, no longer
	// counted.
	{"exclude_ended_reports", (*Store).excludeEndedReports},
	// Warnings stored before they had params: given them, so that the
	// pages show them in Vietnamese.
	{"give_warnings_params", (*Store).giveWarningsParams},
}

// runUpgradeSteps runs the upgrade steps this database has not recorded:
// when all are, it is one query on a small table.
func (s *Store) runUpgradeSteps(ctx context.Context) error {
	var done []string
	if err := s.w.WithContext(ctx).Raw("SELECT name FROM upgrade_steps").Scan(&done).Error; err != nil {
		return fmt.Errorf("read the upgrade steps done: %w", err)
	}
	for _, st := range upgradeSteps {
		if slices.Contains(done, st.name) {
			continue
		}
		var say func()
		err := s.writeTx(ctx, func(tx *gorm.DB) error {
			say = nil
			res := tx.Exec("INSERT INTO upgrade_steps (name, done_at) VALUES (?, ?) ON CONFLICT DO NOTHING", st.name, micros(s.Now()))
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 { // another server did it meanwhile
				return nil
			}
			var err error
			say, err = st.run(s, tx)
			return err
		})
		if err != nil {
			return fmt.Errorf("upgrade step %s: %w", st.name, err)
		}
		if say != nil {
			say()
		}
	}
	return nil
}
