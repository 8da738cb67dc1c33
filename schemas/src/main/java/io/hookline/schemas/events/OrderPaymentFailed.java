package io.hookline.schemas.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Payload of {@link EventTypes#ORDER_PAYMENT_FAILED}: a payment attempt was declined and the order stays payable.
 * Matches {@code schemas/order-payment-failed.schema.json}. Money is a {@link BigDecimal} written as a decimal
 * string, with its ISO 4217 currency code beside it.
 *
 * @param failureReason a stable, machine-readable code such as {@code card_declined}
 * @param failedAt when the attempt was declined (UTC)
 * @param callbackUrl the per-order callback URL given at order creation, or {@code null}
 */
public record OrderPaymentFailed(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("product_name") String productName,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("unit_price") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonProperty("failure_reason") String failureReason,
        @JsonProperty("failed_at") Instant failedAt,
        @JsonProperty("callback_url") @JsonInclude(JsonInclude.Include.NON_NULL) String callbackUrl) {
}
