package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a delivery that is not delivered now, as a pure function of the delivery, the time and the
 * schedule. Every delivery has a deadline: its {@code enqueued_at} plus the schedule's span, the largest jitter
 * of every step and {@code deadlineSlack}. A failed attempt is retried after the jittered delay of its step (or
 * the endpoint's longer {@code Retry-After}, up to {@code maxRetryAfter}); a deferral (endpoint busy or its
 * circuit open) comes back at the given earliest time, at least the jittered first delay later. Whatever would
 * come back after the deadline, or after the last attempt, is dead-lettered instead, with a readable reason.
 * An attempt that is not {@linkplain AttemptResult#retriable() retriable} (its target resolved to a refused
 * address) is dead-lettered at once: {@code not retried: address 10.0.0.5 of example.test is private: refused}.
 * Thread-safe (immutable; the jitter's generator is thread-safe).
 */
final class RetryPolicy {

    /** The next step of a delivery. */
    sealed interface Decision {
        /** Produce it to {@code tier}, due at {@code dueAt}. */
        record Retry(Instant dueAt, int tier) implements Decision {
        }

        record DeadLetter(String reason) implements Decision {
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

    /** After attempt number {@code delivery.attempts() + 1} failed with {@code result}. */
    Decision afterFailure(DeliveryRecord delivery, AttemptResult result, Instant now) {
        int made = delivery.attempts() + 1;
        if (!result.retriable()) {
            return new Decision.DeadLetter(REFUSED + result.outcome());
        }
        if (made >= properties.maxAttempts()) {
            return new Decision.DeadLetter("not delivered after " + made + " attempts; last: " + result.outcome());
        }
        Duration wait = jitter.stretch(properties.delayAfter(made));
        Duration asked = result.retryAfter();
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : asked;
        }
        Instant due = result.attemptedAt().plus(wait);
        if (due.isAfter(deadline(delivery))) {
            return expired(delivery, made, result.outcome(), now);
        }
        return new Decision.Retry(due, tiers.tierFor(Duration.between(now, due)));
    }

    /** A deferral without an attempt, not before {@code earliest} ({@code null}: after the first delay). */
    Decision deferral(DeliveryRecord delivery, Instant earliest, Instant now) {
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
                + (attempts == 1 ? "" : "s") + ", last: " + (last == null ? "none (endpoint unavailable)" : last));
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
