-- The W3C trace id the webhook arrived in (from the dispatcher's traceparent header), so GET /notifications shows
-- which order request the notification belongs to in the logs of every service. NULL when the webhook had none.
ALTER TABLE notifications ADD COLUMN trace_id VARCHAR(32);
