package store

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// The database errors the store acts on, told by the drivers' error types
// and codes (PostgreSQL's SQLSTATE, SQLite's extended result codes), never
// by the text of a message.

// PostgreSQL SQLSTATE codes (Appendix A of its manual).
const (
	pgUniqueViolation      = "23505"
	pgExclusionViolation   = "23P01"
	pgNumericOutOfRange    = "22003"
	pgSerializationFailure = "40001"
	pgDeadlockDetected     = "40P01"
)

// sqliteConstraintDatatype is SQLITE_CONSTRAINT_DATATYPE: a STRICT table
// refused a value of the wrong type, such as the REAL that an INTEGER sum
// past the int64 range becomes. go-sqlite3 has no name for it.
var sqliteConstraintDatatype = sqlite3.ErrConstraint.Extend(12)

func pgCode(err error) string {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code
	}
	return ""
}

func sqliteCode(err error) sqlite3.ErrNoExtended {
	var e sqlite3.Error
	if errors.As(err, &e) {
		return e.ExtendedCode
	}
	var ep *sqlite3.Error
	if errors.As(err, &ep) && ep != nil {
		return ep.ExtendedCode
	}
	return 0
}

// isUniqueViolation tells whether err is a unique (or primary key)
// constraint failure.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	switch sqliteCode(err) {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return true
	}
	return pgCode(err) == pgUniqueViolation
}

// isRetryable tells whether a PostgreSQL transaction failed only because of
// another one (deadlock, serialization failure) and may simply run again.
func isRetryable(err error) bool {
	if err == nil {
		return false
	}
	c := pgCode(err)
	return c == pgDeadlockDetected || c == pgSerializationFailure
}

// isOverflow tells whether a write failed because a number passed the
// int64 range: PostgreSQL's "bigint out of range", or on SQLite the REAL
// that integer arithmetic overflows into, refused by a STRICT table.
func isOverflow(err error) bool {
	if err == nil {
		return false
	}
	return pgCode(err) == pgNumericOutOfRange || sqliteCode(err) == sqliteConstraintDatatype
}
