package io.hookline.orders.order;

import io.hookline.orders.system.ConflictException;

/** The order is already paid (possibly by a concurrent request a moment ago). */
public class OrderAlreadyPaidException extends ConflictException {

    public OrderAlreadyPaidException(String orderId) {
        super("Order " + orderId + " is already paid.");
    }
}
