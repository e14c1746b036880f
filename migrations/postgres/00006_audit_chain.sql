-- The audit trail becomes tamper-evident, and closed to TRUNCATE.
--
-- Each entry carries prev_hash, the hash of the entry before it, and hash,
-- the SHA-256 of prev_hash and the entry's content (see store/audit.go);
-- `doingoai audit verify` walks the chain. Entries written before this
-- migration have no hash: the chain begins after them.
--
-- TRUNCATE fires no row trigger: a statement trigger refuses it.

-- +goose Up
ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_events ADD COLUMN hash TEXT;

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- +goose Down
DROP TRIGGER audit_events_no_truncate ON audit_events;
ALTER TABLE audit_events DROP COLUMN hash;
ALTER TABLE audit_events DROP COLUMN prev_hash;
