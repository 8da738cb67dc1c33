package io.hookline.receiver.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order-confirmation e-mail ({@code receiver.mail.*}). The SMTP server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, timeouts).
 *
 * @param from the sender, e.g. {@code hookline shop <orders@hookline.local>}
 * @param locale the language tag the e-mail is written and its money formatted in ({@code en-US}:
 *     {@code $59.98}, {@code €59.98}; {@code de-DE}: {@code 59,98 €}); one shop, one locale
 * @param sendingLease how long a claim to send stays exclusive: a {@code sending} row older than this was
 *     left by a worker that died mid-send and is sent again. Must exceed the longest SMTP exchange (the
 *     {@code spring.mail.properties.mail.smtp.*timeout}s)
 * @param retry back-off of the inbox worker between failed attempts (SMTP or database down), after which
 *     the record is parked on {@code notifications.inbox.dlt}
 */
@Validated
@ConfigurationProperties("receiver.mail")
public record ConfirmationMailProperties(
        @DefaultValue("hookline shop <orders@hookline.local>") @NotBlank String from,
        @DefaultValue("en-US") @NotNull Locale locale,
        @DefaultValue("20s") @NotNull Duration sendingLease,
        @DefaultValue @NotNull Retry retry) {

    public ConfirmationMailProperties {
        if (sendingLease != null && (sendingLease.isNegative() || sendingLease.isZero())) {
            throw new IllegalArgumentException("receiver.mail.sending-lease must be positive");
        }
    }

    /**
     * Exponential back-off between attempts of one inbox record.
     *
     * @param initialInterval the first wait
     * @param multiplier the factor each next wait grows by
     * @param maxInterval the longest wait
     * @param maxRetries the retries after the first attempt before the record is dead-lettered
     */
    public record Retry(
            @DefaultValue("1s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("15s") @NotNull Duration maxInterval,
            @DefaultValue("8") int maxRetries) {

        public Retry {
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("receiver.mail.retry.multiplier must be at least 1.0");
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("receiver.mail.retry.max-retries must not be negative");
            }
        }
    }
}
