-- Reports: one row per (unit, period) holding the current state and the
-- current revision's figures; every submission kept whole in revisions;
-- idempotency keys of the last days.

-- +goose Up
CREATE TABLE reports (
    id                 BIGSERIAL PRIMARY KEY,
    unit_id            BIGINT NOT NULL REFERENCES units (id),
    period             TEXT    NOT NULL,
    revision           INTEGER NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
    content_hash       BYTEA    NOT NULL,
    -- bumped by every change (submission or review); with the revision it makes the ETag
    version            INTEGER NOT NULL,
    submitted_at       BIGINT NOT NULL,
    -- the first submission that was not a draft: what on-time is judged by
    first_submitted_at BIGINT,
    warnings           TEXT    NOT NULL,
    reviewed_at        BIGINT,
    review_decision    TEXT CHECK (review_decision IN ('accept', 'return')),
    review_comment     TEXT,
    reviewed_by        TEXT,
    reviewed_revision  INTEGER,
    -- The current revision's measures (models.Measures), NULL where not reported.
    f_delegations_out                BIGINT,
    f_delegations_out_people         BIGINT,
    f_delegations_in_domestic        BIGINT,
    f_delegations_in_foreign         BIGINT,
    f_delegations_in_foreign_people  BIGINT,
    f_international_agreements       BIGINT,
    f_international_conferences      BIGINT,
    f_ngo_projects                   BIGINT,
    f_ngo_aid_committed_vnd          BIGINT,
    f_ngo_aid_disbursed_vnd          BIGINT,
    f_foreign_residents              BIGINT,
    f_foreigner_incidents            BIGINT,
    f_citizens_exited                BIGINT,
    f_labor_export_workers           BIGINT,
    f_officials_trained              BIGINT,
    f_foreign_awards_received        BIGINT,
    f_award_nominations              BIGINT,
    f_population                     BIGINT,
    f_households                     BIGINT,
    f_poor_households                BIGINT,
    f_near_poor_households           BIGINT,
    f_income_per_capita_vnd          BIGINT,
    f_ethnic_minority_share_pct      BIGINT,
    f_area_ha                        BIGINT,
    f_party_members                  BIGINT,
    UNIQUE (unit_id, period)
);
CREATE INDEX reports_period ON reports (period, status);

CREATE TABLE revisions (
    id           BIGSERIAL PRIMARY KEY,
    report_id    BIGINT NOT NULL REFERENCES reports (id),
    revision     INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'submitted')),
    -- the report as submitted, normalised (NFC) and re-encoded as compact JSON, without its status
    body         TEXT    NOT NULL,
    content_hash BYTEA    NOT NULL,
    warnings     TEXT    NOT NULL,
    submitted_at BIGINT NOT NULL,
    token_id     BIGINT,
    submitted_by TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    UNIQUE (report_id, revision)
);

CREATE TABLE idempotency_keys (
    token_id     BIGINT NOT NULL,
    idem_key     TEXT    NOT NULL,
    request_hash BYTEA    NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    location     TEXT,
    etag         TEXT,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (token_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;
DROP TABLE revisions;
DROP TABLE reports;
