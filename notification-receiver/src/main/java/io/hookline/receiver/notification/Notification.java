package io.hookline.receiver.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the receiver did with one order.paid webhook. One per {@code webhook-id}.
 *
 * @param eventId the {@code webhook-id} (the event id): the idempotency key
 * @param amount the order total as the decimal string it arrived as, e.g. {@code "59.98"}
 * @param receivedAt when the webhook was accepted over HTTP
 * @param processedAt when the inbox worker recorded it, or {@code null}
 */
public record Notification(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("product_name") String productName,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("amount") String amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("status") NotificationStatus status,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("processed_at") Instant processedAt) {
}
