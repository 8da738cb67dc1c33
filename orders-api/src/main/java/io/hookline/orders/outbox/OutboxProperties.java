package io.hookline.orders.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay ({@code orders.outbox.*}).
 *
 * @param pollInterval how often the relay looks for unpublished rows when nobody woke it (default 200ms);
 *     a committed payment wakes it at once, so this is only a safety net
 * @param batchSize how many rows one round claims and publishes (default 500)
 * @param initialBackoff the first pause after a failed round (default 1s); it doubles per failure
 * @param maxBackoff the longest pause between failed rounds (default 10s)
 */
@Validated
@ConfigurationProperties("orders.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff) {

    public OutboxProperties {
        requirePositive(pollInterval, "poll-interval");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("orders.outbox.max-backoff must not be shorter than initial-backoff");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("orders.outbox." + name + " must be a positive duration");
        }
    }
}
