-- Idempotency keys (the Idempotency-Key header on /api writes): the first answer to a signed-in person's key is kept
-- for a day and replayed for retries of the same request, so a retry after a lost answer never acts twice.
-- status_code is NULL while the first request is still being processed.
CREATE TABLE idempotent_request (
    user_id uuid NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NULL,
    content_type TEXT NULL,
    location TEXT NULL,
    response_body TEXT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);
