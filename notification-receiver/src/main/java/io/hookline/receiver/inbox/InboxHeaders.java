package io.hookline.receiver.inbox;

import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.signing.WebhookHeaders;

/**
 * Record headers on {@code notifications.inbox} (UTF-8 strings). The key is the order id and the value the
 * webhook body exactly as it was received.
 */
public final class InboxHeaders {

    /** The Standard Webhooks message id: the idempotency key of the notification. */
    public static final String WEBHOOK_ID = WebhookHeaders.ID;

    /** The same id under the platform-wide event header name. */
    public static final String EVENT_ID = EventHeaders.EVENT_ID;

    /** The event type, e.g. {@code order.paid}. */
    public static final String EVENT_TYPE = EventHeaders.EVENT_TYPE;

    /** When the webhook was accepted, ISO-8601 UTC (e.g. {@code 2026-01-01T10:00:00.123Z}). */
    public static final String RECEIVED_AT = io.hookline.schemas.events.InboxRecordHeaders.RECEIVED_AT;

    private InboxHeaders() {
    }
}
