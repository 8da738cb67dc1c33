package io.hookline.dispatcher.deadletter.actions;

import io.hookline.dispatcher.deadletter.DeadLetterEntry;
import io.hookline.dispatcher.delivery.CallbackSigning;
import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import io.hookline.dispatcher.endpoint.UrlPolicy;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a dead letter can be sent again now: it must be a delivery (not an unreadable record), and its endpoint
 * must exist and be enabled (a per-order callback: callbacks must be on and its URL still allowed). Replaying
 * anything else would only dead-letter it again. Thread-safe.
 */
@Component
class ReplayCheck {

    private final EndpointDirectory directory;
    private final UrlPolicy urlPolicy;
    private final CallbackSigning callbacks;

    ReplayCheck(EndpointDirectory directory, UrlPolicy urlPolicy, CallbackSigning callbacks) {
        this.directory = directory;
        this.urlPolicy = urlPolicy;
        this.callbacks = callbacks;
    }

    /** Why it cannot be replayed, or empty when it can. */
    Optional<String> refusal(DeadLetterEntry entry) {
        if (!entry.readable()) {
            return Optional.of("Dead letter " + entry.id() + " is an unreadable record (no delivery headers); "
                    + "it cannot be replayed, only discarded.");
        }
        if (entry.targetUrl() != null) {
            if (!callbacks.enabled()) {
                return Optional.of("Callbacks are off (no hookline.dispatcher.callbacks.secret); " + entry.id()
                        + " cannot be replayed.");
            }
            if (callbacks.signing(entry.clientId(), entry.callbackKeyVersions())
                    instanceof CallbackSigning.Signing.Refused(String reason)) {
                return Optional.of("The callback of " + entry.id() + " cannot be signed: " + reason + ".");
            }
            return urlPolicy.refusal(entry.targetUrl())
                    .map(reason -> "The callback URL of " + entry.id() + " is refused: " + reason);
        }
        Optional<Endpoint> endpoint = directory.find(entry.endpointId());
        if (endpoint.isEmpty()) {
            return Optional.of("Endpoint " + entry.endpointId() + " no longer exists; " + entry.id()
                    + " cannot be replayed.");
        }
        if (!endpoint.get().enabled()) {
            return Optional.of("Endpoint " + entry.endpointId() + " is disabled; enable it before replaying "
                    + entry.id() + ".");
        }
        return Optional.empty();
    }
}
