package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What became of one turn of a delivery, as {@link RetryPolicy} reads it: one type per kind of outcome instead of
 * a status, an error and flags to combine. Built from the client's {@link AttemptResult} ({@link #of}) or, for a
 * delivery that was not attempted, as {@link Deferred}. Immutable.
 */
sealed interface AttemptOutcome {

    /** A 2xx answer: the delivery is done. */
    record Delivered(Instant attemptedAt, int status) implements AttemptOutcome {
    }

    /**
     * An attempt that may succeed later: a non-2xx answer or none at all (timed out, connection refused).
     *
     * @param reason {@code HTTP 503}, {@code timed out after 10000 ms}, ...
     * @param retryAfter the endpoint's {@code Retry-After} on a 429 or 503, or {@code null}
     */
    record Failed(Instant attemptedAt, String reason, Duration retryAfter) implements AttemptOutcome {
    }

    /** Stopped before connecting because the target resolved to a refused address: retrying cannot help. */
    record Refused(Instant attemptedAt, String reason) implements AttemptOutcome {
    }

    /**
     * Not attempted (the endpoint at its limit, or its circuit open): no attempt is counted.
     *
     * @param earliest not due before this time (the circuit's next probe), or {@code null}
     */
    record Deferred(Instant earliest) implements AttemptOutcome {
    }

    /** The outcome of an attempt the client made. */
    static AttemptOutcome of(AttemptResult result) {
        if (result.delivered()) {
            return new Delivered(result.attemptedAt(), result.status());
        }
        if (!result.retriable()) {
            return new Refused(result.attemptedAt(), result.outcome());
        }
        return new Failed(result.attemptedAt(), result.outcome(), result.retryAfter());
    }
}
