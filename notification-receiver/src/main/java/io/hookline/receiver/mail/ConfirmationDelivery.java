package io.hookline.receiver.mail;

import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.receiver.notification.NotificationStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the confirmation e-mail of a recorded notification at most once per claim, and exactly once unless
 * a worker dies in the one window documented below.
 *
 * <ol>
 *   <li>Claim: a conditional UPDATE moves the row to {@code sending}; only one caller wins, across threads
 *       and receiver instances sharing the database. A {@code sent} row is never claimed again.</li>
 *   <li>Send over SMTP; then mark the row {@code sent} in one UPDATE.</li>
 *   <li>On a failure the claim is given back ({@code retrying}) and the exception propagates, so the inbox
 *       record is retried with back-off and finally dead-lettered.</li>
 * </ol>
 *
 * <p>The crash window: if the process dies after the SMTP server accepted the message and before the
 * {@code sent} UPDATE commits (one local database round trip, about a millisecond), the row stays
 * {@code sending}. Policy: such a claim is treated as abandoned once older than
 * {@code receiver.mail.sending-lease}, and the e-mail is sent again (with the same {@code Message-ID}), because
 * a missing order confirmation is worse than a rare duplicate. Until then the record is retried.
 *
 * <p>Stateless and thread-safe.
 */
@Service
public class ConfirmationDelivery {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationDelivery.class);

    private final NotificationStore store;
    private final OrderConfirmationComposer composer;
    private final ConfirmationMailer mailer;
    private final ConfirmationMailProperties properties;
    private final Clock clock;

    public ConfirmationDelivery(NotificationStore store, OrderConfirmationComposer composer, ConfirmationMailer mailer,
            ConfirmationMailProperties properties, Clock clock) {
        this.store = store;
        this.composer = composer;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return {@code true} if this call sent the e-mail, {@code false} if it had been sent already
     * @throws ConfirmationInProgressException if another worker holds a fresh claim (retry later)
     * @throws MailDeliveryException if the SMTP server did not accept it (transient; retry later)
     * @throws PermanentMailFailureException if it can never be sent as it is
     */
    public boolean deliverOnce(String eventId) {
        Instant now = clock.instant();
        if (!store.claimForSending(eventId, now, now.minus(properties.sendingLease()))) {
            Notification current = store.find(eventId)
                    .orElseThrow(() -> new IllegalStateException("no notification " + eventId + " to e-mail"));
            if (current.status() == NotificationStatus.SENT) {
                log.info("Confirmation of {} was sent already at {}", eventId, current.sentAt());
                return false;
            }
            throw new ConfirmationInProgressException(eventId);
        }
        Notification notification = store.find(eventId).orElseThrow();
        if (notification.attempts() > 1) {
            log.info("Confirmation of {} for order {}: attempt {}", eventId, notification.orderId(),
                    notification.attempts());
        }
        OrderConfirmation mail;
        try {
            mail = composer.compose(notification);
            mailer.send(mail);
        } catch (IllegalArgumentException e) {
            throw failPermanently(eventId, new MailDeliveryException(true, "the e-mail could not be written: "
                    + e.getMessage(), e));
        } catch (MailDeliveryException e) {
            if (e.permanent()) {
                throw failPermanently(eventId, e);
            }
            store.markRetrying(eventId, e.getMessage());
            log.warn("Confirmation of {} for order {} failed (attempt {}): {}", eventId, notification.orderId(),
                    notification.attempts(), e.getMessage());
            throw e;
        }
        if (!store.markSent(eventId, clock.instant(), mail.subject(), mail.messageId())) {
            log.warn("Confirmation of {} was sent but its claim had been taken over; a duplicate may exist", eventId);
        }
        log.info("Sent confirmation {} for order {}", mail.messageId(), notification.orderId());
        return true;
    }

    private PermanentMailFailureException failPermanently(String eventId, MailDeliveryException e) {
        store.markFailed(eventId, e.getMessage());
        return new PermanentMailFailureException(eventId, e);
    }
}
