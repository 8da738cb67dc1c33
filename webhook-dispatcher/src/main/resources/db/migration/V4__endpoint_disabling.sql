-- Why and since when an endpoint is disabled (docs/delivery-engine.md, "Auto-disable"). Endpoints created through
-- the API keep it on their row; configured endpoints (hookline.dispatcher.endpoints[n], read-only) in a table of their own,
-- keyed by their name, which the endpoint directory consults. No new index on delivery_attempts: the auto-disable
-- check walks the existing (endpoint_id, attempted_at) index, and every index there costs each attempt's insert.
alter table endpoints add column disabled_reason varchar(500);
alter table endpoints add column disabled_at timestamp with time zone;
alter table endpoints add column failing_since timestamp with time zone;  -- set by auto-disable only
alter table endpoints add column reenabled_at timestamp with time zone;   -- attempts before it do not count

create table configured_endpoint_states (
    endpoint_id     varchar(64) primary key,
    disabled_reason varchar(500),
    disabled_at     timestamp with time zone,             -- null: enabled
    failing_since   timestamp with time zone,
    reenabled_at    timestamp with time zone
);
