-- The relay claims rows with a lease instead of holding their locks until every acknowledgement is in, so it can
-- mark each acknowledged row published at once and keep sending while one partition is slow or unavailable.
-- NULL: never claimed, or released. A row whose lease has not run out is in flight (or waits out a retry delay).
ALTER TABLE outbox_event ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
