package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The per-endpoint circuit breaker ({@code dispatcher.circuit.*}). A failure is an attempt that got no answer
 * (timeout, refused, TLS, unknown host), a 5xx or a 429; any other answer, 4xx included, shows the endpoint is
 * up and counts as a success.
 *
 * @param enabled {@code false} attempts every delivery whatever its endpoint's state
 * @param failureThreshold consecutive failures that open the circuit
 * @param failureRatio share of failed attempts within one {@code window} that opens the circuit …
 * @param minimumAttempts … once the window holds at least this many attempts
 * @param window the length of the (tumbling) window for the failure ratio
 * @param openDuration the first cool-down before a probe; each failed probe doubles it …
 * @param maxOpenDuration … up to this
 * @param probeTimeout a probe that has not reported back after this long (it may have been deferred while it
 *        waited for a slot) is given up and another delivery may probe
 */
@Validated
@ConfigurationProperties("dispatcher.circuit")
public record CircuitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") @Min(1) int failureThreshold,
        @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1.0") double failureRatio,
        @DefaultValue("20") @Min(1) int minimumAttempts,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration window,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration openDuration,
        @DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration maxOpenDuration,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration probeTimeout) {
}
