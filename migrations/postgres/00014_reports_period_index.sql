-- reports_period (period, status) served the reads of a period's reports
-- before reports_completeness (00013), whose first column is the period
-- too: every read by period now goes through that one or through the
-- unique (unit_id, period), and no read filters on period and status
-- alone. Each report written kept both up to date; now only one.

-- +goose Up
DROP INDEX reports_period;

-- +goose Down
CREATE INDEX reports_period ON reports (period, status);
