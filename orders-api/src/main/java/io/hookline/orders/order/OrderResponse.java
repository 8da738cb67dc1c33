package io.hookline.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An order as the API shows it (snake_case JSON; money as decimal strings; absent optional fields omitted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResponse(
        String id,
        String status,
        String customerEmail,
        String productName,
        int quantity,
        String unitPrice,
        String currency,
        String amount,
        String callbackUrl,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt) {

    public static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.status().value(), order.customerEmail(), order.productName(),
                order.quantity(), order.unitPrice().toPlainString(), order.currency().getCurrencyCode(),
                order.amount().toPlainString(), order.callbackUrl(), order.failureReason(), order.createdAt(),
                order.updatedAt(), order.paidAt());
    }
}
