package io.hookline.receiver.inbox;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many accepted webhooks may wait for the inbox queue's acknowledgement at once ({@code receiver.inbox.hand-off.*}).
 * No request thread waits for an acknowledgement, so this, not the thread pool, bounds what a slow or absent broker
 * can pile up: beyond it a webhook is answered 503 at once instead of queueing in memory.
 *
 * @param maxInFlight webhooks handed to the producer and not yet acknowledged (or failed); at 10,000/s with the
 *     5 s send timeout a broker outage fills the default in one second
 */
@Validated
@ConfigurationProperties("receiver.inbox.hand-off")
public record HandOffProperties(@DefaultValue("10000") @Positive int maxInFlight) {

    public HandOffProperties {
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("receiver.inbox.hand-off.max-in-flight must be positive");
        }
    }
}
