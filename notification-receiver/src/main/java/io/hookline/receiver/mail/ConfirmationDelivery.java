package io.hookline.receiver.mail;

import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.receiver.notification.NotificationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One attempt of one claimed notification's confirmation e-mail (prepare → send → handle success or failure),
 * carrying out what {@link RetrySchedule} decides:
 *
 * <ul>
 *   <li>accepted by the SMTP server → {@code sent};</li>
 *   <li>transient failure → {@code retrying}, due after the back-off; when the message may have reached the server
 *       not before this claim's lease ends, so no second copy starts while the first may still be in flight;</li>
 *   <li>transient failures past the horizon → parked as {@code expired}; permanent failure → parked as
 *       {@code failed} ({@link ConfirmationParking}: the dead letter is acknowledged before the row changes).</li>
 * </ul>
 *
 * Every outcome is recorded under the claim's token (its attempt number): a sender whose lease was taken over
 * changes nothing. The crash window (the server accepted, the {@code sent} UPDATE did not commit) is one local
 * database round trip; the row is then claimed again after the lease and sent again with the same
 * {@code Message-ID}.
 *
 * <p>Stateless and thread-safe. Throws only when the database (or the dead-letter topic while parking) fails:
 * the notification stays claimed and is looked at again when its lease ends.
 */
@Service
public class ConfirmationDelivery {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationDelivery.class);

    /** What an attempt came to. */
    public enum Outcome { SENT, RETRYING, PARKED, CLAIM_LOST }

    private final NotificationStore store;
    private final OrderConfirmationComposer composer;
    private final ConfirmationMailer mailer;
    private final ConfirmationParking parking;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final RandomGenerator random;

    public ConfirmationDelivery(NotificationStore store, OrderConfirmationComposer composer, ConfirmationMailer mailer,
            ConfirmationParking parking, ConfirmationMailProperties properties, Clock clock, RandomGenerator random) {
        this.store = store;
        this.composer = composer;
        this.mailer = mailer;
        this.parking = parking;
        this.schedule = new RetrySchedule(properties.retry());
        this.clock = clock;
        this.random = random;
    }

    /** A connection for {@link #attempt(Notification, SmtpConnection)}: kept open by the caller across attempts. */
    public SmtpConnection connection() {
        return mailer.connection();
    }

    /** Attempts the e-mail of a just-claimed notification over a connection of its own. */
    public Outcome attempt(Notification claimed) {
        try (SmtpConnection own = mailer.connection()) {
            return attempt(claimed, own);
        }
    }

    /**
     * Attempts the e-mail of a notification this caller has just claimed ({@link NotificationStore#claim}) over
     * {@code connection}.
     */
    public Outcome attempt(Notification claimed, SmtpConnection connection) {
        OrderConfirmation mail;
        try {
            mail = composer.compose(claimed);
        } catch (RuntimeException e) {
            return park(claimed, NotificationStatus.FAILED, "the e-mail could not be written: "
                    + e.getClass().getSimpleName());
        }
        try {
            mailer.send(mail, connection);
        } catch (MailDeliveryException e) {
            return failed(claimed, e);
        } catch (RuntimeException e) {
            return failed(claimed, new MailDeliveryException(MailDeliveryException.Kind.MAYBE_DELIVERED,
                    "unexpected failure while sending: " + e.getClass().getSimpleName(), e));
        }
        if (!store.markSent(claimed.eventId(), claimed.attempts(), clock.instant(), mail.subject(), mail.messageId())) {
            log.warn("Confirmation of {} was sent but its lease had been taken over; a duplicate may exist",
                    claimed.eventId());
            return Outcome.CLAIM_LOST;
        }
        log.info("Sent confirmation {} for order {} (attempt {})", mail.messageId(), claimed.orderId(),
                claimed.attempts());
        return Outcome.SENT;
    }

    private Outcome failed(Notification claimed, MailDeliveryException e) {
        if (e.permanent()) {
            return park(claimed, NotificationStatus.FAILED, "confirmation e-mail failed permanently: " + e.getMessage());
        }
        Instant floor = e.kind() == MailDeliveryException.Kind.MAYBE_DELIVERED ? claimed.nextAttemptAt() : null;
        Instant next = schedule.nextAttempt(claimed.attempts(), clock.instant(), floor, claimed.processedAt(),
                random.nextDouble());
        if (next == null) {
            return park(claimed, NotificationStatus.EXPIRED, "retried past the horizon, " + claimed.attempts()
                    + " attempts; last: " + e.getMessage());
        }
        boolean recorded = store.markRetrying(claimed.eventId(), claimed.attempts(), next, e.getMessage());
        log.warn("Confirmation of {} for order {} failed (attempt {}, {}), next attempt at {}: {}", claimed.eventId(),
                claimed.orderId(), claimed.attempts(), e.kind(), next, e.getMessage());
        return recorded ? Outcome.RETRYING : Outcome.CLAIM_LOST;
    }

    private Outcome park(Notification claimed, NotificationStatus status, String reason) {
        String payload = store.payload(claimed.eventId()).orElse(null);
        parking.park(claimed, payload, status, reason);
        log.warn("Parked confirmation of {} for order {} as {}: {}", claimed.eventId(), claimed.orderId(),
                status.wireValue(), reason);
        return store.markParked(claimed.eventId(), claimed.attempts(), status, reason) ? Outcome.PARKED
                : Outcome.CLAIM_LOST;
    }
}
