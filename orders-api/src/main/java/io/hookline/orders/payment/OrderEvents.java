package io.hookline.orders.payment;

import io.hookline.orders.order.Order;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.OrderPaymentFailed;
import java.util.UUID;

/** Builds the events of payment outcomes: {@code order.paid} and {@code order.payment_failed}. */
final class OrderEvents {

    private OrderEvents() {
    }

    /** {@code order.paid}: given id, occurred at = paid at, data = the order's payload. */
    static EventEnvelope<OrderPaid> paid(Order paid, UUID eventId) {
        if (paid.paidAt() == null) {
            throw new IllegalArgumentException("order " + paid.id() + " is not paid");
        }
        OrderPaid data = new OrderPaid(paid.id(), paid.customerEmail(), paid.productName(), paid.quantity(),
                paid.unitPrice().amount(), paid.currency().getCurrencyCode(), paid.amount().amount(),
                paid.paidAt(), paid.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_PAID, paid.paidAt(), data);
    }

    /** {@code order.payment_failed}: occurred at = the decline (the order's updated at), with the reason code. */
    static EventEnvelope<OrderPaymentFailed> paymentFailed(Order failed, UUID eventId) {
        if (failed.failureReason() == null) {
            throw new IllegalArgumentException("order " + failed.id() + " has no failed payment");
        }
        OrderPaymentFailed data = new OrderPaymentFailed(failed.id(), failed.customerEmail(), failed.productName(),
                failed.quantity(), failed.unitPrice().amount(), failed.currency().getCurrencyCode(),
                failed.amount().amount(), failed.failureReason(), failed.updatedAt(), failed.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_PAYMENT_FAILED, failed.updatedAt(), data);
    }
}
