package io.hookline.dispatcher.endpoint;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as kept in the database and shown by the API (without its secrets).
 *
 * @param eventTypes the subscribed types; empty = every type
 */
public record StoredEndpoint(String id, String url, String description, List<String> eventTypes, boolean enabled,
        Instant createdAt, Instant updatedAt) {

    public StoredEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }
}
