package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound HTTP budgets ({@code hookline.dispatcher.http.*}).
 *
 * @param connectTimeout how long to wait for a TCP connection (within the attempt budget)
 * @param responseTimeout the total budget of a retry: connect, send and the response status
 * @param firstAttemptTimeout the (shorter) budget of a delivery's first attempt: most traffic is first attempts,
 *        so an endpoint that accepts connections and never answers costs a slot for this long, not the full
 *        response timeout; a slow endpoint that needs longer still gets {@code responseTimeout} on its retries
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.http")
public record HttpProperties(
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration responseTimeout,
        @DefaultValue("3s") @NotNull @DurationMin(millis = 1) Duration firstAttemptTimeout) {

    /** The budget of an attempt after {@code attemptsMade} earlier ones. */
    public Duration budget(int attemptsMade) {
        Duration first = firstAttemptTimeout.compareTo(responseTimeout) < 0 ? firstAttemptTimeout : responseTimeout;
        return attemptsMade == 0 ? first : responseTimeout;
    }
}
