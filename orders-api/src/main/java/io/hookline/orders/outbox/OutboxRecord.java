package io.hookline.orders.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code outbox_event}: an event committed with the change it describes, waiting to be published.
 *
 * @param id position in publication order
 * @param eventId the envelope's id
 * @param aggregateId the order id: the Kafka record key
 * @param eventType the envelope's type
 * @param payload the envelope as JSON text, published as is
 * @param publishedAt when Kafka acknowledged it, or {@code null}
 * @param traceparent the W3C trace context of the request that appended it, or {@code null}
 * @param client the client headers to send, or {@code null} for an event of an order without a client
 */
public record OutboxRecord(long id, UUID eventId, String aggregateId, String eventType, String payload,
        Instant createdAt, Instant publishedAt, String traceparent, EventClient client) {
}
