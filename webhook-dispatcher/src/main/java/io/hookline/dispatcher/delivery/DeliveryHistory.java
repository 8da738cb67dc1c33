package io.hookline.dispatcher.delivery;

import java.time.Instant;

/**
 * What has happened to a delivery so far: when it entered the platform, its attempts and their last outcome, and
 * when it is due next. Each step makes the next history ({@link #nextAfterFailure}, {@link #nextDueAt},
 * {@link #enqueued}); nothing rebuilds it field by field. Immutable.
 *
 * @param attempts attempts made so far (0 on {@code webhooks.deliveries}; a deferral does not count)
 * @param lastStatus the last HTTP status, 0 when none
 * @param lastError the last attempt's outcome ({@code HTTP 500}, {@code connection refused}), or {@code null}
 * @param dueAt not attempted before this time ({@code null}: at once)
 * @param enqueuedAt when the delivery was created (fan-out or replay), kept across retries and deferrals: its
 *     age decides its deadline; {@code null} only before {@link DeliveryRouting#first} stamps a new delivery
 */
public record DeliveryHistory(int attempts, Instant firstAttemptAt, Instant lastAttemptAt, int lastStatus,
        String lastError, Instant dueAt, Instant enqueuedAt) {

    /** Not attempted, not enqueued yet. */
    static final DeliveryHistory NONE = new DeliveryHistory(0, null, null, 0, null, null, null);

    /** After one more failed attempt, due again at {@code due}. */
    DeliveryHistory nextAfterFailure(AttemptResult result, Instant due) {
        Instant first = firstAttemptAt == null ? result.attemptedAt() : firstAttemptAt;
        return new DeliveryHistory(attempts + 1, first, result.attemptedAt(), result.status(), result.outcome(), due,
                enqueuedAt);
    }

    /** Unchanged but due at {@code due} (deferred: not an attempt). */
    DeliveryHistory nextDueAt(Instant due) {
        return new DeliveryHistory(attempts, firstAttemptAt, lastAttemptAt, lastStatus, lastError, due, enqueuedAt);
    }

    /** Entered the platform at {@code at}. */
    DeliveryHistory enqueued(Instant at) {
        return new DeliveryHistory(attempts, firstAttemptAt, lastAttemptAt, lastStatus, lastError, dueAt, at);
    }
}
