-- API clients, their API keys, order ownership, per-client idempotency keys, and the client headers of outbox
-- events. Portable SQL: H2 2.x and PostgreSQL 15+.

-- A client of the API. Its callback signing secret is derived from the platform's master secret and the version
-- (never stored); after a rotation the previous version stays valid until previous_valid_until.
CREATE TABLE client (
    id                            VARCHAR(40)              NOT NULL PRIMARY KEY,
    name                          VARCHAR(400)             NOT NULL,
    created_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    callback_key_version          INTEGER                  NOT NULL DEFAULT 1,
    previous_callback_key_version INTEGER,
    previous_valid_until          TIMESTAMP WITH TIME ZONE
);

-- An API key: only its SHA-256 (hex) is stored, and a short visible prefix to tell keys apart.
CREATE TABLE api_key (
    id           VARCHAR(40)              NOT NULL PRIMARY KEY,
    client_id    VARCHAR(40)              NOT NULL REFERENCES client (id),
    key_hash     VARCHAR(64)              NOT NULL UNIQUE,
    key_prefix   VARCHAR(20)              NOT NULL,
    -- space-separated, e.g. 'read write'
    scopes       VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_key_client_idx ON api_key (client_id);

-- The client that created the order. Orders written before clients existed keep NULL: only an admin key sees them.
ALTER TABLE orders ADD COLUMN client_id VARCHAR(40) REFERENCES client (id);
CREATE INDEX orders_client_created_idx ON orders (client_id, created_at, id);

-- The Kafka headers client_id and callback_key_versions ('2,1' while a rotation's grace lasts) of an event,
-- fixed when the event is appended. NULL for events of orders without a client.
ALTER TABLE outbox_event ADD COLUMN client_id VARCHAR(40);
ALTER TABLE outbox_event ADD COLUMN callback_key_versions VARCHAR(40);

-- Idempotency keys become per caller: two clients sending the same Idempotency-Key never see each other's
-- response. The primary key changes, which portable SQL only does by copying into a new table; keys stored
-- before clients existed belong to the admin scope ('admin'), as do their orders.
CREATE TABLE idempotency_key_v5 (
    owner_id          VARCHAR(40)              NOT NULL,
    idem_key          VARCHAR(255)             NOT NULL,
    request_method    VARCHAR(10)              NOT NULL,
    request_path      VARCHAR(300)             NOT NULL,
    request_hash      VARCHAR(64)              NOT NULL,
    state             VARCHAR(20)              NOT NULL,
    response_status   INTEGER,
    response_body     TEXT,
    response_location VARCHAR(300),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, idem_key)
);

INSERT INTO idempotency_key_v5 (owner_id, idem_key, request_method, request_path, request_hash, state,
        response_status, response_body, response_location, created_at, locked_until, expires_at)
    SELECT 'admin', idem_key, request_method, request_path, request_hash, state, response_status, response_body,
           response_location, created_at, locked_until, expires_at
    FROM idempotency_key;

DROP TABLE idempotency_key;
ALTER TABLE idempotency_key_v5 RENAME TO idempotency_key;
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
