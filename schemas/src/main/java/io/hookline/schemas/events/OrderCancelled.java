package io.hookline.schemas.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Payload of {@link EventTypes#ORDER_CANCELLED}. Matches {@code schemas/order-cancelled.schema.json}.
 *
 * @param cancellationReason a stable code such as {@code requested_by_customer}
 * @param callbackUrl the per-order callback URL given at order creation, or {@code null}
 */
public record OrderCancelled(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("product_name") String productName,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("unit_price") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonProperty("cancellation_reason") String cancellationReason,
        @JsonProperty("cancelled_at") Instant cancelledAt,
        @JsonProperty("callback_url") @JsonInclude(JsonInclude.Include.NON_NULL) String callbackUrl) {
}
