package io.hookline.orders.system;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the {@code orders.events} topic is declared ({@code hookline.orders.topic.*}). An existing topic is left as it is.
 *
 * @param partitions partition count (default 3)
 * @param replicationFactor replicas per partition (default 1; 3 on a production cluster)
 */
@Validated
@ConfigurationProperties("hookline.orders.topic")
public record TopicProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor) {
}
