package io.hookline.orders.payment;

import io.hookline.orders.order.Order;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import java.util.UUID;

/** Builds the {@code order.paid} event of a paid order. */
final class OrderPaidEvents {

    private OrderPaidEvents() {
    }

    /** The envelope: given id, type {@code order.paid}, occurred at = paid at, data = the order's payload. */
    static EventEnvelope<OrderPaid> of(Order paid, UUID eventId) {
        if (paid.paidAt() == null) {
            throw new IllegalArgumentException("order " + paid.id() + " is not paid");
        }
        OrderPaid data = new OrderPaid(paid.id(), paid.customerEmail(), paid.productName(), paid.quantity(),
                paid.unitPrice().amount(), paid.currency().getCurrencyCode(), paid.amount().amount(),
                paid.paidAt(), paid.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_PAID, paid.paidAt(), data);
    }
}
