package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// How the store talks to the database, one path per kind of statement:
//
//   - A single row of a table that has a Go row type (units, tokens,
//     users): GORM's chains (Create, Where/Take, Model/Updates).
//   - The statements of a report's write path — what a submission asks of
//     the store (its idempotency key, the previous period's figures, the
//     dry run, the group commit's transaction with its totals and audit
//     entry) and a review — and every multi-row INSERT: database/sql on the
//     connection under the GORM handle (exec, query; insertRows for many
//     rows), with ? placeholders that bind rewrites for PostgreSQL. They run
//     for every submission, where building them through GORM cost more CPU
//     than running them (profiled under load).
//   - Any other SQL written by hand: GORM's Raw and Exec with ?
//     placeholders (Raw(…).Scan into a slice of structs for a list;
//     Raw(…).Rows() scanned column by column for a list of thousands, as
//     completeness reads the country's reports, where Scan's reflection per
//     row cost more than the read). Their cost does not matter, and GORM
//     maps columns to fields and expands IN ? from a slice. Sign-in,
//     sessions, accounts, deadlines and the audit's verification are here.
//     Mind that GORM expands any slice bound right after a "(" — a []byte
//     too — into a list: a row with bytes is inserted through its row type
//     (Create, as a session is), or its bytes are not the first value.
//
// A function belongs to the write path when a submission or a review may
// run it: TestOnePathPerKindOfStatement (sql_rule_test.go) follows the
// calls from the entries a submission and a review use and fails when a
// function on the path calls GORM's Raw or Exec, or one off it calls exec
// or query, naming the function and the line.
//
// Every write runs in writeTx.

// writeTx runs fn in a write transaction. On SQLite it begins IMMEDIATE on
// the single writer connection, so it waits its turn instead of failing;
// on PostgreSQL a deadlock or serialization failure is retried.
func (s *Store) writeTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = s.w.WithContext(ctx).Transaction(fn)
		if !isRetryable(err) {
			return err
		}
	}
	return err
}

// conn is what a *sql.DB and a *sql.Tx both offer.
type conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// sqlOf returns the database/sql connection under a GORM handle — the
// transaction itself inside writeTx — and its context.
func sqlOf(db *gorm.DB) (conn, context.Context) {
	ctx := db.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	return db.Statement.ConnPool.(conn), ctx
}

// bind writes a query's ? placeholders as PostgreSQL wants them ($1, $2,
// …); SQLite takes ? as is. A ? inside a quoted literal or identifier
// ('…', "…") is left alone.
func (s *Store) bind(query string) string {
	if s.dialect != Postgres {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + len(query)/4)
	n := 0
	var quote byte // the quote of the literal we are in, 0 outside
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0 // a doubled quote closes and reopens: same result
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// exec runs a statement through database/sql on db (a transaction or a
// pool).
func (s *Store) exec(db *gorm.DB, query string, args ...any) error {
	c, ctx := sqlOf(db)
	_, err := c.ExecContext(ctx, s.bind(query), args...)
	return err
}

// query runs a query through database/sql on db.
func (s *Store) query(db *gorm.DB, query string, args ...any) (*sql.Rows, error) {
	c, ctx := sqlOf(db)
	return c.QueryContext(ctx, s.bind(query), args...)
}

// maxParams bounds the parameters of one statement, under SQLite's 32,766
// and PostgreSQL's 65,535.
const maxParams = 30_000

// insertRows writes n rows into table, as many per statement as maxParams
// allows: "INSERT INTO table (cols) VALUES (…), (…)" followed by suffix
// (an ON CONFLICT clause, or ""). row appends the values of row i, one per
// column, to args and returns it.
func (s *Store) insertRows(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any, suffix string) error {
	return s.insertRowsReturning(tx, table, cols, n, row, suffix, nil)
}

// insertRowsReturning is insertRows whose suffix ends with a RETURNING
// clause: scan reads each row it returns. A nil scan reads nothing (the
// statements are executed, not queried).
func (s *Store) insertRowsReturning(tx *gorm.DB, table string, cols []string, n int, row func(i int, args []any) []any, suffix string, scan func(*sql.Rows) error) error {
	per := max(1, maxParams/len(cols))
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		var sb strings.Builder
		sb.Grow(len(head) + (end-start)*(len(one)+2) + len(suffix))
		sb.WriteString(head)
		args := make([]any, 0, (end-start)*len(cols))
		for i := start; i < end; i++ {
			if i > start {
				sb.WriteString(", ")
			}
			sb.WriteString(one)
			args = row(i, args)
		}
		sb.WriteString(suffix)
		if scan == nil {
			if err := s.exec(tx, sb.String(), args...); err != nil {
				return err
			}
			continue
		}
		rows, err := s.query(tx, sb.String(), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
