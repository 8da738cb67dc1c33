package io.hookline.receiver.inbox;

/**
 * An inbox record that can never be processed (not JSON, off-schema, no {@code webhook-id}). Fatal, not
 * retried: it goes to {@code notifications.inbox.dlt} at once with this message as the reason, which is
 * therefore written to be safe to show (no secrets, no payload).
 */
public final class PoisonInboxRecordException extends RuntimeException {

    PoisonInboxRecordException(String reason) {
        super(reason, null, false, false);
    }
}
