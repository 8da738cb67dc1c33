package io.hookline.receiver.mail;

/**
 * The confirmation e-mail can never be sent as it is (e.g. the SMTP server refused the recipient). Not
 * retried: the inbox record goes to {@code notifications.inbox.dlt} at once with this message, which names
 * the event and the kind of failure only.
 */
public final class PermanentMailFailureException extends RuntimeException {

    PermanentMailFailureException(String eventId, MailDeliveryException cause) {
        super("confirmation e-mail of " + eventId + " failed permanently: " + cause.getMessage(), cause);
    }
}
