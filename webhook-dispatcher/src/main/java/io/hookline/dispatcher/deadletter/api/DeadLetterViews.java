package io.hookline.dispatcher.deadletter.api;

import io.hookline.dispatcher.attempt.DeliveryAttempt;
import io.hookline.dispatcher.deadletter.DeadLetter;
import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.deadletter.DeadLetterState.Discard;
import io.hookline.dispatcher.deadletter.DeadLetterState.Replay;
import io.hookline.dispatcher.deadletter.DeadLetterState;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries.EndpointCount;
import io.hookline.dispatcher.deadletter.index.DeadLetterQueries;
import io.hookline.dispatcher.endpoint.EndpointView;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The dead-letter API's JSON answers (snake_case through the application's naming strategy). */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /** A dead letter in a list, and in the answers to replays and discards. */
    record Summary(String id, String deliveryId, String eventId, String eventType, String endpointId,
            String endpointUrl, String targetUrl, String orderId, Integer attempts, Instant firstAttemptAt,
            Instant lastAttemptAt, Integer lastStatus, String lastError, String reason, Instant deadLetteredAt,
            DeadLetterStatus status, String replayOf, Replay replay, Discard discard) {

        static Summary of(DeadLetter deadLetter) {
            DeadLetterEntry e = deadLetter.entry();
            DeadLetterState s = deadLetter.state();
            return new Summary(e.id(), e.deliveryId(), e.eventId(), e.eventType(), e.endpointId(), e.endpointUrl(),
                    e.targetUrl(), e.orderId(), e.attempts(), e.firstAttemptAt(), e.lastAttemptAt(), e.lastStatus(),
                    e.lastError(), e.reason(), e.deadLetteredAt(), s.status(), e.replayOf(), s.replay(), s.discard());
        }
    }

    /**
     * One dead letter in full: the summary's fields, except that {@code attempts} is the attempt log of the
     * delivery (its count from the dead-letter headers is {@code attempt_count}), plus the exact signed body, the
     * body parsed, the endpoint as it is now and where the record is.
     */
    record Detail(String id, String deliveryId, String eventId, String eventType, String endpointId,
            String endpointUrl, String targetUrl, String orderId, Integer attemptCount, Instant firstAttemptAt,
            Instant lastAttemptAt, Integer lastStatus, String lastError, String reason, Instant deadLetteredAt,
            DeadLetterStatus status, String replayOf, Replay replay, Discard discard, String body, JsonNode payload,
            List<DeliveryAttempt> attempts, EndpointNow endpoint, String topic, int partition, long offset) {

        static Detail of(DeadLetter deadLetter, JsonNode payload, List<DeliveryAttempt> attempts,
                EndpointNow endpoint) {
            DeadLetterEntry e = deadLetter.entry();
            DeadLetterState s = deadLetter.state();
            return new Detail(e.id(), e.deliveryId(), e.eventId(), e.eventType(), e.endpointId(), e.endpointUrl(),
                    e.targetUrl(), e.orderId(), e.attempts(), e.firstAttemptAt(), e.lastAttemptAt(), e.lastStatus(),
                    e.lastError(), e.reason(), e.deadLetteredAt(), s.status(), e.replayOf(), s.replay(), s.discard(),
                    e.body(), payload, attempts, endpoint, e.topic(), e.partition(), e.offset());
        }
    }

    /** The endpoint as it is now; never its secrets. */
    record EndpointNow(String id, String url, String description, List<String> eventTypes, boolean enabled) {

        static EndpointNow of(EndpointView view) {
            return new EndpointNow(view.id(), view.url(), view.description(), view.eventTypes(), view.enabled());
        }
    }

    record Page(List<Summary> data, boolean hasMore, String nextCursor, Totals totals) {
    }

    /** Everything the filter matches, across pages. */
    record Totals(long matching, List<EndpointCount> byEndpoint) {
    }

    record Replayed(int queued, Summary deadLetter) {
    }

    record BulkReplayed(int queued, int skipped) {
    }

    record BulkDiscarded(int discarded) {
    }
}
