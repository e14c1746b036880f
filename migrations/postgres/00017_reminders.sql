-- Reminders sent to communes that have not sent a period's report (or
-- whose report was returned): one row per commune reminded, shown on its
-- page until the report is sent. from_unit_id is the unit the officer
-- reminded from (a district or province); status is the report's then
-- (missing, draft or returned). Each email sent for a reminder
-- is a row of reminder_emails with its outcome: pending until the SMTP
-- server answered, then sent or failed (with the server's words).

-- +goose Up
CREATE TABLE reminders (
    id           BIGSERIAL PRIMARY KEY,
    unit_id      BIGINT NOT NULL REFERENCES units (id),
    period       TEXT   NOT NULL,
    from_unit_id BIGINT NOT NULL REFERENCES units (id),
    status       TEXT   NOT NULL,
    message      TEXT   NOT NULL,
    sent_by      TEXT   NOT NULL,
    sent_at      BIGINT NOT NULL
);
CREATE INDEX reminders_unit_period ON reminders (unit_id, period, sent_at);
CREATE INDEX reminders_period ON reminders (period, sent_at);

CREATE TABLE reminder_emails (
    reminder_id BIGINT NOT NULL REFERENCES reminders (id),
    login       TEXT   NOT NULL,
    address     TEXT   NOT NULL,
    status      TEXT   NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    error       TEXT   NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (reminder_id, login)
);

-- +goose Down
DROP TABLE reminder_emails;
DROP TABLE reminders;
