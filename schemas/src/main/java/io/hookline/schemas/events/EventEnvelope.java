package io.hookline.schemas.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event on {@link Topics#ORDERS_EVENTS} travels in. Matches
 * {@code schemas/event-envelope.schema.json}.
 *
 * @param id unique event id; it is also the {@code webhook-id}, the receivers' idempotency key
 * @param type the event type, one of {@link EventTypes}
 * @param occurredAt when the change happened (UTC)
 * @param data the payload of the type
 * @param <T> the payload type
 */
public record EventEnvelope<T>(
        @JsonProperty("id") UUID id,
        @JsonProperty("type") String type,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("data") T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }
}
