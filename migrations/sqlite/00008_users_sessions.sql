-- People who sign in to the web app, their sessions, and the counts of
-- failed sign-ins that slow down password guessing.
-- Timestamps are integer microseconds since 1970 UTC.

-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT    NOT NULL UNIQUE,
    -- argon2id in the PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash)
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'district', 'commune')),
    unit_id       INTEGER REFERENCES units (id),
    name          TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    password_set_at INTEGER NOT NULL,
    disabled_at   INTEGER,
    CHECK ((role = 'admin') = (unit_id IS NULL))
) STRICT;

-- A session is known by the SHA-256 of its cookie's secret; the secret
-- itself is never stored.
CREATE TABLE sessions (
    id_hash      BLOB    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    csrf_token   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    address      TEXT    NOT NULL DEFAULT '',
    user_agent   TEXT    NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed sign-ins per key ('login:NAME' or 'addr:IP'), forgotten after a quiet hour.
CREATE TABLE login_failures (
    key        TEXT    PRIMARY KEY,
    failures   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE users;
