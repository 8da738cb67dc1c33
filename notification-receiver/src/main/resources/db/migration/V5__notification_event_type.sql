-- Issue 17: the receiver handles order.created, order.paid, order.cancelled and order.refunded. Every row says which
-- event it is about; rows written before this migration were all order.paid. status gains 'recorded': kept for the
-- record, no e-mail to send (order.created).
ALTER TABLE notifications ADD COLUMN event_type VARCHAR(100) DEFAULT 'order.paid' NOT NULL;
