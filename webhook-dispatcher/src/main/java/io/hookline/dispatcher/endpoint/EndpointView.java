package io.hookline.dispatcher.endpoint;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as operators see it, whichever its source; never its secrets.
 *
 * @param eventTypes the subscribed types; empty = every type
 * @param source {@code api} (created through {@code /endpoints}) or {@code configuration}
 *        ({@code hookline.dispatcher.endpoints[n]})
 * @param disabled why and since when it is disabled, or {@code null}
 * @param reenabledAt when it was last enabled again, or {@code null}; attempts before it do not count towards
 *        auto-disable
 * @param createdAt {@code null} for configured endpoints
 * @param updatedAt {@code null} for configured endpoints
 */
public record EndpointView(String id, String url, String description, List<String> eventTypes, boolean enabled,
        String source, Disablement disabled, Instant reenabledAt, Instant createdAt, Instant updatedAt) {

    public static final String SOURCE_API = "api";
    public static final String SOURCE_CONFIGURATION = "configuration";

    public EndpointView {
        eventTypes = List.copyOf(eventTypes);
    }
}
