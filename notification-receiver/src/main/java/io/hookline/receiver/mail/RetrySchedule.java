package io.hookline.receiver.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next attempt of an e-mail is due after a transient failure, and when retrying stops: a pure
 * function of the attempt count, the time, and a random number the caller draws from the injected randomness.
 * The {@code n}-th failed attempt waits {@code initial × multiplier^(n-1)}, capped at {@code max-interval},
 * spread by ± {@code jitter} (so receivers that failed together do not retry together), and never less than the
 * caller's floor (the end of the lease after a send that may have reached the server). Thread-safe, no I/O.
 */
public final class RetrySchedule {

    private final ConfirmationMailProperties.Retry retry;

    public RetrySchedule(ConfirmationMailProperties.Retry retry) {
        this.retry = retry;
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 = the first), for {@code random} in [0, 1). */
    public Duration delay(int failedAttempts, double random) {
        double base = retry.initialInterval().toMillis() * Math.pow(retry.multiplier(), Math.max(0, failedAttempts - 1));
        double capped = Math.min(base, retry.maxInterval().toMillis());
        double spread = 1 - retry.jitter() + 2 * retry.jitter() * random;
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }

    /**
     * The next attempt after the {@code failedAttempts}-th failed one, not before {@code floor}; or {@code null}
     * if it would fall past the horizon that began at {@code recordedAt} (the notification then expires).
     */
    public Instant nextAttempt(int failedAttempts, Instant now, Instant floor, Instant recordedAt, double random) {
        Instant next = now.plus(delay(failedAttempts, random));
        if (floor != null && floor.isAfter(next)) {
            next = floor;
        }
        return next.isAfter(recordedAt.plus(retry.horizon())) ? null : next;
    }
}
