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
 * The per-endpoint circuit breaker ({@code hookline.dispatcher.circuit.*}, see {@link CircuitPolicy}). A failure is an
 * attempt that got no answer (timeout, refused, TLS, unknown host), a 5xx or a 429; any other answer, 4xx
 * included, shows the endpoint is up and counts as a success. The circuit is for endpoints that are down;
 * endpoints that fail a share of requests get less concurrency ({@link ConcurrencyProperties}) instead.
 *
 * @param enabled {@code false} attempts every delivery whatever its endpoint's state
 * @param failureRateThreshold failed share of the attempts in the {@code window} that opens the circuit …
 * @param minimumAttempts … once the window holds at least this many attempts
 * @param window the length of the sliding window (ten slots)
 * @param openDuration the first cool-down; each re-opening in a row doubles it …
 * @param maxOpenDuration … up to this (before jitter, {@code hookline.dispatcher.retry.jitter})
 * @param halfOpenCalls deliveries let through as trials after a cool-down; their failure rate decides
 * @param probeTimeout trials that have not reported back after this long are given up and others may go
 * @param minimumRetries conclusive outcomes (any retry's; a first attempt's unless it was a plain 5xx without
 *     {@code Retry-After}) the window must also hold, failing at the threshold rate, before the circuit opens: a
 *     first attempt's 5xx alone is weak evidence, since endpoints that fail every first attempt and accept the
 *     retry exist (0: every outcome counts)
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.circuit")
public record CircuitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.9") @DecimalMin("0.01") @DecimalMax("1.0") double failureRateThreshold,
        @DefaultValue("20") @Min(1) int minimumAttempts,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 10) Duration window,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration openDuration,
        @DefaultValue("5m") @NotNull @DurationMin(millis = 1) Duration maxOpenDuration,
        @DefaultValue("10") @Min(1) int halfOpenCalls,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration probeTimeout,
        @DefaultValue("3") @Min(0) int minimumRetries) {
}
