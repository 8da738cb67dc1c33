package io.hookline.dispatcher.catalog;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event types the dispatcher knows: the platform's ({@link EventCatalog#platform()}) and those declared in
 * {@code hookline.dispatcher.catalog.event-types} for other sources. Endpoints may subscribe only to deliverable types
 * that are here. Built once at start-up; a configured type that repeats a platform type, or whose schema or
 * example is not readable JSON, stops the start with the reason. Immutable and thread-safe.
 */
@Component
public class EventTypeRegistry {

    private final List<EventType> types;

    EventTypeRegistry(CatalogProperties properties, JsonMapper json) {
        List<EventType> all = new ArrayList<>();
        for (EventTypeDefinition definition : EventCatalog.platform().all()) {
            all.add(new EventType(definition.name(), definition.version(), definition.description(),
                    definition.topic(), definition.deliverable(), EventType.PLATFORM,
                    EventCatalog.readerSchema(definition), EventCatalog.example(definition)));
        }
        Set<String> seen = new HashSet<>();
        all.forEach(type -> seen.add(type.name() + "@" + type.version()));
        for (CatalogProperties.ConfiguredEventType configured : properties.eventTypes()) {
            if (EventCatalog.platform().latest(configured.name()).isPresent()) {
                throw new IllegalStateException("hookline.dispatcher.catalog.event-types: " + configured.name()
                        + " is a platform event type; configure only types of other sources");
            }
            if (!seen.add(configured.name() + "@" + configured.version())) {
                throw new IllegalStateException("hookline.dispatcher.catalog.event-types: " + configured.name() + " version "
                        + configured.version() + " is declared twice");
            }
            all.add(new EventType(configured.name(), configured.version(), configured.description(),
                    configured.topic(), true, EventType.CONFIGURED, read(configured.schema(), json),
                    read(configured.example(), json)));
        }
        this.types = List.copyOf(all);
    }

    /** Every type at every version, the platform's first. */
    public List<EventType> all() {
        return types;
    }

    /** The current (highest) version of a type, if known. */
    public Optional<EventType> latest(String name) {
        return types.stream().filter(type -> type.name().equals(name)).max(Comparator.comparingInt(EventType::version));
    }

    /** Whether endpoints may subscribe to {@code name}: it is known and deliverable. */
    public boolean isDeliverable(String name) {
        return types.stream().anyMatch(type -> type.name().equals(name) && type.deliverable());
    }

    /** The names of the deliverable types, in catalog order, for error messages. */
    public List<String> deliverableNames() {
        return types.stream().filter(EventType::deliverable).map(EventType::name).distinct().toList();
    }

    private static JsonNode read(Resource resource, JsonMapper json) {
        if (resource == null) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("hookline.dispatcher.catalog.event-types: cannot read " + resource.getDescription()
                    + " as JSON: " + e.getMessage(), e);
        }
    }
}
