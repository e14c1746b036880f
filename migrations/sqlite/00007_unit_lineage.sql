-- Units over time: what became of each unit (its successors) and, enforced
-- here, that a code names at most one unit on any day.

-- +goose Up
-- One row per (old unit, new unit) of a reorganisation: `full` when the
-- whole old unit went into the new one, `partial` when the old unit was
-- divided (it then has a row for each unit that received part of it).
-- effective is the first day of the new unit (the day after the old one ends).
CREATE TABLE unit_successors (
    old_id    INTEGER NOT NULL REFERENCES units (id),
    new_id    INTEGER NOT NULL REFERENCES units (id),
    share     TEXT    NOT NULL CHECK (share IN ('full', 'partial')),
    effective TEXT    NOT NULL,
    PRIMARY KEY (old_id, new_id),
    CHECK (old_id <> new_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX unit_successors_new ON unit_successors (new_id);

-- A code's validity intervals never overlap: a code and a date name one
-- unit. SQLite has no exclusion constraint; these triggers check in the
-- same statement (and so the same transaction) as the write. Dates are
-- YYYY-MM-DD text, which orders as dates do; a missing bound is open.
-- +goose StatementBegin
CREATE TRIGGER units_code_no_overlap_insert BEFORE INSERT ON units
WHEN EXISTS (SELECT 1 FROM units o WHERE o.code = NEW.code AND o.id IS NOT NEW.id
    AND COALESCE(o.valid_from, '0000-01-01') <= COALESCE(NEW.valid_to, '9999-12-31')
    AND COALESCE(NEW.valid_from, '0000-01-01') <= COALESCE(o.valid_to, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'units_code_no_overlap: another unit has this code on some of these days');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER units_code_no_overlap_update BEFORE UPDATE OF code, valid_from, valid_to ON units
WHEN EXISTS (SELECT 1 FROM units o WHERE o.code = NEW.code AND o.id <> NEW.id
    AND COALESCE(o.valid_from, '0000-01-01') <= COALESCE(NEW.valid_to, '9999-12-31')
    AND COALESCE(NEW.valid_from, '0000-01-01') <= COALESCE(o.valid_to, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'units_code_no_overlap: another unit has this code on some of these days');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER units_code_no_overlap_update;
DROP TRIGGER units_code_no_overlap_insert;
DROP TABLE unit_successors;
