package io.hookline.dispatcher.delivery;

import io.hookline.schemas.events.DeadLetterHeaders;

/**
 * Header names of the records on the delivery, retry and dead-letter topics. Values are UTF-8 text (times
 * are RFC 3339, {@link io.hookline.schemas.events.HeaderText}), so any Kafka tool shows them, e.g. {@code kcat -C -J -t webhooks.deliveries.dlt}.
 */
public final class DeliveryHeaders {

    /** {@code dlv_…}: one (event, endpoint) pair; stable across its attempts. */
    public static final String DELIVERY_ID = "delivery_id";
    /** The event id, also the {@code webhook-id}. */
    public static final String EVENT_ID = io.hookline.schemas.events.EventHeaders.EVENT_ID;
    public static final String EVENT_TYPE = io.hookline.schemas.events.EventHeaders.EVENT_TYPE;
    public static final String ENDPOINT_ID = "endpoint_id";
    /** The endpoint URL at the last attempt (dead letters only, for the reader's convenience). */
    public static final String ENDPOINT_URL = "endpoint_url";
    /** Per-order callbacks only: the order's {@code callback_url}. */
    public static final String TARGET_URL = "target_url";
    /** The W3C trace context of the order request ({@code 00-<trace id>-<span id>-<flags>}). */
    public static final String TRACEPARENT = io.hookline.schemas.events.EventHeaders.TRACEPARENT;
    /** Per-order callbacks only: the orders API client whose callback secret signs it (from the event). */
    public static final String CLIENT_ID = io.hookline.schemas.events.EventHeaders.CLIENT_ID;
    /** With {@link #CLIENT_ID}: the client's callback key versions to sign with, newest first ({@code "2,1"}). */
    public static final String CALLBACK_KEY_VERSIONS = io.hookline.schemas.events.EventHeaders.CALLBACK_KEY_VERSIONS;
    /** Attempts made so far. */
    public static final String ATTEMPTS = "attempts";
    /** The version of the event type's contract the delivery's body follows, copied from the event's header. */
    public static final String EVENT_VERSION = io.hookline.schemas.events.EventHeaders.EVENT_VERSION;
    /** Not attempted before this time. */
    public static final String DUE_AT = "due_at";
    /** When the delivery entered the platform (fan-out or replay); kept across retries and deferrals. */
    public static final String ENQUEUED_AT = "enqueued_at";
    public static final String FIRST_ATTEMPT_AT = "first_attempt_at";
    public static final String LAST_ATTEMPT_AT = "last_attempt_at";
    /** The last HTTP status, absent when no response arrived. */
    public static final String LAST_STATUS = "last_status";
    /** Why the last attempt failed, e.g. {@code HTTP 500} or {@code connection refused}. */
    public static final String LAST_ERROR = "last_error";
    /** On a replayed delivery (and its retries and dead letter): the dead letter it replays, {@code dl_…}. */
    public static final String REPLAY_OF = "replay_of";
    /** On dead letters: a readable reason (the platform's one dead-letter convention, {@link DeadLetterHeaders}). */
    public static final String DLT_REASON = DeadLetterHeaders.REASON;
    /** On dead letters of unreadable records: where the record came from. */
    public static final String DLT_ORIGINAL_TOPIC = DeadLetterHeaders.ORIGINAL_TOPIC;
    public static final String DLT_ORIGINAL_PARTITION = DeadLetterHeaders.ORIGINAL_PARTITION;
    public static final String DLT_ORIGINAL_OFFSET = DeadLetterHeaders.ORIGINAL_OFFSET;

    private DeliveryHeaders() {
    }
}
