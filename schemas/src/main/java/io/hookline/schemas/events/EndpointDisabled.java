package io.hookline.schemas.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Payload of {@link EventTypes#ENDPOINT_DISABLED}. Matches {@code schemas/endpoint-disabled.schema.json}.
 *
 * @param endpointId the disabled endpoint ({@code ep_…}, or the name of a configured endpoint)
 * @param url where its webhooks went
 * @param reason why, for people, e.g. {@code every attempt failed for 5 days (P5D)}
 * @param failingSince the first failed attempt after its last success (or after it was last enabled)
 * @param disabledAt when it was disabled
 */
public record EndpointDisabled(
        @JsonProperty("endpoint_id") String endpointId,
        @JsonProperty("url") String url,
        @JsonProperty("reason") String reason,
        @JsonProperty("failing_since") Instant failingSince,
        @JsonProperty("disabled_at") Instant disabledAt) {
}
