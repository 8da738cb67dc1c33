package io.hookline.dispatcher.delivery;

import java.time.Clock;
import io.hookline.support.logging.LogFields;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a delivery record goes when it is not attempted now. A new delivery (from the fan-out or a replay) is
 * stamped {@code enqueued_at} and goes to the delivery topic, unless its endpoint's circuit is open (in this
 * process): then it goes straight to the retry tier that covers the wait until the circuit's next probe, which
 * saves the engine a consume and a produce per delivery to a dead endpoint. A deferral (endpoint at its limit,
 * or circuit open) keeps the attempt count and is due after the jittered first delay, or at the circuit's next
 * probe if that is later; one that would be due after the delivery's deadline is dead-lettered instead
 * ({@link RetryPolicy}). Thread-safe.
 */
@Component
public class DeliveryRouting {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRouting.class);

    private final EndpointCircuits circuits;
    private final DeliveryTopicsProperties topics;
    private final RetryPolicy policy;
    private final Clock clock;
    private final DeliveryMetrics metrics;

    DeliveryRouting(EndpointCircuits circuits, DeliveryTopicsProperties topics, RetryPolicy policy, Clock clock,
            DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.circuits = circuits;
        this.topics = topics;
        this.policy = policy;
        this.clock = clock;
    }

    /** The record for a new delivery: on the delivery topic, or deferred while its endpoint's circuit is open. */
    public ProducerRecord<String, String> first(DeliveryRecord delivery) {
        Instant now = clock.instant();
        DeliveryRecord stamped = delivery.enqueuedAt() == null ? delivery.enqueued(now) : delivery;
        Instant probeAt = circuits.retryAt(delivery.endpointId());
        if (probeAt == null || !probeAt.isAfter(now)) {
            return stamped.toProducerRecord(topics.deliveries());
        }
        return deferred(stamped);
    }

    /** The delivery deferred without counting an attempt, or dead-lettered when that would pass its deadline. */
    ProducerRecord<String, String> deferred(DeliveryRecord delivery) {
        AttemptOutcome deferral = new AttemptOutcome.Deferred(circuits.retryAt(delivery.endpointId()));
        return switch (policy.decide(delivery, deferral, clock.instant())) {
            case RetryPolicy.Decision.Retry(Instant dueAt, int tier) -> {
                metrics.deferred(delivery, tier);
                yield delivery.deferredUntil(dueAt).toProducerRecord(topics.retry(tier));
            }
            case RetryPolicy.Decision.DeadLetter(String reason, RetryPolicy.Cause cause) -> {
                metrics.deadLettered(delivery, cause.label());
                yield deadLetter(delivery, reason);
            }
            case RetryPolicy.Decision.Done() -> throw new IllegalStateException("a deferral is never done");
        };
    }

    private ProducerRecord<String, String> deadLetter(DeliveryRecord delivery, String reason) {
        try (LogFields fields = LogFields.of(delivery.key(), delivery.eventId(), delivery.traceparent())) {
            log.warn("Dead-lettering deferred delivery {} of event {} to {}: {}", delivery.deliveryId(),
                    delivery.eventId(), delivery.endpointId(), reason);
        }
        ProducerRecord<String, String> record = delivery.toProducerRecord(topics.deliveriesDeadLetter());
        DeliveryRecord.put(record.headers(), DeliveryHeaders.DLT_REASON, reason);
        return record;
    }
}
