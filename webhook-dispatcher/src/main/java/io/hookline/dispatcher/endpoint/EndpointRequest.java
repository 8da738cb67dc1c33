package io.hookline.dispatcher.endpoint;

import io.hookline.support.secrets.Redacted;
import java.util.List;

/**
 * The body of {@code POST /endpoints} and {@code PATCH /endpoints/{id}}: on a PATCH, absent fields keep
 * their value.
 *
 * @param eventTypes the event types wanted; empty or absent = every type
 */
record EndpointRequest(String url, String description, List<String> eventTypes, Boolean enabled) {

    /** Never shows credentials in the URL. */
    @Override
    public String toString() {
        return "EndpointRequest[url=" + Redacted.url(url) + ", description=" + description + ", eventTypes="
                + eventTypes + ", enabled=" + enabled + "]";
    }
}
