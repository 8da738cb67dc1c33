package io.hookline.dispatcher.delivery;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * At least one subscribed endpoint did not accept an event in this attempt: the record is retried with
 * back-off, and dead-lettered once the attempts are used up. The message names the failing endpoints and
 * their last status or error; it never contains a secret or a signature.
 */
public class DeliveryFailedException extends RuntimeException {

    private final UUID eventId;
    private final List<DeliveryResult> failures;

    public DeliveryFailedException(UUID eventId, List<DeliveryResult> failures) {
        super("event " + eventId + " not delivered to " + summary(failures), null, false, false);
        this.eventId = eventId;
        this.failures = List.copyOf(failures);
    }

    public UUID eventId() {
        return eventId;
    }

    public List<DeliveryResult> failures() {
        return failures;
    }

    /** The failing endpoints with their last outcome, e.g. {@code alpha (HTTP 500), beta (timed out after 10000 ms)}. */
    public String failureSummary() {
        return summary(failures);
    }

    /** The failing endpoint names, comma-separated. */
    public String endpointNames() {
        return failures.stream().map(DeliveryResult::endpointName).collect(Collectors.joining(","));
    }

    private static String summary(List<DeliveryResult> failures) {
        return failures.stream()
                .map(failure -> failure.endpointName() + " (" + failure.outcome() + ")")
                .collect(Collectors.joining(", "));
    }
}
