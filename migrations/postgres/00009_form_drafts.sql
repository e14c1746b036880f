-- The commune's form kept as it was typed when it cannot yet be a report
-- revision: a draft with errors left (a figure the validator refuses). One
-- per report; it is removed when the report is saved or sent. The inputs
-- are the form's, by name (JSON), not a report.

-- +goose Up
CREATE TABLE form_drafts (
    unit_id   BIGINT NOT NULL REFERENCES units (id),
    period    TEXT   NOT NULL,
    inputs    TEXT   NOT NULL,
    saved_at  BIGINT NOT NULL,
    saved_by  TEXT   NOT NULL,
    PRIMARY KEY (unit_id, period)
);

-- +goose Down
DROP TABLE form_drafts;
