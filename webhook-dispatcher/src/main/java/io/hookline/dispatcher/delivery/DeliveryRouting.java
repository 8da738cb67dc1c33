package io.hookline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * Where a delivery record goes when it is not attempted now. A new delivery from the fan-out goes to the
 * delivery topic, unless its endpoint's circuit is open (in this process) and not yet due for a probe: then it
 * goes straight to the retry topic it would be deferred to, which saves the engine a consume and a produce
 * per delivery to a dead endpoint. A deferral (endpoint at its cap, or circuit open) is due after the first
 * retry delay, or at the circuit's next probe time if that is later, and goes to the first retry topic whose
 * delay covers the wait (the last one if none does), so it never holds back the records behind it longer than
 * that topic's own records would. A deferral keeps the attempt count. Thread-safe.
 */
@Component
public class DeliveryRouting {

    private final EndpointCircuits circuits;
    private final DeliveryTopicsProperties topics;
    private final RetryProperties retry;
    private final Clock clock;
    private final DeliveryMetrics metrics;

    DeliveryRouting(EndpointCircuits circuits, DeliveryTopicsProperties topics, RetryProperties retry, Clock clock,
            DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.circuits = circuits;
        this.topics = topics;
        this.retry = retry;
        this.clock = clock;
    }

    /** The record for a new delivery: on the delivery topic, or deferred while its endpoint's circuit is open. */
    public ProducerRecord<String, String> first(DeliveryRecord delivery) {
        Instant probeAt = circuits.retryAt(delivery.endpointId());
        if (probeAt == null || !probeAt.isAfter(clock.instant())) {
            return delivery.toProducerRecord(topics.deliveries());
        }
        return deferred(delivery);
    }

    /** The delivery deferred without counting an attempt. */
    ProducerRecord<String, String> deferred(DeliveryRecord delivery) {
        Instant now = clock.instant();
        Instant due = now.plus(retry.delays().getFirst());
        Instant probeAt = circuits.retryAt(delivery.endpointId());
        if (probeAt != null && probeAt.isAfter(due)) {
            due = probeAt;
        }
        int step = retryTopicFor(Duration.between(now, due));
        metrics.deferred(delivery, step);
        return delivery.deferredUntil(due).toProducerRecord(topics.retry(step));
    }

    private int retryTopicFor(Duration wait) {
        for (int n = 1; n <= retry.delays().size(); n++) {
            if (retry.delays().get(n - 1).compareTo(wait) >= 0) {
                return n;
            }
        }
        return retry.delays().size();
    }
}
