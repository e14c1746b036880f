-- The audit trail becomes tamper-evident, and closed to REPLACE.
--
-- Each entry carries prev_hash, the hash of the entry before it, and hash,
-- the SHA-256 of prev_hash and the entry's content (see store/audit.go);
-- `doingoai audit verify` walks the chain. Entries written before this
-- migration have no hash: the chain begins after them.
--
-- REPLACE INTO (or INSERT OR REPLACE) deletes the row it replaces without
-- firing the DELETE trigger unless recursive_triggers is on: an INSERT
-- whose id is already taken is refused before any conflict resolution.

-- +goose Up
ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_events ADD COLUMN hash TEXT;

-- +goose StatementBegin
CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER audit_events_no_replace;
ALTER TABLE audit_events DROP COLUMN hash;
ALTER TABLE audit_events DROP COLUMN prev_hash;
