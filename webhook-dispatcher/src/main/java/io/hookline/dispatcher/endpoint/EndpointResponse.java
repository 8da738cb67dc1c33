package io.hookline.dispatcher.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it. {@code secret} is present only in the answer to its creation, to a
 * rotation and to {@code GET /endpoints/{id}/secret}; {@code health} only in {@code GET /endpoints/{id}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EndpointResponse(String id, String url, String description, List<String> eventTypes, boolean enabled,
        Instant createdAt, Instant updatedAt, String secret, EndpointHealth health) {

    static EndpointResponse of(StoredEndpoint endpoint) {
        return withSecret(endpoint, null);
    }

    static EndpointResponse withSecret(StoredEndpoint endpoint, String secret) {
        return new EndpointResponse(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                endpoint.enabled(), endpoint.createdAt(), endpoint.updatedAt(), secret, null);
    }

    EndpointResponse withHealth(EndpointHealth current) {
        return new EndpointResponse(id, url, description, eventTypes, enabled, createdAt, updatedAt, secret, current);
    }
}
