-- An Idempotency-Key keeps what its request did, in the domain's words,
-- not the HTTP answer it got: outcome is '' while the request that claimed
-- the key is in flight, then 'created' (a new revision, or a token) or
-- 'unchanged' (identical to the report's current revision; nothing
-- stored); body stays what the request returned (the submission's result
-- as JSON, or a token form's token with its sealed secret), etag the
-- report's entity tag. Keys kept by earlier releases are converted: their
-- status 201 is created, 200 unchanged, 0 in flight. Their Location was
-- the report's path, which the API derives from the result.

-- +goose Up
ALTER TABLE idempotency_keys ADD COLUMN outcome TEXT NOT NULL DEFAULT ''
    CHECK (outcome IN ('', 'created', 'unchanged'));
UPDATE idempotency_keys SET outcome = CASE WHEN status = 201 THEN 'created' WHEN status > 0 THEN 'unchanged' ELSE '' END;
ALTER TABLE idempotency_keys DROP COLUMN status;
ALTER TABLE idempotency_keys DROP COLUMN location;

-- +goose Down
ALTER TABLE idempotency_keys ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE idempotency_keys ADD COLUMN location TEXT;
UPDATE idempotency_keys SET status = CASE outcome WHEN 'created' THEN 201 WHEN 'unchanged' THEN 200 ELSE 0 END;
UPDATE idempotency_keys SET location = '/api/v1/reports/' || json_extract(body, '$.unit_code') || '/' || json_extract(body, '$.period')
    WHERE outcome = 'created' AND json_valid(body) AND json_extract(body, '$.unit_code') IS NOT NULL;
ALTER TABLE idempotency_keys DROP COLUMN outcome;
