package io.hookline.schemas.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The body of a webhook request, as the Standard Webhooks specification shapes it:
 * {@code {"type": ..., "timestamp": ..., "data": {...}}}. For {@code order.paid} it matches
 * {@code schemas/order-paid.webhook.schema.json}.
 */
public record WebhookMessage<T>(
        @JsonProperty("type") String type,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("data") T data) {

    /** The webhook body for an event: its type, when it occurred, and its payload. */
    public static <T> WebhookMessage<T> of(EventEnvelope<T> event) {
        return new WebhookMessage<>(event.type(), event.occurredAt(), event.data());
    }
}
