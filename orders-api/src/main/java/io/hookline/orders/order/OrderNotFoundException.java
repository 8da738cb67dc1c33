package io.hookline.orders.order;

import io.hookline.support.problem.NotFoundException;

/** No order has the requested id. */
public class OrderNotFoundException extends NotFoundException {

    public OrderNotFoundException(String orderId) {
        super("There is no order " + orderId + ".");
    }
}
