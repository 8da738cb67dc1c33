package io.hookline.support.problem;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A dependency (Kafka, the database) did not answer in time and nothing was changed: 503
 * {@code service-unavailable} with {@code Retry-After}. Retriable by the client. The detail is shown to the
 * client; the cause (logged, never shown) says what failed.
 */
public class ServiceUnavailableException extends ProblemException {

    /** What {@code Retry-After} says unless the thrower knows better. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /** With {@code Retry-After: 5}. */
    public ServiceUnavailableException(String detail) {
        this(detail, DEFAULT_RETRY_AFTER, null);
    }

    public ServiceUnavailableException(String detail, Duration retryAfter, @Nullable Throwable cause) {
        super(CommonProblem.SERVICE_UNAVAILABLE, detail, cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
