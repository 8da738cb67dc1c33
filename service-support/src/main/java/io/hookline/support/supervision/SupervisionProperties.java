package io.hookline.support.supervision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How supervised background loops are restarted ({@code hookline.supervision.*}).
 *
 * @param initialBackoff the wait before the first restart of a loop that died (default 1s)
 * @param maxBackoff the longest wait between restarts; the wait doubles up to it (default 60s)
 */
@ConfigurationProperties("hookline.supervision")
public record SupervisionProperties(
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff) {

    public SupervisionProperties {
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("hookline.supervision.initial-backoff must be a positive duration");
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("hookline.supervision.max-backoff must be at least initial-backoff");
        }
    }
}
