package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"doingoai/models"
)

// isOverlap tells whether the database refused a write because two units
// would have one code on the same day (the units_code_no_overlap
// constraint on PostgreSQL, the triggers of that name on SQLite).
func isOverlap(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23P01" || pg.ConstraintName == "units_code_no_overlap"
	}
	return strings.Contains(err.Error(), "units_code_no_overlap")
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
