-- Units over time: what became of each unit (its successors) and, enforced
-- here, that a code names at most one unit on any day.

-- +goose Up
-- One row per (old unit, new unit) of a reorganisation: `full` when the
-- whole old unit went into the new one, `partial` when the old unit was
-- divided (it then has a row for each unit that received part of it).
-- effective is the first day of the new unit (the day after the old one ends).
CREATE TABLE unit_successors (
    old_id    BIGINT NOT NULL REFERENCES units (id),
    new_id    BIGINT NOT NULL REFERENCES units (id),
    share     TEXT   NOT NULL CHECK (share IN ('full', 'partial')),
    effective TEXT   NOT NULL,
    PRIMARY KEY (old_id, new_id),
    CHECK (old_id <> new_id)
);
CREATE INDEX unit_successors_new ON unit_successors (new_id);

-- The days a unit exists, from its YYYY-MM-DD bounds (a missing bound is
-- open). Built with make_date, which is immutable, rather than a text to
-- date cast, which depends on the session's DateStyle.
-- +goose StatementBegin
CREATE FUNCTION unit_days(valid_from TEXT, valid_to TEXT) RETURNS daterange
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT daterange(
        CASE WHEN valid_from IS NOT NULL THEN make_date(substr(valid_from, 1, 4)::int, substr(valid_from, 6, 2)::int, substr(valid_from, 9, 2)::int) END,
        CASE WHEN valid_to IS NOT NULL THEN make_date(substr(valid_to, 1, 4)::int, substr(valid_to, 6, 2)::int, substr(valid_to, 9, 2)::int) END,
        '[]')
$$;
-- +goose StatementEnd

-- A code's validity intervals never overlap: a code and a date name one
-- unit. The exclusion constraint needs btree_gist (for = on text in a GiST
-- index); it is installed into the schema public when it can be (a trusted
-- extension since PostgreSQL 13). Where it cannot, a trigger checks
-- instead, serialised per code by a transaction-level advisory lock so that
-- two transactions cannot both pass the check. `units_overlap_guard()`
-- answers which of the two this database has.
-- +goose StatementBegin
CREATE FUNCTION units_code_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('units_code:' || NEW.code));
    IF EXISTS (SELECT 1 FROM units o WHERE o.code = NEW.code AND o.id <> NEW.id
               AND unit_days(o.valid_from, o.valid_to) && unit_days(NEW.valid_from, NEW.valid_to)) THEN
        RAISE EXCEPTION 'units_code_no_overlap: another unit has the code % on some of these days', NEW.code
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'units_code_no_overlap';
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
DO $$
DECLARE
    ext_schema TEXT;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'btree_gist is not available (%); a trigger guards unit codes instead', SQLERRM;
    END;
    SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'btree_gist';
    IF ext_schema IS NOT NULL THEN
        EXECUTE format('ALTER TABLE units ADD CONSTRAINT units_code_no_overlap EXCLUDE USING gist (code %I.gist_text_ops WITH =, unit_days(valid_from, valid_to) WITH &&)', ext_schema);
    ELSE
        CREATE TRIGGER units_code_no_overlap BEFORE INSERT OR UPDATE OF code, valid_from, valid_to ON units
            FOR EACH ROW EXECUTE FUNCTION units_code_no_overlap();
    END IF;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION units_overlap_guard() RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'units_code_no_overlap' AND conrelid = 'units'::regclass)
                THEN 'exclusion constraint' ELSE 'trigger' END
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION units_overlap_guard();
ALTER TABLE units DROP CONSTRAINT IF EXISTS units_code_no_overlap;
DROP TRIGGER IF EXISTS units_code_no_overlap ON units;
DROP FUNCTION units_code_no_overlap();
DROP FUNCTION unit_days(TEXT, TEXT);
DROP TABLE unit_successors;
