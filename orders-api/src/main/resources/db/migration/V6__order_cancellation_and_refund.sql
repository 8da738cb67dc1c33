-- Cancellation of unpaid orders and full refunds of paid ones (POST /orders/{id}/cancel, /refund): the new statuses
-- 'cancelled' and 'refunded' fit the existing status column. Portable SQL: H2 2.x and PostgreSQL 15+.

-- Set together when an order is cancelled; NULL otherwise.
ALTER TABLE orders ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE orders ADD COLUMN cancellation_reason VARCHAR(100);

-- Set together when an order is refunded; NULL otherwise. refunded_amount equals amount (refunds are full for
-- now); it has its own column so that partial refunds need no migration of existing rows.
ALTER TABLE orders ADD COLUMN refunded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE orders ADD COLUMN refund_id VARCHAR(70);
ALTER TABLE orders ADD COLUMN refund_reason VARCHAR(100);
ALTER TABLE orders ADD COLUMN refunded_amount NUMERIC(19, 4);

-- A refund id names one refund; NULLs (orders without a refund) do not collide, on H2 and PostgreSQL alike.
CREATE UNIQUE INDEX orders_refund_id_idx ON orders (refund_id);
