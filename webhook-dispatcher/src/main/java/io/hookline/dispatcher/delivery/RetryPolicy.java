package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a delivery after one turn, as a pure function of the delivery, its {@link AttemptOutcome}, the
 * time and the schedule: {@linkplain Decision.Done done}, {@linkplain Decision.Retry retried} on a tier at a due
 * time, or {@linkplain Decision.DeadLetter dead-lettered} with a readable reason. No I/O: the engine carries the
 * decision out. Every delivery has a deadline: its {@code enqueued_at} plus the schedule's span, the largest jitter
 * of every step and {@code deadlineSlack}. A {@link AttemptOutcome.Failed failed} attempt is retried after the
 * jittered delay of its step (or the endpoint's longer {@code Retry-After}, up to {@code maxRetryAfter}); a
 * {@link AttemptOutcome.Deferred deferral} (endpoint busy or its circuit open) comes back at the given earliest
 * time, at least the jittered first delay later. Whatever would come back after the deadline, or after the last
 * attempt, is dead-lettered instead. A {@link AttemptOutcome.Refused refused} attempt (its target resolved to a
 * refused address) is dead-lettered at once: {@code not retried: address 10.0.0.5 of example.test is private:
 * refused}. The retry tier is the one covering the wait left at {@code now} (after the attempt's latency).
 * Thread-safe (immutable; the jitter's generator is thread-safe).
 */
final class RetryPolicy {

    /** The next step of a delivery. */
    sealed interface Decision {
        /** Nothing more to do: delivered. */
        record Done() implements Decision {
        }

        /** Produce it to {@code tier}, due at {@code dueAt}. */
        record Retry(Instant dueAt, int tier) implements Decision {
        }

        /** Give it up: produce it to the dead-letter topic with {@code reason}. */
        record DeadLetter(String reason, Cause cause) implements Decision {
        }
    }

    /** Why a delivery is given up, as the {@code reason} label of the dead-letter metric names it. */
    enum Cause {
        /** Its target's address was refused. */
        REFUSED("address_refused"),
        /** The last attempt of the schedule failed. */
        EXHAUSTED("exhausted"),
        /** The next turn would fall after its deadline. */
        EXPIRED("expired");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The start of the reason of a delivery dead-lettered because its target's address was refused. */
    static final String REFUSED = "not retried: ";

    private final RetryProperties properties;
    private final RetryTiers tiers;
    private final Jitter jitter;
    private final Duration life;

    RetryPolicy(RetryProperties properties, RetryTiers tiers, Jitter jitter) {
        this.properties = properties;
        this.tiers = tiers;
        this.jitter = jitter;
        Duration span = Duration.ZERO;
        for (Duration delay : properties.delays()) {
            span = span.plus(delay).plus(jitter.maxExtra(delay));
        }
        this.life = span.plus(properties.deadlineSlack());
    }

    /** The latest time the delivery may be attempted. */
    Instant deadline(DeliveryRecord delivery) {
        return delivery.enqueuedAt().plus(life);
    }

    /**
     * What follows {@code outcome} of {@code delivery} (for an attempt: number {@code delivery.attempts() + 1}),
     * decided at {@code now}.
     */
    Decision decide(DeliveryRecord delivery, AttemptOutcome outcome, Instant now) {
        return switch (outcome) {
            case AttemptOutcome.Delivered delivered -> new Decision.Done();
            case AttemptOutcome.Refused refused -> new Decision.DeadLetter(REFUSED + refused.reason(), Cause.REFUSED);
            case AttemptOutcome.Failed failed -> afterFailure(delivery, failed, now);
            case AttemptOutcome.Deferred deferred -> deferral(delivery, deferred.earliest(), now);
        };
    }

    private Decision afterFailure(DeliveryRecord delivery, AttemptOutcome.Failed failed, Instant now) {
        int made = delivery.attempts() + 1;
        if (made >= properties.maxAttempts()) {
            return new Decision.DeadLetter("not delivered after " + made + " attempts; last: " + failed.reason(),
                    Cause.EXHAUSTED);
        }
        Duration wait = jitter.stretch(properties.delayAfter(made));
        Duration asked = failed.retryAfter();
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : asked;
        }
        Instant due = failed.attemptedAt().plus(wait);
        if (due.isAfter(deadline(delivery))) {
            return expired(delivery, made, failed.reason(), now);
        }
        return new Decision.Retry(due, tiers.tierFor(Duration.between(now, due)));
    }

    /** A deferral without an attempt, not before {@code earliest} ({@code null}: after the first delay). */
    private Decision deferral(DeliveryRecord delivery, Instant earliest, Instant now) {
        Instant due = now.plus(jitter.stretch(properties.delays().getFirst()));
        if (earliest != null && earliest.isAfter(due)) {
            due = earliest;
        }
        if (due.isAfter(deadline(delivery))) {
            return expired(delivery, delivery.attempts(), delivery.lastError(), now);
        }
        return new Decision.Retry(due, tiers.tierFor(Duration.between(now, due)));
    }

    private Decision expired(DeliveryRecord delivery, int attempts, String last, Instant now) {
        Duration age = Duration.between(delivery.enqueuedAt(), now);
        return new Decision.DeadLetter("expired after " + readable(age) + ": " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + ", last: " + (last == null ? "none (endpoint unavailable)" : last),
                Cause.EXPIRED);
    }
    private static String readable(Duration age) {
        if (age.toSeconds() < 120) {
            return String.format(java.util.Locale.ROOT, "%.1f s", age.toMillis() / 1000.0);
        }
        if (age.toMinutes() < 120) {
            return age.toMinutes() + " min";
        }
        return age.toHours() + " h";
    }
}
