package io.hookline.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An order as the API shows it (snake_case JSON; money as decimal strings; absent optional fields omitted). A
 * cancelled order adds {@code cancelled_at} and {@code cancellation_reason}; a refunded one {@code refunded_at},
 * {@code refund_id}, {@code refund_reason} and {@code refunded_amount}.
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
        Instant paidAt,
        Instant cancelledAt,
        String cancellationReason,
        Instant refundedAt,
        String refundId,
        String refundReason,
        String refundedAmount) {

    public static OrderResponse of(Order order) {
        Cancellation cancellation = order.cancellation();
        Refund refund = order.refund();
        return new OrderResponse(order.id(), order.status().value(), order.customerEmail(), order.productName(),
                order.quantity(), order.unitPrice().toPlainString(), order.currency().getCurrencyCode(),
                order.amount().toPlainString(), order.callbackUrl(), order.failureReason(), order.createdAt(),
                order.updatedAt(), order.paidAt(),
                cancellation == null ? null : cancellation.cancelledAt(),
                cancellation == null ? null : cancellation.reason(),
                refund == null ? null : refund.refundedAt(),
                refund == null ? null : refund.id(),
                refund == null ? null : refund.reason(),
                refund == null ? null : refund.amount().toPlainString());
    }
}
