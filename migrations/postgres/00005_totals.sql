-- One name for the maintained totals, from table to type: the table
-- aggregates (migration 00003) is totals, as models.Totals is in Go. A
-- rollup is what is computed from them (GET /api/v1/rollups).

-- +goose Up
ALTER TABLE aggregates RENAME TO totals;
ALTER INDEX aggregates_pkey RENAME TO totals_pkey;

-- +goose Down
ALTER INDEX totals_pkey RENAME TO aggregates_pkey;
ALTER TABLE totals RENAME TO aggregates;
