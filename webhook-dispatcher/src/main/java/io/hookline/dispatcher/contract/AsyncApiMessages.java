package io.hookline.dispatcher.contract;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.Topics;
import io.hookline.schemas.validation.ContractDocuments;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.Strictness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of the AsyncAPI document ({@code components.messages}) and the schemas they use
 * ({@code components.schemas}), built from the {@link EventCatalog} and the {@code schemas} module's files: one
 * message per event type and version, one per kind of dispatcher and receiver record, and the signed webhook
 * request itself. Built once; not thread-safe while building, immutable after.
 */
final class AsyncApiMessages {

    static final String EVENT_DEAD_LETTER = "orders_event_dead_letter";
    static final String DELIVERY = "delivery";
    static final String DELIVERY_DEAD_LETTER = "delivery_dead_letter";
    static final String DEAD_LETTER_ACTION = "dead_letter_action";
    static final String INBOX_NOTIFICATION = "inbox_notification";
    static final String INBOX_DEAD_LETTER = "inbox_dead_letter";
    static final String WEBHOOK_REQUEST = "webhook_request";
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final String ENVELOPE = "EventEnvelope";
    private static final String ACTION = "DeadLetterAction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCatalog catalog;
    private final ObjectNode messages = JSON.createObjectNode();
    private final ObjectNode schemas = JSON.createObjectNode();

    AsyncApiMessages(EventCatalog catalog) {
        this.catalog = catalog;
        JsonNode envelope = clean(ContractDocuments.resolved(ContractSchema.EVENT_ENVELOPE, Strictness.STRICT));
        ((ObjectNode) envelope).remove("allOf");
        schemas.set(ENVELOPE, envelope);
        catalog.all().forEach(this::addEvent);
        schemas.set(ACTION, resource("contract/dead-letter-action.schema.json"));
        addRecords();
    }

    ObjectNode messages() {
        return messages;
    }

    ObjectNode schemas() {
        return schemas;
    }

    /** The ids of the event messages published on a topic. */
    List<String> eventsOn(String topic) {
        return catalog.all().stream().filter(type -> type.topic().equals(topic)).map(AsyncApiMessages::id).toList();
    }

    static String id(EventTypeDefinition type) {
        return type.name().replace('.', '_') + "_v" + type.version();
    }

    private void addEvent(EventTypeDefinition type) {
        String id = id(type);
        schemas.set(id, clean(ContractDocuments.resolved(type.payloadSchema(), Strictness.STRICT)));
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode all = payload.putArray("allOf");
        all.addObject().put("$ref", ref(ENVELOPE));
        ObjectNode properties = all.addObject().putObject("properties");
        properties.putObject("type").put("const", type.name());
        properties.putObject("data").put("$ref", ref(id));
        boolean onOrders = type.topic().equals(Topics.ORDERS_EVENTS);
        ObjectNode message = message(type.name(), type.description(), onOrders ? RecordHeaders.ORDER_EVENT
                : RecordHeaders.OPERATIONAL_EVENT, payload, onOrders ? orderId() : endpointId());
        message.put("x-event-version", type.version());
        JsonNode example = EventCatalog.example(type);
        ObjectNode sample = message.putArray("examples").addObject();
        sample.put("name", type.name() + " v" + type.version());
        sample.putObject("headers").put(EventHeaders.EVENT_ID, example.path("id").asString())
                .put(EventHeaders.EVENT_TYPE, type.name())
                .put(EventHeaders.EVENT_VERSION, Integer.toString(type.version()));
        sample.set("payload", example);
        messages.set(id, message);
        if (type.deliverable()) {
            schemas.set(id + "_webhook", webhookBody(type, id));
        }
    }

    private void addRecords() {
        ObjectNode webhookBodies = JSON.createObjectNode();
        ArrayNode bodies = webhookBodies.putArray("oneOf");
        catalog.all().stream().filter(EventTypeDefinition::deliverable)
                .forEach(type -> bodies.addObject().put("$ref", ref(id(type) + "_webhook")));
        ObjectNode asItWas = JSON.createObjectNode().put("description", "an unreadable record: its value as it was");
        ObjectNode eventOrAnything = JSON.createObjectNode();
        eventOrAnything.putArray("anyOf").add(JSON.createObjectNode().put("$ref", ref(ENVELOPE))).add(asItWas);
        ObjectNode bodyOrAnything = JSON.createObjectNode();
        bodyOrAnything.putArray("anyOf").add(webhookBodies.deepCopy()).add(asItWas.deepCopy());
        ObjectNode asReceived = webhookBodies.deepCopy().put("description", "The webhook body exactly as received.");
        ObjectNode anyKey = JSON.createObjectNode().put("type", "string")
                .put("description", "The original record's key (the order id for records of orders.events).");

        messages.set(EVENT_DEAD_LETTER, message("orders event dead letter", "A record of orders.events the fan-out"
                + " could not read or route, with its original headers.", RecordHeaders.EVENT_DEAD_LETTER,
                eventOrAnything, anyKey));
        messages.set(DELIVERY, message("delivery", "One delivery of an event to one endpoint: the exact webhook body"
                + " to POST (Standard Webhooks); the attempt state travels in the headers.", RecordHeaders.DELIVERY,
                webhookBodies, orderId()));
        messages.set(DELIVERY_DEAD_LETTER, message("delivery dead letter", "A delivery given up (retries exhausted,"
                + " expired, endpoint disabled or refused) or a record of a delivery topic that was not a delivery.",
                RecordHeaders.DELIVERY_DEAD_LETTER, bodyOrAnything, orderId()));
        messages.set(DEAD_LETTER_ACTION, message("dead-letter action", "An operator's action on a dead letter, or"
                + " that its replay was delivered.", RecordHeaders.NONE, JSON.createObjectNode().put("$ref", ref(ACTION)),
                JSON.createObjectNode().put("type", "string").put("description", "The dead letter's id (dl_…).")));
        messages.set(INBOX_NOTIFICATION, message("inbox notification", "A webhook the notification receiver"
                + " verified and accepted, queued for its e-mail worker.", RecordHeaders.INBOX, asReceived, orderId()));
        messages.set(INBOX_DEAD_LETTER, message("inbox dead letter", "An inbox record the e-mail worker gave up on.",
                RecordHeaders.INBOX_DEAD_LETTER, asReceived.deepCopy(), orderId()));
        ObjectNode request = message("webhook request", "Not on Kafka: the signed HTTP POST the dispatcher makes of"
                + " each delivery record (Standard Webhooks), to the endpoint's URL.", RecordHeaders.WEBHOOK_REQUEST,
                webhookBodies.deepCopy(), null);
        messages.set(WEBHOOK_REQUEST, request);
    }

    private static ObjectNode message(String name, String summary, RecordHeaders headers, JsonNode payload,
            JsonNode key) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", name);
        message.put("summary", summary);
        message.put("contentType", "application/json");
        message.set("headers", headers.schema());
        message.set("payload", payload);
        if (key != null) {
            ObjectNode kafka = message.putObject("bindings").putObject("kafka");
            kafka.set("key", key);
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        }
        return message;
    }

    /** The body of a type's webhook: the order.paid webhook schema's shape, with this type and payload. */
    private static JsonNode webhookBody(EventTypeDefinition type, String payloadId) {
        ObjectNode body = (ObjectNode) clean(
                ContractDocuments.resolved(ContractSchema.ORDER_PAID_WEBHOOK, Strictness.STRICT));
        body.put("title", type.name() + " webhook body");
        body.put("description", "The body of a Standard Webhooks request for " + type.name()
                + ": {type, timestamp, data}.");
        ObjectNode properties = (ObjectNode) body.get("properties");
        properties.putObject("type").put("const", type.name());
        properties.putObject("data").put("$ref", ref(payloadId));
        return body;
    }

    private static JsonNode orderId() {
        ObjectNode key = ((ObjectNode) ContractDocuments.resolved(ContractSchema.ORDER_FIELDS, Strictness.STRICT)
                .at("/$defs/order_id")).deepCopy();
        return key.put("description", "The order id.");
    }

    private static JsonNode endpointId() {
        ObjectNode key = ((ObjectNode) ContractDocuments.resolved(ContractSchema.ENDPOINT_DISABLED, Strictness.STRICT)
                .at("/properties/endpoint_id")).deepCopy();
        return key.put("description", "The subject's id: an endpoint id.");
    }

    /** A resolved schema as a component: no {@code $schema}, {@code $id} or (now unused) {@code $defs}. */
    private static JsonNode clean(JsonNode schema) {
        ObjectNode copy = (ObjectNode) schema.deepCopy();
        copy.remove("$schema");
        copy.remove("$id");
        copy.remove("$defs");
        return copy;
    }

    private static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = AsyncApiMessages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
