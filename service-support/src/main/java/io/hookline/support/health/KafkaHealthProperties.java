package io.hookline.support.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka health check ({@code hookline.health.kafka.*}); turned off as a whole with
 * {@code management.health.kafka.enabled=false}.
 *
 * @param timeout how long one check waits for the cluster to answer before reporting DOWN (default 2s)
 * @param cacheFor how long a result is reused, so that a storm of probes (several probes, several
 *     replicas' load balancers) asks the broker at most once per period (default 5s)
 */
@ConfigurationProperties("hookline.health.kafka")
public record KafkaHealthProperties(
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("5s") Duration cacheFor) {

    public KafkaHealthProperties {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("hookline.health.kafka.timeout must be a positive duration");
        }
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("hookline.health.kafka.cache-for must not be negative");
        }
    }
}
