package io.hookline.receiver.inbox;

/**
 * The inbox queue did not acknowledge a webhook in time. Retriable: the sender is told to come back later
 * (503 with {@code Retry-After}), and nothing was accepted.
 */
public final class InboxUnavailableException extends RuntimeException {

    InboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
