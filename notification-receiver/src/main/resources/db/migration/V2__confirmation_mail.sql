-- The order-confirmation e-mail of each notification. status moves received -> sending -> sent, or
-- sending -> retrying -> sending ... -> sent | failed. A worker claims a row by a conditional UPDATE to
-- 'sending' (only one claim can win, across threads and receiver instances sharing the database), sends,
-- then marks it 'sent'. sending_since is when the current claim was taken: a 'sending' row older than
-- hookline.receiver.mail.sending-lease belongs to a worker that died mid-send and may be claimed again.
ALTER TABLE notifications ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notifications ADD COLUMN sending_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE notifications ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notifications ADD COLUMN subject VARCHAR(300);
ALTER TABLE notifications ADD COLUMN message_id VARCHAR(300);
ALTER TABLE notifications ADD COLUMN last_error VARCHAR(500);
