-- Every review of a report: the district's decision on a revision, with
-- its comment, who made it and when. The report row keeps the last one.

-- +goose Up
CREATE TABLE reviews (
    id          BIGSERIAL PRIMARY KEY,
    report_id   BIGINT NOT NULL REFERENCES reports (id),
    revision    INTEGER NOT NULL,
    decision    TEXT    NOT NULL CHECK (decision IN ('accept', 'return')),
    comment     TEXT    NOT NULL,
    reviewed_at BIGINT NOT NULL,
    token_id    BIGINT,
    reviewed_by TEXT    NOT NULL,
    role        TEXT    NOT NULL
);
CREATE INDEX reviews_report ON reviews (report_id, revision, id);

-- +goose Down
DROP TABLE reviews;
