package io.hookline.receiver.system;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the receiver declares {@code notifications.inbox} and {@code notifications.inbox.dlt}
 * ({@code hookline.receiver.topic.*}). An existing topic is left as it is.
 *
 * @param partitions partition count of both topics (default 3: one inbox worker thread each)
 * @param replicationFactor replicas per partition (default 1; 3 under the {@code prod} profile)
 */
@Validated
@ConfigurationProperties("hookline.receiver.topic")
public record TopicProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor) {
}
