-- One row per accepted order.paid webhook, keyed by its webhook-id (the event id): inserting a second row
-- for the same event is impossible, so a redelivered webhook has no second effect. Portable to H2 and
-- PostgreSQL. amount keeps the exact decimal text it arrived as (e.g. '30.00').
CREATE TABLE notifications (
    event_id       VARCHAR(255)             NOT NULL PRIMARY KEY,
    order_id       VARCHAR(100)             NOT NULL,
    customer_email VARCHAR(254)             NOT NULL,
    product_name   VARCHAR(200)             NOT NULL,
    quantity       INTEGER                  NOT NULL,
    amount         VARCHAR(32)              NOT NULL,
    currency       CHAR(3)                  NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notifications_order_id_idx ON notifications (order_id);
