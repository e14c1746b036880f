-- An account's email address (optional): where reminders to a commune's
-- people go. Empty when none was given.

-- +goose Up
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN email;
