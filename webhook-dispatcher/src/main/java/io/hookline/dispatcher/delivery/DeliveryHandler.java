package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.attempt.AttemptLog;
import io.hookline.dispatcher.attempt.DeliveryAttempt;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.logging.LogFields;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one delivery record to its end state without blocking the caller. It asks {@link EndpointCircuits}
 * whether to attempt (closed, or a half-open trial) or defer (open: not counted as an attempt, due at the next
 * probe), waits for a slot under the endpoint's adaptive limit ({@link EndpointConcurrency}; after half a second
 * it defers, after five while the endpoint copes), makes the signed attempt (first attempts with the shorter {@code first-attempt-timeout}), records
 * it, reports the outcome to the circuit and the limit, and carries out {@link RetryPolicy}'s decision: the
 * next retry tier with its due time, or the dead-letter topic (last attempt, or the deadline would pass). A
 * delivered replay also produces its {@link ReplayOutcomes outcome}. {@code done} runs once, after the attempt
 * is handed to the {@link AttemptLog} (which never waits for the database) and any hand-off is acknowledged by
 * Kafka; only then may the source offset be committed. A per-order callback is signed with its API client's
 * derived secrets ({@link CallbackSigning}); one whose client headers are malformed is dead-lettered unsigned. An
 * unexpected exception while handling a delivery dead-letters it with the reason instead of losing it.
 * Thread-safe.
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
    private final RetryPolicy policy;
    private final CallbackSigning callbackSigning;
    private final ReplayOutcomes replayOutcomes;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final EndpointHealthReport health;

    DeliveryHandler(EndpointDirectory directory, WebhookClient client, AttemptLog attempts, DurableSender sender,
            EndpointConcurrency concurrency, EndpointCircuits circuits, DeliveryRouting routing,
            DeliveryTopicsProperties topics, RetryPolicy policy, CallbackSigning callbackSigning,
            ReplayOutcomes replayOutcomes, DeliveryMetrics metrics, Clock clock, EndpointHealthReport health) {
        this.health = health;
        this.replayOutcomes = replayOutcomes;
        this.metrics = metrics;
        this.circuits = circuits;
        this.routing = routing;
        this.callbackSigning = callbackSigning;
        this.directory = directory;
        this.client = client;
        this.attempts = attempts;
        this.sender = sender;
        this.concurrency = concurrency;
        this.topics = topics;
        this.policy = policy;
        this.clock = clock;
    }

    void handle(DeliveryRecord delivery, Runnable done) {
        if (delivery.targetUrl() != null) {
            handleCallback(delivery, done);
            return;
        }
        Optional<Endpoint> found = directory.find(delivery.endpointId());
        if (found.isEmpty() || !found.get().enabled()) {
            metrics.deadLettered(delivery, "endpoint_unavailable");
            deadLetter(delivery, found.isEmpty() ? "endpoint deleted" : "endpoint disabled", null, done);
            return;
        }
        admitted(delivery, found.get(), done);
    }

    /**
     * A per-order callback: an endpoint of its own, signed with its client's secrets ({@link CallbackSigning});
     * dead-lettered when callbacks are off or its client headers are malformed.
     */
    private void handleCallback(DeliveryRecord delivery, Runnable done) {
        CallbackSigning.Signing signing = callbackSigning.signing(delivery.clientId(), delivery.callbackKeyVersions());
        if (signing instanceof CallbackSigning.Signing.Refused(String reason)) {
            metrics.deadLettered(delivery, callbackSigning.enabled() ? "callback_signing" : "endpoint_unavailable");
            deadLetter(delivery, callbackSigning.enabled() ? "callback signing refused: " + reason : reason, null,
                    done);
            return;
        }
        List<WebhookSecret> secrets = ((CallbackSigning.Signing.Secrets) signing).secrets();
        admitted(delivery, new Endpoint(delivery.endpointId(), URI.create(delivery.targetUrl()), secrets, Set.of(),
                true), done);
    }

    private void admitted(DeliveryRecord delivery, Endpoint endpoint, Runnable done) {
        CircuitPolicy.Admission admission = circuits.admit(endpoint.id());
        if (admission == CircuitPolicy.Admission.DEFER) {
            defer(delivery, done);
            return;
        }
        boolean trial = admission == CircuitPolicy.Admission.TRIAL;
        concurrency.submit(endpoint.id(), () -> guarded(delivery, done, () -> attempt(delivery, endpoint, trial, done)),
                () -> guarded(delivery, done, () -> defer(delivery, done)));
    }

    /** Called by the engine loop: defers deliveries that waited too long for a busy endpoint. */
    void deferOverdue() {
        concurrency.deferOverdue();
    }

    /** Produces a record that is not due yet, unchanged, to retry tier {@code tier} (see {@link RetryTiers}). */
    void forward(DeliveryRecord delivery, int tier, Runnable done) {
        metrics.forwarded(tier);
        sender.send(delivery.toProducerRecord(topics.retry(tier)), done);
    }

    /** Dead-letters a delivery whose handling threw, so one bad record never stops the engine or is lost. */
    void failedUnexpectedly(DeliveryRecord delivery, RuntimeException error, Runnable done) {
        log.error("Handling delivery {} failed unexpectedly; dead-lettering it", delivery.deliveryId(), error);
        metrics.engineError();
        metrics.deadLettered(delivery, "engine_error");
        deadLetter(delivery, "engine error: " + error.getClass().getSimpleName(), null, done);
    }

    /** Defers a delivery without counting an attempt ({@link DeliveryRouting#deferred}). */
    private void defer(DeliveryRecord delivery, Runnable done) {
        sender.send(routing.deferred(delivery), done);
    }

    private void guarded(DeliveryRecord delivery, Runnable done, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failedUnexpectedly(delivery, e, done);
        }
    }

    private void attempt(DeliveryRecord delivery, Endpoint endpoint, boolean trial, Runnable done) {
        client.deliver(endpoint, delivery).subscribe(result -> guarded(delivery, done, () -> {
            boolean failed = EndpointCircuits.failure(result);
            metrics.attempted(delivery, result);
            health.watch(delivery);
            concurrency.release(endpoint.id(), failed);
            if (circuits.record(endpoint.id(), result, trial, delivery.attempts() > 0)) {
                concurrency.deferWaiting(endpoint.id());
            }
            // buffered, stored later in a batch (or dropped and counted when the buffer is full): never waited for
            attempts.record(attempt(delivery, result));
            afterAttempt(delivery, endpoint, result, done);
        }));
    }

    /** Carries out {@link RetryPolicy}'s decision on the attempt's outcome. */
    private void afterAttempt(DeliveryRecord delivery, Endpoint endpoint, AttemptResult result, Runnable done) {
        switch (policy.decide(delivery, AttemptOutcome.of(result), clock.instant())) {
            case RetryPolicy.Decision.Done() when delivery.replayOf() != null ->
                    sender.send(replayOutcomes.delivered(delivery, result.attemptedAt()), done);
            case RetryPolicy.Decision.Done() -> done.run();
            case RetryPolicy.Decision.Retry(Instant dueAt, int tier) -> {
                metrics.retried(tier);
                sender.send(delivery.afterFailure(result, dueAt).toProducerRecord(topics.retry(tier)), done);
            }
            case RetryPolicy.Decision.DeadLetter(String reason, RetryPolicy.Cause cause) -> {
                DeliveryRecord last = delivery.afterFailure(result, null);
                metrics.deadLettered(last, cause.label());
                deadLetter(last, reason, endpoint, done);
            }
        }
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
