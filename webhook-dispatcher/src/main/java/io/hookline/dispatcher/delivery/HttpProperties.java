package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound HTTP budgets ({@code dispatcher.http.*}).
 *
 * @param connectTimeout how long to wait for a TCP connection (within the attempt budget)
 * @param responseTimeout the total budget of one attempt: connect, send and the response status
 */
@Validated
@ConfigurationProperties("dispatcher.http")
public record HttpProperties(
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration responseTimeout) {
}
