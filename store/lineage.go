package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"

	"doingoai/models"
)

// overlapGuard names what keeps two units from having one code on the
// same day: the exclusion constraint (or, without btree_gist, the trigger)
// on PostgreSQL, the triggers on SQLite (migrations 00007). On SQLite a
// trigger's RAISE gives only the extended code SQLITE_CONSTRAINT_TRIGGER,
// which the audit trail's triggers give too; the message, which starts
// with this name, is the only thing that tells them apart.
const overlapGuard = "units_code_no_overlap"

// isOverlap tells whether the database refused a write because two units
// would have one code on the same day: on PostgreSQL an exclusion
// violation of the guard (the trigger raises the same SQLSTATE and names
// the same constraint), on SQLite the guard's trigger.
func isOverlap(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == pgExclusionViolation && pg.ConstraintName == overlapGuard
	}
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		return lite.ExtendedCode == sqlite3.ErrConstraintTrigger && strings.HasPrefix(lite.Error(), overlapGuard+":")
	}
	return false
}

func overlapMessage(code string, o *models.TreeUnit) string {
	span := func(d models.Date, open string) string {
		if d.IsZero() {
			return open
		}
		return d.String()
	}
	return fmt.Sprintf("code %s already names %s from %s to %s; a code names one unit on any day, so the new dates must not overlap those",
		code, o.Name, span(o.ValidFrom, "no first day"), span(o.ValidTo, "no last day"))
}

func overlapConflict(code string, o *models.TreeUnit) error {
	return &models.Error{Code: models.ECONFLICT, Message: fmt.Sprintf("unit %s already exists on some of these days", code),
		Fields: []models.FieldError{{Field: "code", Message: overlapMessage(code, o)}}}
}
