-- Reports: one row per (unit, period) holding the current state and the
-- current revision's figures; every submission kept whole in revisions;
-- idempotency keys of the last days.

-- +goose Up
CREATE TABLE reports (
    id                 INTEGER PRIMARY KEY,
    unit_id            INTEGER NOT NULL REFERENCES units (id),
    period             TEXT    NOT NULL,
    revision           INTEGER NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
    content_hash       BLOB    NOT NULL,
    -- bumped by every change (submission or review); with the revision it makes the ETag
    version            INTEGER NOT NULL,
    submitted_at       INTEGER NOT NULL,
    -- the first submission that was not a draft: what on-time is judged by
    first_submitted_at INTEGER,
    warnings           TEXT    NOT NULL,
    reviewed_at        INTEGER,
    review_decision    TEXT CHECK (review_decision IN ('accept', 'return')),
    review_comment     TEXT,
    reviewed_by        TEXT,
    reviewed_revision  INTEGER,
    -- The current revision's measures (models.Measures), NULL where not reported.
    f_delegations_out                INTEGER,
    f_delegations_out_people         INTEGER,
    f_delegations_in_domestic        INTEGER,
    f_delegations_in_foreign         INTEGER,
    f_delegations_in_foreign_people  INTEGER,
    f_international_agreements       INTEGER,
    f_international_conferences      INTEGER,
    f_ngo_projects                   INTEGER,
    f_ngo_aid_committed_vnd          INTEGER,
    f_ngo_aid_disbursed_vnd          INTEGER,
    f_foreign_residents              INTEGER,
    f_foreigner_incidents            INTEGER,
    f_citizens_exited                INTEGER,
    f_labor_export_workers           INTEGER,
    f_officials_trained              INTEGER,
    f_foreign_awards_received        INTEGER,
    f_award_nominations              INTEGER,
    f_population                     INTEGER,
    f_households                     INTEGER,
    f_poor_households                INTEGER,
    f_near_poor_households           INTEGER,
    f_income_per_capita_vnd          INTEGER,
    f_ethnic_minority_share_pct      INTEGER,
    f_area_ha                        INTEGER,
    f_party_members                  INTEGER,
    UNIQUE (unit_id, period)
) STRICT;
CREATE INDEX reports_period ON reports (period, status);

CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports (id),
    revision     INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'submitted')),
    -- the report as submitted, normalised (NFC) and re-encoded as compact JSON, without its status
    body         TEXT    NOT NULL,
    content_hash BLOB    NOT NULL,
    warnings     TEXT    NOT NULL,
    submitted_at INTEGER NOT NULL,
    token_id     INTEGER,
    submitted_by TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    UNIQUE (report_id, revision)
) STRICT;

CREATE TABLE idempotency_keys (
    token_id     INTEGER NOT NULL,
    idem_key     TEXT    NOT NULL,
    request_hash BLOB    NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    location     TEXT,
    etag         TEXT,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (token_id, idem_key)
) STRICT;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;
DROP TABLE revisions;
DROP TABLE reports;
