package io.hookline.dispatcher.delivery;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retry schedule ({@code dispatcher.retry.*}). The first attempt is made at once; after the n-th failed
 * attempt the delivery waits {@code delays[n-1]} on retry topic n; after {@code delays.size() + 1} failed
 * attempts it is dead-lettered. The default is Svix's schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h:
 * eight attempts over about 27.6 hours).
 *
 * @param delays the waits before attempts 2, 3, …; one retry topic each
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
 */
@Validated
@ConfigurationProperties("dispatcher.retry")
public record RetryProperties(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) @NotEmpty List<@NotNull Duration> delays,
        @DefaultValue("24h") @NotNull Duration maxRetryAfter) {

    public RetryProperties {
        delays = List.copyOf(delays);
    }

    /** Attempts in all before a delivery is dead-lettered. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after {@code attemptsMade} failed attempts (1-based). */
    public Duration delayAfter(int attemptsMade) {
        return delays.get(Math.min(attemptsMade, delays.size()) - 1);
    }
}
