package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one delivery attempt to one endpoint.
 *
 * @param attemptedAt when the request started
 * @param status the HTTP status, or 0 when no response arrived
 * @param error why no response arrived (e.g. {@code connection refused}), or {@code null}
 * @param latencyMs how long the attempt took
 * @param responseBody the start of the response body (truncated), or {@code null}
 * @param retryAfter the endpoint's {@code Retry-After} on a 429 or 503, or {@code null}
 * @param retriable whether another attempt may succeed; {@code false} when the attempt was stopped before
 *        connecting because the host resolved to a refused address (then the delivery is dead-lettered at once)
 */
public record AttemptResult(Instant attemptedAt, int status, String error, long latencyMs, String responseBody,
        Duration retryAfter, boolean retriable) {

    /** A retriable outcome. */
    public AttemptResult(Instant attemptedAt, int status, String error, long latencyMs, String responseBody,
            Duration retryAfter) {
        this(attemptedAt, status, error, latencyMs, responseBody, retryAfter, true);
    }

    /** Only a 2xx answer counts as delivered. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** {@code HTTP 503} or the error, e.g. {@code timed out after 10000 ms}. */
    public String outcome() {
        return error == null ? "HTTP " + status : error;
    }
}
