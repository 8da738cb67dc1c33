package io.hookline.schemas.signing;

/** HTTP header names of the Standard Webhooks specification. */
public final class WebhookHeaders {

    /** The message id: the event id, stable across retries; receivers dedupe on it. */
    public static final String ID = "webhook-id";

    /** Unix seconds when the request was signed. */
    public static final String TIMESTAMP = "webhook-timestamp";

    /** One or more space-separated {@code v1,<base64 HMAC-SHA256>} signatures. */
    public static final String SIGNATURE = "webhook-signature";

    /**
     * Not part of the specification: hookline's version of the event type's contract the body follows
     * ({@code "1"}), so a receiver can tell a v2 payload from a v1 one without parsing it.
     */
    public static final String EVENT_VERSION = "webhook-event-version";

    private WebhookHeaders() {
    }
}
