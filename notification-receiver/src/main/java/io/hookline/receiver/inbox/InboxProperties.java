package io.hookline.receiver.inbox;

import io.hookline.schemas.events.Topics;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hand-off of accepted webhooks to the inbox queue ({@code receiver.inbox.*}).
 *
 * @param sendTimeout the longest a webhook request waits for Kafka's acknowledgement; also bounds the
 *     producer's {@code max.block.ms}, {@code request.timeout.ms} and {@code delivery.timeout.ms}
 * @param retryAfter the {@code Retry-After} answered with 503 when the queue is unavailable
 * @param topic the inbox queue (default {@code notifications.inbox}); configurable so that several deployments
 *     (and test contexts) on one cluster keep their own
 * @param deadLetterTopic where inbox records the worker cannot process are parked (default
 *     {@code notifications.inbox.dlt})
 */
@Validated
@ConfigurationProperties("receiver.inbox")
public record InboxProperties(
        @DefaultValue("5s") @NotNull Duration sendTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue(Topics.NOTIFICATIONS_INBOX) @NotBlank String topic,
        @DefaultValue(Topics.NOTIFICATIONS_INBOX_DLT) @NotBlank String deadLetterTopic) {

    public InboxProperties {
        if (sendTimeout != null && (sendTimeout.isNegative() || sendTimeout.isZero())) {
            throw new IllegalArgumentException("receiver.inbox.send-timeout must be positive");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("receiver.inbox.retry-after must not be negative");
        }
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.plusNanos(999_999_999L).toSeconds());
    }
}
