package io.hookline.dispatcher.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookline.support.secrets.Redacted;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it. {@code secret} is present only in the answer to its creation, to a
 * rotation and to {@code GET /endpoints/{id}/secret}; {@code health} only in {@code GET /endpoints/{id}}.
 * {@code disabled_reason}, {@code disabled_at} and {@code failing_since} are always there ({@code null} while
 * enabled; {@code failing_since} only when the dispatcher disabled it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EndpointResponse(String id, String url, String description, List<String> eventTypes, boolean enabled,
        @JsonInclude(JsonInclude.Include.ALWAYS) String disabledReason,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant disabledAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant failingSince,
        Instant createdAt, Instant updatedAt, String secret, EndpointHealth health) {

    static EndpointResponse of(StoredEndpoint endpoint) {
        return withSecret(endpoint, null);
    }

    static EndpointResponse withSecret(StoredEndpoint endpoint, String secret) {
        Disablement disabled = endpoint.disabled();
        return new EndpointResponse(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(),
                endpoint.enabled(), disabled == null ? null : disabled.reason(),
                disabled == null ? null : disabled.disabledAt(), disabled == null ? null : disabled.failingSince(),
                endpoint.createdAt(), endpoint.updatedAt(), secret, null);
    }

    EndpointResponse withHealth(EndpointHealth current) {
        return new EndpointResponse(id, url, description, eventTypes, enabled, disabledReason, disabledAt,
                failingSince, createdAt, updatedAt, secret, current);
    }

    /** Never shows the secret (only whether there is one), nor credentials in the URL. */
    @Override
    public String toString() {
        return "EndpointResponse[id=" + id + ", url=" + Redacted.url(url) + ", description=" + description
                + ", eventTypes=" + eventTypes + ", enabled=" + enabled + ", disabledReason=" + disabledReason
                + ", disabledAt=" + disabledAt + ", failingSince=" + failingSince + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + ", secret=" + Redacted.value(secret) + ", health=" + health + "]";
    }
}
