-- Idempotency-Key records and the indexes behind GET /orders filters. Portable SQL: H2 2.x and PostgreSQL 15+.

-- One row per Idempotency-Key: claimed (in_progress) before the work starts, completed with the response in
-- the same transaction as the work, so a replay returns exactly what the first request answered.
CREATE TABLE idempotency_key (
    idem_key          VARCHAR(255)             NOT NULL PRIMARY KEY,
    request_method    VARCHAR(10)              NOT NULL,
    request_path      VARCHAR(300)             NOT NULL,
    -- SHA-256 (hex) of method, path and the canonical JSON body.
    request_hash      VARCHAR(64)              NOT NULL,
    state             VARCHAR(20)              NOT NULL,
    response_status   INTEGER,
    response_body     TEXT,
    response_location VARCHAR(300),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- An in_progress claim older than this was abandoned (crash) and may be taken over.
    locked_until      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);

-- Keyset pagination of GET /orders, newest first, optionally filtered by status or customer e-mail.
CREATE INDEX orders_created_id_idx ON orders (created_at, id);
CREATE INDEX orders_status_created_idx ON orders (status, created_at, id);
CREATE INDEX orders_email_created_idx ON orders (customer_email, created_at, id);
