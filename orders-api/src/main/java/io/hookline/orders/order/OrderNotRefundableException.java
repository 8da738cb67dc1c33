package io.hookline.orders.order;

import io.hookline.support.problem.ConflictException;

/** Only a paid order can be refunded; this one is unpaid, cancelled or already refunded. */
public class OrderNotRefundableException extends ConflictException {

    public OrderNotRefundableException(String orderId, OrderStatus status) {
        super(OrderProblem.ORDER_NOT_REFUNDABLE, "Order " + orderId + " is " + status.value()
                + "; only a paid order can be refunded.");
    }
}
