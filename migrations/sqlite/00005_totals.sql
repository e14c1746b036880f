-- One name for the maintained totals, from table to type: the table
-- aggregates (migration 00003) is totals, as models.Totals is in Go. A
-- rollup is what is computed from them (GET /api/v1/rollups).

-- +goose Up
ALTER TABLE aggregates RENAME TO totals;

-- +goose Down
ALTER TABLE totals RENAME TO aggregates;
