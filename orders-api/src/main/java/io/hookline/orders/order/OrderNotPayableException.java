package io.hookline.orders.order;

import io.hookline.support.problem.ConflictException;

/** The order is paid, cancelled or refunded (possibly by a concurrent request a moment ago): it cannot be paid. */
public class OrderNotPayableException extends ConflictException {

    public OrderNotPayableException(String orderId, OrderStatus status) {
        super(message(orderId, status));
    }

    private static String message(String orderId, OrderStatus status) {
        return switch (status) {
            case PAID -> "Order " + orderId + " is already paid.";
            case CANCELLED -> "Order " + orderId + " is cancelled; it can no longer be paid.";
            case REFUNDED -> "Order " + orderId + " is already paid and refunded.";
            default -> "Order " + orderId + " cannot be paid in status " + status.value() + ".";
        };
    }
}
