package io.hookline.receiver.inbox;

import io.hookline.schemas.events.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hand-off of accepted webhooks to the inbox queue ({@code hookline.receiver.inbox.*}).
 *
 * @param sendTimeout the longest a webhook request waits for Kafka's acknowledgement; also bounds the
 *     producer's {@code max.block.ms}, {@code request.timeout.ms} and {@code delivery.timeout.ms}
 * @param retryAfter the {@code Retry-After} answered with 503 when the queue is unavailable
 * @param topic the inbox queue (default {@code notifications.inbox}); configurable so that several deployments
 *     (and test contexts) on one cluster keep their own
 * @param deadLetterTopic where inbox records the worker cannot process are parked (default
 *     {@code notifications.inbox.dlt})
 * @param retry how the listener retries an inbox record whose processing failed (see {@link Retry})
 */
@Validated
@ConfigurationProperties("hookline.receiver.inbox")
public record InboxProperties(
        @DefaultValue("5s") @NotNull Duration sendTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue(Topics.NOTIFICATIONS_INBOX) @NotBlank String topic,
        @DefaultValue(Topics.NOTIFICATIONS_INBOX_DLT) @NotBlank String deadLetterTopic,
        @DefaultValue @NotNull @Valid Retry retry) {

    public InboxProperties {
        if (sendTimeout != null && (sendTimeout.isNegative() || sendTimeout.isZero())) {
            throw new IllegalArgumentException("hookline.receiver.inbox.send-timeout must be positive");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("hookline.receiver.inbox.retry-after must not be negative");
        }
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.plusNanos(999_999_999L).toSeconds());
    }

    /**
     * Back-off of the inbox listener between attempts of one record (processing is recording a row, so a failure
     * is the database away, or a bug). A database that is away ({@link InboxFailures#databaseAway}) is waited for
     * without limit, since no record can be processed without it; any other failure is retried
     * {@code maxRetries} times, then the record is parked on the dead-letter topic with the reason and the
     * listener moves on. Poison is parked at once.
     *
     * @param initialInterval the first wait
     * @param multiplier the factor each next wait grows by
     * @param maxInterval the longest wait
     * @param maxRetries retries of a record that failed for a reason other than the database being away
     */
    public record Retry(
            @DefaultValue("1s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") @NotNull Duration maxInterval,
            @DefaultValue("2") int maxRetries) {

        public Retry {
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("hookline.receiver.inbox.retry.multiplier must be at least 1.0");
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("hookline.receiver.inbox.retry.max-retries must not be negative");
            }
        }
    }
}
