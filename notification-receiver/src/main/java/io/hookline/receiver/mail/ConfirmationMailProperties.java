package io.hookline.receiver.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order-confirmation e-mail and its sender loop ({@code hookline.receiver.mail.*}). The SMTP server itself is Spring
 * Boot's {@code spring.mail.*} (host, port, username, password, socket timeouts).
 *
 * @param from the sender, e.g. {@code hookline shop <orders@hookline.local>}
 * @param locale the language tag the e-mail is written and its money formatted in ({@code en-US}:
 *     {@code $59.98}, {@code €59.98}; {@code de-DE}: {@code 59,98 €}); one shop, one locale
 * @param sendDeadline the longest one e-mail's SMTP exchange (connecting if its connection is not open, every
 *     command and reply) may last: at this point the connection's socket is closed, whatever the per-operation
 *     timeouts say
 * @param sendingLease how long a claim to send is exclusive; must exceed {@code sendDeadline}, so no other sender
 *     (another instance, or this one after a restart) starts the same e-mail while the first may still be talking
 *     to the server. An attempt that failed after the message may have reached the server is not retried before
 *     its lease ends either
 * @param senders how many sender loops (threads) send e-mails concurrently, each over its own SMTP connection
 * @param batchSize how many due notifications a sender looks at per pass
 * @param messagesPerConnection how many e-mails a sender sends over one SMTP connection before it says QUIT and
 *     opens a new one (servers limit this, e.g. Postfix's {@code smtpd_client_message_rate_limit} or providers'
 *     "messages per connection"); {@code 1} opens a connection per e-mail, as before pooling
 * @param pollInterval how long an idle sender waits before looking again (a newly recorded notification wakes it
 *     at once)
 * @param retry the back-off between attempts of one e-mail and how long it is retried
 */
@Validated
@ConfigurationProperties("hookline.receiver.mail")
public record ConfirmationMailProperties(
        @DefaultValue("hookline shop <orders@hookline.local>") @NotBlank String from,
        @DefaultValue("en-US") @NotNull Locale locale,
        @DefaultValue("45s") @NotNull Duration sendDeadline,
        @DefaultValue("60s") @NotNull Duration sendingLease,
        @DefaultValue("3") int senders,
        @DefaultValue("20") int batchSize,
        @DefaultValue("100") int messagesPerConnection,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue @NotNull @Valid Retry retry) {

    public ConfirmationMailProperties {
        requirePositive(sendDeadline, "send-deadline");
        requirePositive(sendingLease, "sending-lease");
        requirePositive(pollInterval, "poll-interval");
        if (sendDeadline != null && sendingLease != null && sendingLease.compareTo(sendDeadline) <= 0) {
            throw new IllegalArgumentException("hookline.receiver.mail.sending-lease (" + sendingLease
                    + ") must exceed hookline.receiver.mail.send-deadline (" + sendDeadline + ")");
        }
        if (senders < 1 || batchSize < 1 || messagesPerConnection < 1) {
            throw new IllegalArgumentException(
                    "hookline.receiver.mail.senders, batch-size and messages-per-connection must be at least 1");
        }
    }

    /**
     * Exponential back-off with jitter between attempts of one e-mail (see {@link RetrySchedule}).
     *
     * @param initialInterval the wait after the first failed attempt
     * @param multiplier the factor each next wait grows by
     * @param maxInterval the longest wait
     * @param jitter each wait is spread by ± this share (0.2: 80 %–120 %), drawn from the injected randomness
     * @param horizon how long after a notification was recorded transient failures are retried; an attempt that
     *     would be due later parks it as {@code expired}
     */
    public record Retry(
            @DefaultValue("10s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("15m") @NotNull Duration maxInterval,
            @DefaultValue("0.2") double jitter,
            @DefaultValue("24h") @NotNull Duration horizon) {

        public Retry {
            requirePositive(initialInterval, "retry.initial-interval");
            requirePositive(horizon, "retry.horizon");
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("hookline.receiver.mail.retry.multiplier must be at least 1.0");
            }
            if (jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException("hookline.receiver.mail.retry.jitter must be in [0, 1)");
            }
            if (maxInterval != null && initialInterval != null && maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("hookline.receiver.mail.retry.max-interval must be at least initial-interval");
            }
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("hookline.receiver.mail." + name + " must be positive");
        }
    }
}
