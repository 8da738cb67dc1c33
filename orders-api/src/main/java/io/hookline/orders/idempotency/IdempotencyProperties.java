package io.hookline.orders.idempotency;

import java.time.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code Idempotency-Key} handling ({@code hookline.orders.idempotency.*}).
 *
 * @param ttl how long a key is remembered after its first use (default 24h); afterwards it is a new key
 * @param lockTimeout how long a claim whose request never finished (the process died) blocks its key
 *     (default 1m); afterwards a retry with the key runs the request again
 * @param purgeInterval how often expired keys are deleted (default 1h; also once at start)
 * @param purgeBatchSize at most this many keys per DELETE statement (default 1000)
 */
@Validated
@ConfigurationProperties("hookline.orders.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("1m") Duration lockTimeout,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int purgeBatchSize) {

    public IdempotencyProperties {
        requirePositive(ttl, "ttl");
        requirePositive(lockTimeout, "lock-timeout");
        requirePositive(purgeInterval, "purge-interval");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("hookline.orders.idempotency." + name + " must be a positive duration");
        }
    }
}
