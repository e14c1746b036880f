-- Every review of a report: the district's decision on a revision, with
-- its comment, who made it and when. The report row keeps the last one.

-- +goose Up
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports (id),
    revision    INTEGER NOT NULL,
    decision    TEXT    NOT NULL CHECK (decision IN ('accept', 'return')),
    comment     TEXT    NOT NULL,
    reviewed_at INTEGER NOT NULL,
    token_id    INTEGER,
    reviewed_by TEXT    NOT NULL,
    role        TEXT    NOT NULL
) STRICT;
CREATE INDEX reviews_report ON reviews (report_id, revision, id);

-- +goose Down
DROP TABLE reviews;
