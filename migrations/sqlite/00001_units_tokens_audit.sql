-- The unit tree, API tokens and the audit trail.
-- Timestamps are integer microseconds since 1970 UTC; dates are TEXT YYYY-MM-DD.

-- +goose Up
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    name_folded TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('country', 'province', 'district', 'commune', 'ward', 'town', 'special_zone')),
    parent_id   INTEGER REFERENCES units (id),
    valid_from  TEXT,
    valid_to    TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
-- A code names one unit at a time; a retired unit (valid_to set) frees it.
CREATE UNIQUE INDEX units_current_code ON units (code) WHERE valid_to IS NULL;
CREATE INDEX units_code ON units (code);
CREATE INDEX units_parent ON units (parent_id, code);

-- Every (ancestor, descendant) pair of the tree, each unit its own ancestor at depth 0.
CREATE TABLE unit_closure (
    ancestor_id   INTEGER NOT NULL REFERENCES units (id),
    descendant_id INTEGER NOT NULL REFERENCES units (id),
    depth         INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX unit_closure_descendant ON unit_closure (descendant_id, depth);

-- Bumped by every change to units, so that each process knows when its copy of the tree is stale.
CREATE TABLE tree_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;
INSERT INTO tree_version (id, version) VALUES (1, 1);

INSERT INTO units (code, name, name_folded, kind, created_at, updated_at) VALUES ('VN', 'Việt Nam', 'viet nam', 'country', 0, 0);
INSERT INTO unit_closure (ancestor_id, descendant_id, depth) SELECT id, id, 0 FROM units WHERE code = 'VN';

CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY,
    secret_hash  BLOB    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('admin', 'district', 'commune')),
    unit_id      INTEGER REFERENCES units (id),
    name         TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    revoked_at   INTEGER,
    last_used_at INTEGER,
    CHECK ((role = 'admin') = (unit_id IS NULL))
) STRICT;

CREATE TABLE audit_events (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    token_id  INTEGER,
    actor     TEXT    NOT NULL,
    role      TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    unit_id   INTEGER REFERENCES units (id),
    unit_code TEXT,
    period    TEXT,
    revision  INTEGER,
    detail    TEXT    NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_events_unit ON audit_events (unit_id, period, id);
CREATE INDEX audit_events_at ON audit_events (at);

-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER audit_events_no_delete;
DROP TRIGGER audit_events_no_update;
DROP TABLE audit_events;
DROP TABLE tokens;
DROP TABLE tree_version;
DROP TABLE unit_closure;
DROP TABLE units;
