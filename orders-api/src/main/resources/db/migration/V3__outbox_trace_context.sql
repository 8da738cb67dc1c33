-- The W3C trace context (traceparent) of the request that appended the event, so the relay, which publishes
-- later on its own thread, sends the event on in the same trace. NULL for rows written before tracing.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(64);
