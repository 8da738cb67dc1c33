package io.hookline.orders.order;

import io.hookline.support.problem.ConflictException;

/** Only an unpaid order can be cancelled; this one is paid, refunded or already cancelled. */
public class OrderNotCancellableException extends ConflictException {

    public OrderNotCancellableException(String orderId, OrderStatus status) {
        super(OrderProblem.ORDER_NOT_CANCELLABLE, "Order " + orderId + " is " + status.value()
                + "; only an unpaid order (pending_payment or payment_failed) can be cancelled.");
    }
}
