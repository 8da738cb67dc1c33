package io.hookline.dispatcher.endpoint;

import io.hookline.schemas.signing.WebhookSecret;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A subscriber: where webhooks go, how they are signed and which event types it wants. Immutable.
 *
 * @param name unique name, safe to log
 * @param url absolute http(s) URL
 * @param secret the signing secret ({@link WebhookSecret#toString()} never reveals it)
 * @param eventTypes the subscribed event types; empty = every type
 */
public record Endpoint(String name, URI url, WebhookSecret secret, Set<String> eventTypes) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Whether events of this type are delivered to this endpoint. */
    public boolean subscribesTo(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
