package io.hookline.orders.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long published outbox rows are kept ({@code hookline.orders.outbox.retention.*}). Unpublished rows are never
 * deleted, however old.
 *
 * @param publishedFor a row is deleted this long after Kafka acknowledged it (default 7d: time to look into an
 *     incident; the events themselves live on in the topic for its own retention)
 * @param purgeInterval how often old rows are deleted (default 1h; also once at start)
 * @param batchSize at most this many rows per DELETE statement (default 1000)
 */
@Validated
@ConfigurationProperties("hookline.orders.outbox.retention")
public record OutboxRetentionProperties(
        @DefaultValue("7d") Duration publishedFor,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int batchSize) {

    public OutboxRetentionProperties {
        requirePositive(publishedFor, "published-for");
        requirePositive(purgeInterval, "purge-interval");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("hookline.orders.outbox.retention." + name + " must be a positive duration");
        }
    }
}
