package io.hookline.receiver.inbox;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many accepted webhooks may wait for the inbox queue's acknowledgement at once ({@code hookline.receiver.inbox.hand-off.*}).
 * No request thread waits for an acknowledgement, so this, not the thread pool, bounds what a slow or absent broker
 * can pile up: beyond it a webhook is answered 503 at once instead of queueing in memory.
 *
 * @param maxInFlight webhooks handed to the producer and not yet acknowledged (or failed); at 10,000/s with the
 *     5 s send timeout a slow broker fills the default in one second
 * @param maxBlock the producer's {@code max.block.ms}: the longest a request thread may wait inside the send itself,
 *     which happens only when the topic's metadata is missing (the whole cluster unreachable: the client has
 *     re-bootstrapped) or the producer's buffer is full; then the webhook gets its 503 after this, not after the
 *     whole send timeout, and the thread is back in the pool
 */
@Validated
@ConfigurationProperties("hookline.receiver.inbox.hand-off")
public record HandOffProperties(
        @DefaultValue("10000") @Positive int maxInFlight,
        @DefaultValue("250ms") @NotNull Duration maxBlock) {

    public HandOffProperties {
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("hookline.receiver.inbox.hand-off.max-in-flight must be positive");
        }
        if (maxBlock != null && maxBlock.isNegative()) {
            throw new IllegalArgumentException("hookline.receiver.inbox.hand-off.max-block must not be negative");
        }
    }
}
