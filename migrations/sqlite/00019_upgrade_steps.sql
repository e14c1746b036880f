-- The one-off steps of an upgrade that change data, not the schema (data
-- written by earlier releases brought under this release's rules; the
-- list is store/upgrade_steps.go): a row per step done, written in the
-- transaction that does the step, so that each step runs once on a
-- database, however many servers start on it and however often.

-- +goose Up
CREATE TABLE upgrade_steps (
    name    TEXT PRIMARY KEY,
    done_at INTEGER NOT NULL
) STRICT;

-- +goose Down
DROP TABLE upgrade_steps;
