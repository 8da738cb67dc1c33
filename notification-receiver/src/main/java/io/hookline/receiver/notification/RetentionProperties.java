package io.hookline.receiver.notification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long notifications are kept ({@code hookline.receiver.retention.*}). A row is the receiver's memory of a
 * {@code webhook-id}: once deleted, the same webhook delivered again would be e-mailed again, so {@code age} must
 * stay well above the sender's retry span (the dispatcher's retry schedule plus dead-letter replays).
 *
 * @param enabled whether old notifications are deleted at all (default on)
 * @param age how old a {@code sent} notification (by {@code sent_at}) or a parked one ({@code failed},
 *     {@code expired}, by {@code processed_at}) must be to be deleted; open ones are never deleted
 * @param interval how often the retention loop runs
 * @param batchSize rows per DELETE statement, so one run never holds many locks or a long transaction
 */
@Validated
@ConfigurationProperties("hookline.receiver.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") @NotNull Duration age,
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("1000") int batchSize) {

    public RetentionProperties {
        if (age != null && (age.isNegative() || age.isZero())) {
            throw new IllegalArgumentException("hookline.receiver.retention.age must be positive");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("hookline.receiver.retention.interval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("hookline.receiver.retention.batch-size must be at least 1");
        }
    }
}
