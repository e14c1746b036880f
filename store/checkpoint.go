package store

import (
	"context"
	"database/sql"
	"os"
	"time"
)

// SQLite in WAL mode appends each commit to the -wal file; a checkpoint
// copies those pages back into the database file. By default the commit
// that crosses 1,000 pages of WAL runs the checkpoint itself, so one
// submission batch in every few pays for copying and syncing megabytes, on
// the single writer that every other submission waits for (half the
// writer's CPU under load, profiled). Instead the writer's connection never
// checkpoints, and a goroutine with a connection of its own runs PASSIVE
// checkpoints beside it: they copy what readers allow without taking the
// write lock, so the writer goes on committing meanwhile. Durability does
// not change: a commit is durable once its WAL frames are synced
// (synchronous=FULL), whether or not they have been checkpointed.
const (
	checkpointEvery = 250 * time.Millisecond
	// walLimit is the size beyond which the checkpointer, if PASSIVE runs
	// could not keep the WAL small (a reader holding an old snapshot for a
	// long time), truncates it, waiting for readers as long as the busy
	// timeout allows.
	walLimit = 256 << 20
)

type checkpointer struct {
	db   *sql.DB
	path string
	stop chan struct{}
	done chan struct{}
}

func (s *Store) startCheckpointer() error {
	db, err := sql.Open("sqlite3", SQLiteDSN(s.path, false, "FULL"))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, path: s.path, stop: make(chan struct{}), done: make(chan struct{})}
	s.ckpt = c
	go c.loop(s)
	return nil
}

func (c *checkpointer) loop(s *Store) {
	defer close(c.done)
	tick := time.NewTicker(checkpointEvery)
	defer tick.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-tick.C:
		}
		c.checkpoint(s, "PASSIVE")
		if st, err := os.Stat(c.path + "-wal"); err == nil && st.Size() > walLimit {
			c.checkpoint(s, "TRUNCATE")
		}
	}
}

func (c *checkpointer) checkpoint(s *Store, mode string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var busy, logPages, done int
	if err := c.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &logPages, &done); err != nil {
		s.log.Warn("WAL checkpoint", "mode", mode, "err", err)
	}
}

// close runs a last checkpoint and closes the connection.
func (c *checkpointer) close(s *Store) {
	close(c.stop)
	<-c.done
	c.checkpoint(s, "PASSIVE")
	c.db.Close()
}
