package io.hookline.receiver.support;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Webhook bodies for tests: order.paid (and the other order events) as the dispatcher sends them, and ways to break them. */
public final class OrderPaidBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderPaidBodies() {
    }

    /** A fresh, valid order id. */
    public static String newOrderId() {
        return "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A fresh webhook id, shaped like the platform's (the event's UUID). */
    public static String newWebhookId() {
        return UUID.randomUUID().toString();
    }

    /** A valid order.paid webhook body: two keyboards at 29.99 USD. */
    public static String valid(String orderId) {
        return body(orderId, "\"customer_email\": \"ada@example.com\",", "\"59.98\"");
    }

    /** Amount as a JSON number and no customer_email: two contract violations. */
    public static String offSchema(String orderId) {
        return body(orderId, "", "59.98");
    }

    /**
     * A valid webhook body of any catalog event type (its documented example, for {@code orderId}), as the
     * dispatcher builds it from the event: {@code {type, timestamp, data}}.
     */
    public static String ofType(String type, String orderId) {
        EventTypeDefinition definition = EventCatalog.platform().latest(type).orElseThrow();
        ObjectNode event = (ObjectNode) EventCatalog.example(definition);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("order_id", orderId);
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.set("timestamp", event.get("occurred_at"));
        body.set("data", data);
        return JSON.writeValueAsString(body);
    }

    /** The same body with a field the receiver's contract does not know, at the top level and in {@code data}. */
    public static String withAddedFields(String body) {
        ObjectNode document = (ObjectNode) JSON.readTree(body);
        document.put("api_version", "2027-01-01");
        ((ObjectNode) document.get("data")).put("loyalty_points", 120);
        return JSON.writeValueAsString(document);
    }

    private static String body(String orderId, String emailField, String amount) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return """
                {"type": "order.paid", "timestamp": "%s", "data": {"order_id": "%s", %s \
                "product_name": "Mechanical keyboard", "quantity": 2, "unit_price": "29.99", "currency": "USD", \
                "amount": %s, "paid_at": "%s"}}""".formatted(now, orderId, emailField, amount, now);
    }
}
