package io.hookline.support.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka client metrics ({@code hookline.metrics.kafka.*}).
 *
 * @param refreshInterval how often each consumer's metrics are searched for new ones, such as the per-partition
 *     lag that appears after an assignment (default 5s; Micrometer's own is 60s)
 */
@ConfigurationProperties("hookline.metrics.kafka")
public record KafkaMetricsProperties(@DefaultValue("5s") Duration refreshInterval) {

    public KafkaMetricsProperties {
        if (refreshInterval == null || refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("hookline.metrics.kafka.refresh-interval must be a positive duration");
        }
    }
}
