package io.hookline.dispatcher.endpoint;

import java.util.List;

/**
 * An endpoint as operators see it, whichever its source; never its secrets.
 *
 * @param eventTypes the subscribed types; empty = every type
 * @param source {@code api} (created through {@code /endpoints}) or {@code configuration}
 *        ({@code dispatcher.endpoints[n]})
 */
public record EndpointView(String id, String url, String description, List<String> eventTypes, boolean enabled,
        String source) {

    public static final String SOURCE_API = "api";
    public static final String SOURCE_CONFIGURATION = "configuration";

    public EndpointView {
        eventTypes = List.copyOf(eventTypes);
    }
}
