-- Issue 13: the e-mail is sent by the receiver's own sender loop, not on the Kafka listener thread. The inbox
-- record is committed once its notification is recorded here; the row then carries the whole retry state.
--   status: pending -> sending -> sent, or sending -> retrying -> sending ... -> sent | failed | expired
--   next_attempt_at: when the row may next be claimed. For pending/retrying rows the due time of the next
--     attempt; for a sending row the end of the sender's lease (a claim is a conditional UPDATE that moves it
--     into the future, so no other sender may start the same e-mail until the lease has run out); NULL once the
--     row is final (sent, failed, expired).
--   payload: the webhook body as received, so a parked notification goes to notifications.inbox.dlt as the
--     very inbox record it came from (a replay re-drives it).
ALTER TABLE notifications ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notifications ADD COLUMN payload VARCHAR(65536);

UPDATE notifications SET status = 'pending' WHERE status = 'received';
UPDATE notifications SET next_attempt_at = received_at WHERE status IN ('pending', 'retrying');
UPDATE notifications SET next_attempt_at = sending_since WHERE status = 'sending';
ALTER TABLE notifications DROP COLUMN sending_since;

CREATE INDEX notifications_next_attempt_idx ON notifications (next_attempt_at);
CREATE INDEX notifications_sent_at_idx ON notifications (sent_at);
