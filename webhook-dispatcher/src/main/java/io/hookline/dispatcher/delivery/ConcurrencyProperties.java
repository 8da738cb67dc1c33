package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The adaptive concurrency limit per endpoint ({@code hookline.dispatcher.concurrency.*}, see {@link AimdLimit}); its
 * ceiling is {@code hookline.dispatcher.delivery.max-in-flight-per-endpoint}.
 *
 * @param initialLimit the limit of an endpoint not seen yet (capped at the ceiling)
 * @param minLimit the floor: an endpoint, however unhealthy, keeps this many requests
 * @param decreaseFactor what one failure multiplies the limit by
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.concurrency")
public record ConcurrencyProperties(
        @DefaultValue("32") @Min(1) int initialLimit,
        @DefaultValue("2") @Min(1) int minLimit,
        @DefaultValue("0.9") @DecimalMin("0.1") @DecimalMax("0.99") double decreaseFactor) {
}
