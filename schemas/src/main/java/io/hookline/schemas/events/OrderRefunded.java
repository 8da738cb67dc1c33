package io.hookline.schemas.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Payload of {@link EventTypes#ORDER_REFUNDED}: a full refund of a paid order. Matches
 * {@code schemas/order-refunded.schema.json}.
 *
 * @param refundId the refund's id ({@code re_…})
 * @param refundedAmount what was refunded; equal to {@code amount} (refunds are full)
 * @param refundReason a stable code such as {@code requested_by_customer}
 * @param callbackUrl the per-order callback URL given at order creation, or {@code null}
 */
public record OrderRefunded(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("product_name") String productName,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("unit_price") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonProperty("refund_id") String refundId,
        @JsonProperty("refunded_amount") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal refundedAmount,
        @JsonProperty("refund_reason") String refundReason,
        @JsonProperty("refunded_at") Instant refundedAt,
        @JsonProperty("callback_url") @JsonInclude(JsonInclude.Include.NON_NULL) String callbackUrl) {
}
