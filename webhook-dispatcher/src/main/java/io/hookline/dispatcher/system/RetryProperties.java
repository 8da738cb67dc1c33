package io.hookline.dispatcher.system;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a record whose delivery failed is retried ({@code dispatcher.retry.*}): exponential back-off from
 * {@code initialInterval}, times {@code multiplier} per attempt, capped at {@code maxInterval}; after
 * {@code maxAttempts} attempts in all the record goes to the dead-letter topic.
 */
@Validated
@ConfigurationProperties("dispatcher.retry")
public record RetryProperties(
        @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration initialInterval,
        @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration maxInterval,
        @DefaultValue("5") @Min(1) int maxAttempts) {
}
