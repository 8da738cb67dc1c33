-- Per-endpoint, per-minute attempt counters behind GET /endpoint-stats (polled by the console every second), kept
-- by the attempt-log writer in the same transaction as the attempt rows they count, so the stats read at most
-- (window in minutes) rows per endpoint instead of scanning delivery_attempts (docs/delivery-engine.md,
-- "Attempt log and retention"). Deleted by the retention loop with the attempts they count.
create table endpoint_attempt_counts (
    endpoint_id  varchar(64) not null,
    minute_start       timestamp with time zone not null,   -- the attempts' minute (UTC, seconds cut off)
    attempts     bigint      not null,
    succeeded    bigint      not null,
    primary key (endpoint_id, minute_start)
);
create index endpoint_attempt_counts_minute on endpoint_attempt_counts (minute_start);

-- Counters for the attempts recorded before this migration (a one-off scan at upgrade time).
insert into endpoint_attempt_counts (endpoint_id, minute_start, attempts, succeeded)
select endpoint_id, date_trunc('minute', attempted_at), count(*), sum(case when succeeded then 1 else 0 end)
from delivery_attempts group by endpoint_id, date_trunc('minute', attempted_at);

-- The record headers of dead letters from orders.events.dlt and notifications.inbox.dlt (JSON object, name ->
-- text), shown by their detail view; null for webhooks.deliveries.dlt, whose headers are columns of their own.
alter table dead_letters add column headers text;
-- A dead letter from orders.events.dlt or notifications.inbox.dlt: where its record came from.
alter table dead_letters add column original_topic varchar(255);
alter table dead_letters add column original_partition integer;
alter table dead_letters add column original_offset bigint;
-- The lists of the other dead-letter topics filter on topic.
create index dead_letters_topic on dead_letters (topic, dead_lettered_at);
