package io.hookline.dispatcher.endpoint;

import io.hookline.support.secrets.Redacted;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as kept in the database and shown by the API (without its secrets).
 *
 * @param eventTypes the subscribed types; empty = every type
 * @param disabled why and since when it is disabled; {@code null} while enabled (and for endpoints disabled
 *        before that was recorded)
 * @param reenabledAt when it was last enabled again after being disabled, or {@code null}: attempts before it do
 *        not count towards auto-disable
 */
public record StoredEndpoint(String id, String url, String description, List<String> eventTypes, boolean enabled,
        Instant createdAt, Instant updatedAt, Disablement disabled, Instant reenabledAt) {

    public StoredEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    /** As it is without a disable history. */
    public StoredEndpoint(String id, String url, String description, List<String> eventTypes, boolean enabled,
            Instant createdAt, Instant updatedAt) {
        this(id, url, description, eventTypes, enabled, createdAt, updatedAt, null, null);
    }

    /** Never shows credentials in the URL. */
    @Override
    public String toString() {
        return "StoredEndpoint[id=" + id + ", url=" + Redacted.url(url) + ", description=" + description
                + ", eventTypes=" + eventTypes + ", enabled=" + enabled + ", createdAt=" + createdAt + ", updatedAt="
                + updatedAt + ", disabled=" + disabled + ", reenabledAt=" + reenabledAt + "]";
    }
}
