package io.hookline.receiver.mail;

/**
 * Another worker holds a fresh claim on this notification's e-mail (a rebalance overlap, or a worker that
 * died less than {@code receiver.mail.sending-lease} ago). Transient: the record is retried with back-off,
 * and once the claim is older than the lease it is taken over.
 */
public final class ConfirmationInProgressException extends RuntimeException {

    ConfirmationInProgressException(String eventId) {
        super("the confirmation of " + eventId + " is being sent by another worker", null, false, false);
    }
}
