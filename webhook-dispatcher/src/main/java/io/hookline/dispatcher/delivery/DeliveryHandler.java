package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.attempt.AttemptLog;
import io.hookline.dispatcher.attempt.DeliveryAttempt;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.logging.LogFields;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one delivery record to its end state without blocking the caller: makes the attempt (at once, or
 * after a short wait when the endpoint is at its concurrency cap; after half a second of waiting the delivery
 * is deferred to the first retry topic, not counted as an attempt; while the endpoint's circuit is open
 * ({@link EndpointCircuits}) nothing is attempted and the delivery is deferred until the circuit's next probe),
 * records it, and on failure hands the delivery to the next retry topic with its due time or, after the
 * last attempt, to the dead-letter topic. A delivered replay also produces its {@link ReplayOutcomes outcome}.
 * {@code done} runs exactly once, after the attempt is recorded
 * and any hand-off is acknowledged by Kafka; only then may the source offset be committed. Thread-safe.
 */
@Component
class DeliveryHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);

    private final EndpointDirectory directory;
    private final WebhookClient client;
    private final AttemptLog attempts;
    private final DurableSender sender;
    private final EndpointConcurrency concurrency;
    private final EndpointCircuits circuits;
    private final DeliveryRouting routing;
    private final DeliveryTopicsProperties topics;
    private final RetryProperties retry;
    private final Optional<WebhookSecret> callbackSecret;
    private final ReplayOutcomes replayOutcomes;
    private final DeliveryMetrics metrics;

    DeliveryHandler(EndpointDirectory directory, WebhookClient client, AttemptLog attempts, DurableSender sender,
            EndpointConcurrency concurrency, EndpointCircuits circuits, DeliveryRouting routing,
            DeliveryTopicsProperties topics, RetryProperties retry, CallbackProperties callbacks,
            ReplayOutcomes replayOutcomes, DeliveryMetrics metrics) {
        this.replayOutcomes = replayOutcomes;
        this.metrics = metrics;
        this.circuits = circuits;
        this.routing = routing;
        this.callbackSecret = callbacks.signingSecret();
        this.directory = directory;
        this.client = client;
        this.attempts = attempts;
        this.sender = sender;
        this.concurrency = concurrency;
        this.topics = topics;
        this.retry = retry;
    }

    void handle(DeliveryRecord delivery, Runnable done) {
        Optional<Endpoint> found = delivery.targetUrl() == null ? directory.find(delivery.endpointId())
                : callbackSecret.map(secret -> new Endpoint(delivery.endpointId(), URI.create(delivery.targetUrl()),
                        secret, Set.of()));
        if (found.isEmpty() || !found.get().enabled()) {
            String reason = delivery.targetUrl() != null ? "callbacks are off (no dispatcher.callbacks.secret)"
                    : found.isEmpty() ? "endpoint deleted" : "endpoint disabled";
            metrics.deadLettered(delivery, "endpoint_unavailable");
            deadLetter(delivery, reason, null, done);
            return;
        }
        Endpoint endpoint = found.get();
        EndpointCircuits.Admission admission = circuits.admit(endpoint.id());
        if (admission == EndpointCircuits.Admission.DEFER) {
            defer(delivery, done);
            return;
        }
        boolean probe = admission == EndpointCircuits.Admission.PROBE;
        concurrency.submit(endpoint.id(), () -> attempt(delivery, endpoint, probe, done), () -> defer(delivery, done));
    }

    /** Called by the engine loop: defers deliveries that waited too long for a busy endpoint. */
    void deferOverdue() {
        concurrency.deferOverdue();
    }

    /** Defers a delivery without counting an attempt ({@link DeliveryRouting#deferred}). */
    private void defer(DeliveryRecord delivery, Runnable done) {
        sender.send(routing.deferred(delivery), done);
    }

    private void attempt(DeliveryRecord delivery, Endpoint endpoint, boolean probe, Runnable done) {
        client.deliver(endpoint, delivery).subscribe(result -> {
            metrics.attempted(delivery, result);
            concurrency.release(endpoint.id());
            if (circuits.record(endpoint.id(), result, probe)) {
                concurrency.deferWaiting(endpoint.id());
            }
            attempts.record(attempt(delivery, result)).whenComplete((stored, error) -> {
                if (error != null) {
                    try (LogFields fields = LogFields.of(delivery.key(), delivery.eventId(), delivery.traceparent())) {
                        log.warn("Could not record attempt {} of delivery {}: {}", delivery.attempts() + 1,
                                delivery.deliveryId(), error.getClass().getSimpleName());
                    }
                }
                afterAttempt(delivery, endpoint, result, done);
            });
        });
    }

    private void afterAttempt(DeliveryRecord delivery, Endpoint endpoint, AttemptResult result, Runnable done) {
        if (result.delivered() && delivery.replayOf() != null) {
            sender.send(replayOutcomes.delivered(delivery, result.attemptedAt()), done);
            return;
        }
        if (result.delivered()) {
            done.run();
            return;
        }
        int made = delivery.attempts() + 1;
        if (made >= retry.maxAttempts()) {
            DeliveryRecord last = delivery.afterFailure(result, null);
            metrics.deadLettered(last, "exhausted");
            deadLetter(last, "not delivered after " + made + " attempts; last: " + result.outcome(), endpoint, done);
            return;
        }
        Duration wait = retry.delayAfter(made);
        if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
            wait = result.retryAfter().compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : result.retryAfter();
        }
        DeliveryRecord next = delivery.afterFailure(result, result.attemptedAt().plus(wait));
        metrics.retried(made);
        sender.send(next.toProducerRecord(topics.retry(made)), done);
    }

    private void deadLetter(DeliveryRecord delivery, String reason, Endpoint endpoint, Runnable done) {
        try (LogFields fields = LogFields.of(delivery.key(), delivery.eventId(), delivery.traceparent())) {
            log.warn("Dead-lettering delivery {} of event {} to {}: {}", delivery.deliveryId(), delivery.eventId(),
                    delivery.endpointId(), reason);
        }
        ProducerRecord<String, String> record = delivery.toProducerRecord(topics.deliveriesDeadLetter());
        DeliveryRecord.put(record.headers(), DeliveryHeaders.DLT_REASON, reason);
        if (endpoint != null) {
            DeliveryRecord.put(record.headers(), DeliveryHeaders.ENDPOINT_URL, endpoint.url());
        }
        sender.send(record, done);
    }

    /** Forwards a record that is not a delivery (missing headers) to the dead-letter topic as it is. */
    void rejectUnreadable(String topic, int partition, long offset, String key, String value, String reason,
            Runnable done) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.deliveriesDeadLetter(), key, value);
        metrics.deadLettered(null, "unreadable");
        DeliveryRecord.put(record.headers(), DeliveryHeaders.DLT_REASON, "unreadable: " + reason);
        DeliveryRecord.put(record.headers(), DeliveryHeaders.DLT_ORIGINAL_TOPIC, topic);
        DeliveryRecord.put(record.headers(), DeliveryHeaders.DLT_ORIGINAL_PARTITION, partition);
        DeliveryRecord.put(record.headers(), DeliveryHeaders.DLT_ORIGINAL_OFFSET, offset);
        sender.send(record, done);
    }

    private static DeliveryAttempt attempt(DeliveryRecord delivery, AttemptResult result) {
        return new DeliveryAttempt(delivery.deliveryId(), delivery.eventId(), delivery.eventType(),
                delivery.endpointId(), delivery.attempts() + 1, result.attemptedAt(), result.delivered(),
                result.status() == 0 ? null : result.status(), result.latencyMs(), result.responseBody(),
                result.error());
    }
}
