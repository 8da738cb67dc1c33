package io.hookline.receiver.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Webhook bodies for tests: order.paid as the dispatcher sends it, and ways to break it. */
public final class OrderPaidBodies {

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

    private static String body(String orderId, String emailField, String amount) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return """
                {"type": "order.paid", "timestamp": "%s", "data": {"order_id": "%s", %s \
                "product_name": "Mechanical keyboard", "quantity": 2, "unit_price": "29.99", "currency": "USD", \
                "amount": %s, "paid_at": "%s"}}""".formatted(now, orderId, emailField, amount, now);
    }
}
