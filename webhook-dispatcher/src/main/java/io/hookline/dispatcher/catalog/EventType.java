package io.hookline.dispatcher.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the event-type catalog as {@code GET /event-types} shows it.
 *
 * @param name the type, e.g. {@code order.paid}
 * @param version the current contract version; additive changes keep it, breaking changes make the next
 * @param description what happened, for people
 * @param topic the Kafka topic it is published on
 * @param deliverable whether endpoints can subscribe to it (operational events travel on Kafka only)
 * @param source {@code platform} (defined in the schemas module) or {@code configured}
 *     ({@code hookline.dispatcher.catalog.event-types})
 * @param schema the JSON Schema of the payload ({@code data}) a reader may rely on, standalone (every
 *     {@code $ref} inlined) and tolerant (unknown fields allowed; producers refuse them); {@code null} when a
 *     configured type has none
 * @param example an example event envelope, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventType(
        @JsonProperty("name") String name,
        @JsonProperty("version") int version,
        @JsonProperty("description") String description,
        @JsonProperty("topic") String topic,
        @JsonProperty("deliverable") boolean deliverable,
        @JsonProperty("source") String source,
        @JsonProperty("schema") JsonNode schema,
        @JsonProperty("example") JsonNode example) {

    /** Defined in the {@code schemas} module. */
    public static final String PLATFORM = "platform";

    /** Declared in {@code hookline.dispatcher.catalog.event-types}. */
    public static final String CONFIGURED = "configured";
}
