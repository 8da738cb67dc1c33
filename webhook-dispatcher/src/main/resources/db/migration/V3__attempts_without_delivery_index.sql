-- V2 indexed delivery_attempts by delivery id for the dead-letter detail view. Every attempt pays for that
-- index on insert, and the attempt log is the dispatcher's busiest write; the detail view finds a delivery's
-- attempts through the event index instead (a delivery belongs to one event), so the extra index goes.
drop index if exists delivery_attempts_delivery;
