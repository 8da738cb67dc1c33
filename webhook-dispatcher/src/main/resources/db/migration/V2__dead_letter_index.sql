-- The dead-letter index: a queryable copy of webhooks.deliveries.dlt and of the operator actions on
-- webhooks.deliveries.dlt.actions. The topics are the source of truth; everything here can be deleted and is
-- rebuilt from them (docs/dead-letters.md).

-- One row per dead-letter record; id = dl_<partition>_<offset> of the record.
create table dead_letters (
    id                    varchar(40)   primary key,
    topic                 varchar(255)  not null,
    record_partition      integer       not null,
    record_offset         bigint        not null,
    delivery_id           varchar(40),             -- null for unreadable records (no delivery headers)
    event_id              varchar(64),
    event_type            varchar(100),
    endpoint_id           varchar(300),
    endpoint_url          varchar(2048),
    target_url            varchar(2048),
    order_id              varchar(255),            -- the record key
    attempts              integer,
    first_attempt_at      timestamp with time zone,
    last_attempt_at       timestamp with time zone,
    last_status           integer,                 -- null: no HTTP response
    last_error            varchar(1000),
    reason                varchar(1000),
    dead_lettered_at      timestamp with time zone not null,  -- the record's timestamp
    body                  text,
    replay_of             varchar(40),             -- the dead letter this delivery was a replay of
    status                varchar(16)   not null,  -- dead | replayed | discarded
    replay_queued_at      timestamp with time zone,
    replay_by             varchar(100),
    replay_outcome        varchar(16),             -- pending | delivered | failed
    replay_delivered_at   timestamp with time zone,
    replay_dead_letter_id varchar(40),             -- the dead letter of a replay that failed again
    discarded_at          timestamp with time zone,
    discarded_by          varchar(100),
    discard_reason        varchar(500),
    claim_at              timestamp with time zone -- an operator action made here, not yet seen on the actions topic
);
create index dead_letters_time on dead_letters (dead_lettered_at, id);
create index dead_letters_endpoint on dead_letters (endpoint_id, dead_lettered_at);
create index dead_letters_event_type on dead_letters (event_type, dead_lettered_at);
create index dead_letters_order on dead_letters (order_id);
create index dead_letters_status on dead_letters (status, dead_lettered_at);
create index dead_letters_last_status on dead_letters (last_status);
create index dead_letters_replay_of on dead_letters (replay_of);
create index dead_letters_claim on dead_letters (claim_at);

-- Every action read from the actions topic, kept so that an action read before its dead letter (while
-- rebuilding) is folded in when the dead letter arrives. Primary key = the action record's position.
create table dead_letter_actions (
    topic            varchar(255) not null,
    record_partition integer      not null,
    record_offset    bigint       not null,
    dead_letter_id   varchar(40)  not null,
    action           varchar(32)  not null,      -- replayed | discarded | replay_delivered
    acted_at         timestamp with time zone not null,
    actor            varchar(100),
    reason           varchar(500),
    primary key (topic, record_partition, record_offset)
);
create index dead_letter_actions_dead_letter on dead_letter_actions (dead_letter_id);

-- How far the index has read each partition of the dead-letter and actions topics; written in the same
-- transaction as the rows it covers.
create table dead_letter_index_positions (
    topic            varchar(255) not null,
    record_partition integer      not null,
    next_offset      bigint       not null,
    primary key (topic, record_partition)
);

-- A dead letter's attempts are looked up by delivery id.
create index delivery_attempts_delivery on delivery_attempts (delivery_id, attempted_at);
