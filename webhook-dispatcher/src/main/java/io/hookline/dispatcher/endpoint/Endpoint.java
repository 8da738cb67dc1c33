package io.hookline.dispatcher.endpoint;

import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.secrets.Redacted;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A subscriber as the delivery engine sees it: where webhooks go, how they are signed and which event
 * types it wants. Immutable.
 *
 * @param id the endpoint id ({@code ep_…} for endpoints created through the API, the configured name for
 *        endpoints from {@code hookline.dispatcher.endpoints}); safe to log
 * @param url absolute http(s) URL
 * @param secrets the signing secrets in force, newest first: one, or several while a rotation overlaps
 *        ({@link WebhookSecret#toString()} never reveals them)
 * @param eventTypes the subscribed event types; empty = every type
 * @param enabled whether deliveries are made
 */
public record Endpoint(String id, URI url, List<WebhookSecret> secrets, Set<String> eventTypes, boolean enabled) {

    public Endpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs at least one secret");
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    /** An enabled endpoint with one secret. */
    public Endpoint(String id, URI url, WebhookSecret secret, Set<String> eventTypes) {
        this(id, url, List.of(secret), eventTypes, true);
    }

    /** Whether events of this type are delivered to this endpoint. */
    public boolean subscribesTo(String eventType) {
        return enabled && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }

    /** Never shows a secret, nor credentials in the URL. */
    @Override
    public String toString() {
        return "Endpoint[id=" + id + ", url=" + Redacted.url(url.toString()) + ", secrets=" + secrets.size()
                + " (redacted), eventTypes=" + eventTypes + ", enabled=" + enabled + "]";
    }
}
