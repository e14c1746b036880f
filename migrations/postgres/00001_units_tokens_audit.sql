-- The unit tree, API tokens and the audit trail.
-- Timestamps are integer microseconds since 1970 UTC; dates are TEXT YYYY-MM-DD.

-- +goose Up
CREATE TABLE units (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT   NOT NULL,
    name        TEXT   NOT NULL,
    name_folded TEXT   NOT NULL,
    kind        TEXT   NOT NULL CHECK (kind IN ('country', 'province', 'district', 'commune', 'ward', 'town', 'special_zone')),
    parent_id   BIGINT REFERENCES units (id),
    valid_from  TEXT,
    valid_to    TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
-- A code names one unit at a time; a retired unit (valid_to set) frees it.
CREATE UNIQUE INDEX units_current_code ON units (code) WHERE valid_to IS NULL;
CREATE INDEX units_code ON units (code);
CREATE INDEX units_parent ON units (parent_id, code);

-- Every (ancestor, descendant) pair of the tree, each unit its own ancestor at depth 0.
CREATE TABLE unit_closure (
    ancestor_id   BIGINT  NOT NULL REFERENCES units (id),
    descendant_id BIGINT  NOT NULL REFERENCES units (id),
    depth         INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX unit_closure_descendant ON unit_closure (descendant_id, depth);

-- Bumped by every change to units, so that each process knows when its copy of the tree is stale.
CREATE TABLE tree_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO tree_version (id, version) VALUES (1, 1);

INSERT INTO units (code, name, name_folded, kind, created_at, updated_at) VALUES ('VN', 'Việt Nam', 'viet nam', 'country', 0, 0);
INSERT INTO unit_closure (ancestor_id, descendant_id, depth) SELECT id, id, 0 FROM units WHERE code = 'VN';

CREATE TABLE tokens (
    id           BIGSERIAL PRIMARY KEY,
    secret_hash  BYTEA  NOT NULL UNIQUE,
    role         TEXT   NOT NULL CHECK (role IN ('admin', 'district', 'commune')),
    unit_id      BIGINT REFERENCES units (id),
    name         TEXT   NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT,
    revoked_at   BIGINT,
    last_used_at BIGINT,
    CHECK ((role = 'admin') = (unit_id IS NULL))
);

CREATE TABLE audit_events (
    id        BIGSERIAL PRIMARY KEY,
    at        BIGINT NOT NULL,
    token_id  BIGINT,
    actor     TEXT   NOT NULL,
    role      TEXT   NOT NULL,
    action    TEXT   NOT NULL,
    unit_id   BIGINT REFERENCES units (id),
    unit_code TEXT,
    period    TEXT,
    revision  INTEGER,
    detail    TEXT   NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_unit ON audit_events (unit_id, period, id);
CREATE INDEX audit_events_at ON audit_events (at);

-- +goose StatementBegin
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- +goose Down
DROP TRIGGER audit_events_no_change ON audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE audit_events;
DROP TABLE tokens;
DROP TABLE tree_version;
DROP TABLE unit_closure;
DROP TABLE units;
