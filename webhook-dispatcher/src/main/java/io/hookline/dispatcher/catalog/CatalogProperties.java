package io.hookline.dispatcher.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Event types beyond the platform's own ({@code hookline.dispatcher.catalog.*}): what another service of the shop publishes
 * on a source topic of the fan-out ({@code hookline.dispatcher.topics.sources}), so that endpoints can subscribe to it and
 * the catalog ({@code GET /event-types}) describes it. The envelope ({@code id}, {@code type},
 * {@code occurred_at}, {@code data}) is the contract the dispatcher itself checks; a type's own schema is
 * documentation for its consumers.
 *
 * @param eventTypes the extra types, e.g. {@code shipment.dispatched}; each has {@code [n].name},
 *        {@code [n].version} (default 1), {@code [n].description}, {@code [n].topic} and, optionally,
 *        {@code [n].schema} and {@code [n].example} (resource locations, {@code file:} or {@code classpath:})
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.catalog")
public record CatalogProperties(@DefaultValue List<@Valid @NotNull ConfiguredEventType> eventTypes) {

    public CatalogProperties {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    /**
     * One configured event type.
     *
     * @param name the type, e.g. {@code shipment.dispatched}
     * @param version its contract version (1 unless a breaking change made a new one)
     * @param description what happened, for people
     * @param topic the source topic it is published on
     * @param schema the JSON Schema of its {@code data}, e.g. {@code classpath:shipment.schema.json}; optional
     * @param example an example envelope, e.g. {@code file:/etc/hookline/shipment.example.json}; optional
     */
    public record ConfiguredEventType(
            @NotBlank @Pattern(regexp = "^[a-z]+(\\.[a-z_]+)+$",
                    message = "must be an event type like shipment.dispatched") String name,
            @DefaultValue("1") @Min(1) int version,
            @NotBlank String description,
            @NotBlank String topic,
            Resource schema,
            Resource example) {
    }
}
