package io.hookline.orders.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay ({@code hookline.orders.outbox.*}).
 *
 * @param pollInterval how often the relay looks for unpublished rows when nobody woke it (default 200ms);
 *     a committed payment wakes it at once, so this is only a safety net
 * @param batchSize how many rows the relay has in flight at most, and claims in one statement (default 500)
 * @param initialBackoff the first pause after a failure (a send Kafka did not acknowledge, a database error)
 *     before the row, or the relay, tries again (default 1s); it doubles per failure in a row
 * @param maxBackoff the longest such pause (default 10s)
 * @param claimLease how long a claimed row is the claiming relay's (default 45s); must exceed the producer's
 *     {@code delivery.timeout.ms} (30s), so that no other relay sends a row while its send may still succeed.
 *     A relay that dies leaves its rows to the others (or to itself after a restart) once the lease ran out
 */
@Validated
@ConfigurationProperties("hookline.orders.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("45s") Duration claimLease) {

    public OutboxProperties {
        requirePositive(pollInterval, "poll-interval");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        requirePositive(claimLease, "claim-lease");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("hookline.orders.outbox.max-backoff must not be shorter than initial-backoff");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("hookline.orders.outbox." + name + " must be a positive duration");
        }
    }
}
