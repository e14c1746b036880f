-- The audit chain is keyed: each new entry records key_id, the id of the
-- HMAC key its hash was made with (a key kept outside the database,
-- AUDIT_KEY or AUDIT_KEY_FILE), or 'sha256' when the server had no key.
-- Entries written before this migration keep key_id NULL and their plain
-- SHA-256 hash: `audit verify` checks them as before, and the keyed chain
-- goes on from the last of them (see store/audit.go).

-- +goose Up
ALTER TABLE audit_events ADD COLUMN key_id TEXT;

-- +goose Down
ALTER TABLE audit_events DROP COLUMN key_id;
