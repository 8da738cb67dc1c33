package io.hookline.receiver.inbox;

import io.hookline.support.problem.ServiceUnavailableException;
import java.time.Duration;

/**
 * The inbox queue did not acknowledge a webhook in time. Retriable: the sender is told to come back later
 * (503 {@code service-unavailable} with {@code Retry-After}), and nothing was accepted. {@link #getMessage()} is
 * the reason for the log; the sender reads only the fixed detail.
 */
public final class InboxUnavailableException extends ServiceUnavailableException {

    private final String reason;

    InboxUnavailableException(String reason, long retryAfterSeconds, Throwable cause) {
        super("The event could not be queued; nothing was accepted. Retry later.",
                Duration.ofSeconds(retryAfterSeconds), cause);
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return reason;
    }
}
