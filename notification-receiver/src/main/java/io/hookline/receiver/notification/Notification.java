package io.hookline.receiver.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the receiver did with one order webhook: the order it is about and its e-mail, if the type gets one.
 * One per {@code webhook-id}.
 *
 * @param eventId the {@code webhook-id} (the event id): the idempotency key
 * @param type the event type, e.g. {@code order.paid} (see {@link HandledEvent})
 * @param amount the amount the notification is about (the order total; the refunded amount of a refund) as the
 *     decimal string it arrived as, e.g. {@code "59.98"}
 * @param status where the confirmation e-mail stands
 * @param receivedAt when the webhook was accepted over HTTP
 * @param processedAt when the inbox worker recorded it, or {@code null}
 * @param attempts how many times sending the e-mail was started
 * @param nextAttemptAt when the next attempt is due ({@code pending}, {@code retrying}) or the sender's lease ends
 *     ({@code sending}); {@code null} once final
 * @param sentAt when the SMTP server accepted the e-mail, or {@code null}
 * @param subject the subject of the e-mail that was sent, or {@code null}
 * @param messageId the e-mail's {@code Message-ID} header, or {@code null}
 * @param lastError why the last attempt failed (no addresses, no secrets), or {@code null}
 * @param traceId the W3C trace id the webhook arrived in (the order request's), or {@code null}
 */
public record Notification(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("type") String type,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("product_name") String productName,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("amount") String amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("status") NotificationStatus status,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("processed_at") Instant processedAt,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        @JsonProperty("sent_at") Instant sentAt,
        @JsonProperty("subject") String subject,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("trace_id") String traceId) {

    /** A freshly recorded order.paid notification whose e-mail is due at once. */
    public static Notification received(String eventId, String orderId, String customerEmail, String productName,
            int quantity, String amount, String currency, Instant receivedAt, Instant processedAt) {
        return received(HandledEvent.ORDER_PAID, eventId, orderId, customerEmail, productName, quantity, amount,
                currency, receivedAt, processedAt);
    }

    /**
     * A freshly recorded notification of {@code event}: {@code pending} and due at once when the type gets an
     * e-mail, else {@code recorded} (final, nothing to send).
     */
    public static Notification received(HandledEvent event, String eventId, String orderId, String customerEmail,
            String productName, int quantity, String amount, String currency, Instant receivedAt,
            Instant processedAt) {
        boolean mail = event.sendsEmail();
        return new Notification(eventId, event.type(), orderId, customerEmail, productName, quantity, amount,
                currency, mail ? NotificationStatus.PENDING : NotificationStatus.RECORDED, receivedAt, processedAt, 0,
                mail ? processedAt : null, null, null, null, null, null);
    }

    /** The same notification, received in the given trace. */
    public Notification inTrace(String traceId) {
        return new Notification(eventId, type, orderId, customerEmail, productName, quantity, amount, currency,
                status, receivedAt, processedAt, attempts, nextAttemptAt, sentAt, subject, messageId, lastError, traceId);
    }
}
