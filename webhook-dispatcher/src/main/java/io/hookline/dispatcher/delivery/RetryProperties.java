package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retry schedule ({@code hookline.dispatcher.retry.*}). The first attempt is made at once; after the n-th failed
 * attempt the delivery waits {@code delays[n-1]} stretched by the jitter; after {@code delays.size() + 1} failed
 * attempts, or once its next attempt would fall after its deadline ({@link RetryPolicy}), it is dead-lettered.
 * Retry topic n holds records for {@code delays[n-1]} ({@link RetryTiers}). The default is Svix's schedule (5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over about 27.6 hours).
 *
 * @param delays the waits before attempts 2, 3, …; one retry topic each
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
 * @param jitter every retry delay and cool-down is stretched by a random share in {@code [0, jitter)} …
 * @param parkLimit … of at most this; a record whose due time is at most this far off when its retry topic
 *        releases it waits in memory instead of being produced again
 * @param maxParked records held in memory at once; beyond it a partition waits for its head instead
 * @param deadlineSlack added to a delivery's life (the schedule's span plus its largest jitter) for the time
 *        attempts and hand-offs take
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.retry")
public record RetryProperties(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) @NotEmpty List<@NotNull Duration> delays,
        @DefaultValue("24h") @NotNull Duration maxRetryAfter,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
        @DefaultValue("60s") @NotNull @DurationMin(millis = 0) Duration parkLimit,
        @DefaultValue("10000") @Min(0) int maxParked,
        @DefaultValue("10s") @NotNull Duration deadlineSlack) {

    public RetryProperties {
        delays = List.copyOf(delays);
    }

    /** The schedule with the other settings at their defaults (for tests and tools). */
    public static RetryProperties of(List<Duration> delays, Duration maxRetryAfter) {
        return new RetryProperties(delays, maxRetryAfter, 0.2, Duration.ofSeconds(60), 10_000, Duration.ofSeconds(10));
    }

    /** Attempts in all before a delivery is dead-lettered. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after {@code attemptsMade} failed attempts (1-based), before jitter. */
    public Duration delayAfter(int attemptsMade) {
        return delays.get(Math.min(attemptsMade, delays.size()) - 1);
    }
}
