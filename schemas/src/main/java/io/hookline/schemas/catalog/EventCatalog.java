package io.hookline.schemas.catalog;

import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.Topics;
import io.hookline.schemas.validation.ContractDocuments;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.Strictness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event types the platform publishes, one entry per type and version: the source the dispatcher's
 * {@code GET /event-types}, the console and the AsyncAPI document are built from. Immutable and thread-safe.
 */
public final class EventCatalog {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final EventCatalog PLATFORM = new EventCatalog(List.of(
            orderEvent(EventTypes.ORDER_CREATED, "An order was placed and awaits payment.",
                    ContractSchema.ORDER_CREATED),
            orderEvent(EventTypes.ORDER_PAID,
                    "An order was paid. The notification receiver sends the order confirmation e-mail on it.",
                    ContractSchema.ORDER_PAID),
            orderEvent(EventTypes.ORDER_PAYMENT_FAILED,
                    "A payment attempt for an order was declined; the order stays payable.",
                    ContractSchema.ORDER_PAYMENT_FAILED),
            orderEvent(EventTypes.ORDER_CANCELLED,
                    "An unpaid order was cancelled and can no longer be paid.", ContractSchema.ORDER_CANCELLED),
            orderEvent(EventTypes.ORDER_REFUNDED,
                    "A paid order was refunded in full. The notification receiver sends the refund confirmation"
                            + " e-mail on it.",
                    ContractSchema.ORDER_REFUNDED),
            new EventTypeDefinition(EventTypes.ENDPOINT_DISABLED, 1,
                    "Operational: the dispatcher disabled a webhook endpoint that failed every attempt for its"
                            + " configured span. On Kafka only; not deliverable as a webhook.",
                    Topics.OPERATIONAL_EVENTS, ContractSchema.ENDPOINT_DISABLED, false,
                    example(EventTypes.ENDPOINT_DISABLED, 1))));

    private final List<EventTypeDefinition> types;

    public EventCatalog(List<EventTypeDefinition> types) {
        this.types = List.copyOf(types);
    }

    /** The platform's own event types. */
    public static EventCatalog platform() {
        return PLATFORM;
    }

    /** Every type and version, in the catalog's order. */
    public List<EventTypeDefinition> all() {
        return types;
    }

    /** The latest version of a type, if the catalog has it. */
    public Optional<EventTypeDefinition> latest(String name) {
        return types.stream().filter(type -> type.name().equals(name))
                .max((a, b) -> Integer.compare(a.version(), b.version()));
    }

    /** One version of a type, if the catalog has it. */
    public Optional<EventTypeDefinition> find(String name, int version) {
        return types.stream().filter(type -> type.name().equals(name) && type.version() == version).findFirst();
    }

    /** Whether endpoints may subscribe to {@code name}: it exists and is deliverable. */
    public boolean isDeliverable(String name) {
        return types.stream().anyMatch(type -> type.name().equals(name) && type.deliverable());
    }

    /**
     * The payload schema consumers should validate with: the tolerant form ({@link Strictness#TOLERANT}) with every
     * {@code $ref} inlined, so it stands alone.
     */
    public static JsonNode readerSchema(EventTypeDefinition type) {
        return ContractDocuments.resolved(type.payloadSchema(), Strictness.TOLERANT);
    }

    /** The example envelope of a type. */
    public static JsonNode example(EventTypeDefinition type) {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("no example " + type.exampleResource() + " on the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventTypeDefinition orderEvent(String name, String description, ContractSchema schema) {
        return new EventTypeDefinition(name, 1, description, Topics.ORDERS_EVENTS, schema, true, example(name, 1));
    }

    private static String example(String name, int version) {
        return "examples/" + name + ".v" + version + ".json";
    }
}
