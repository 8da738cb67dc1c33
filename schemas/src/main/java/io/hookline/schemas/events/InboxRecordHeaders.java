package io.hookline.schemas.events;

import io.hookline.schemas.signing.WebhookHeaders;

/**
 * Record headers on {@link Topics#NOTIFICATIONS_INBOX} (UTF-8 strings), as the notification receiver writes them
 * beside the webhook body it accepted (key = order id).
 */
public final class InboxRecordHeaders {

    /** The Standard Webhooks message id: the idempotency key of the notification. */
    public static final String WEBHOOK_ID = WebhookHeaders.ID;

    /** The same id under the platform-wide event header name. */
    public static final String EVENT_ID = EventHeaders.EVENT_ID;

    /** The event type, e.g. {@code order.paid}. */
    public static final String EVENT_TYPE = EventHeaders.EVENT_TYPE;

    /** When the webhook was accepted, RFC 3339 UTC (e.g. {@code 2026-01-01T10:00:00.123Z}). */
    public static final String RECEIVED_AT = "received_at";

    private InboxRecordHeaders() {
    }
}
