package io.hookline.orders.order;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderCancelled;
import io.hookline.schemas.events.OrderCreated;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.OrderPaymentFailed;
import io.hookline.schemas.events.OrderRefunded;
import java.util.UUID;

/**
 * Builds the events of an order's changes, one per state it enters: {@code order.created},
 * {@code order.paid}, {@code order.payment_failed}, {@code order.cancelled}, {@code order.refunded}. Each refuses
 * an order that is not in the matching state. Stateless.
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** {@code order.created}: occurred at = created at, data = the order as placed (callback URL when set). */
    public static EventEnvelope<OrderCreated> created(Order created, UUID eventId) {
        if (created.status() != OrderStatus.PENDING_PAYMENT) {
            throw new IllegalArgumentException("order " + created.id() + " is not a new order");
        }
        OrderCreated data = new OrderCreated(created.id(), created.customerEmail(), created.productName(),
                created.quantity(), created.unitPrice().amount(), created.currency().getCurrencyCode(),
                created.amount().amount(), created.createdAt(), created.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_CREATED, created.createdAt(), data);
    }

    /** {@code order.paid}: given id, occurred at = paid at, data = the order's payload. */
    public static EventEnvelope<OrderPaid> paid(Order paid, UUID eventId) {
        if (paid.status() != OrderStatus.PAID || paid.paidAt() == null) {
            throw new IllegalArgumentException("order " + paid.id() + " is not paid");
        }
        OrderPaid data = new OrderPaid(paid.id(), paid.customerEmail(), paid.productName(), paid.quantity(),
                paid.unitPrice().amount(), paid.currency().getCurrencyCode(), paid.amount().amount(),
                paid.paidAt(), paid.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_PAID, paid.paidAt(), data);
    }

    /** {@code order.payment_failed}: occurred at = the decline (the order's updated at), with the reason code. */
    public static EventEnvelope<OrderPaymentFailed> paymentFailed(Order failed, UUID eventId) {
        if (failed.status() != OrderStatus.PAYMENT_FAILED || failed.failureReason() == null) {
            throw new IllegalArgumentException("order " + failed.id() + " has no failed payment");
        }
        OrderPaymentFailed data = new OrderPaymentFailed(failed.id(), failed.customerEmail(), failed.productName(),
                failed.quantity(), failed.unitPrice().amount(), failed.currency().getCurrencyCode(),
                failed.amount().amount(), failed.failureReason(), failed.updatedAt(), failed.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_PAYMENT_FAILED, failed.updatedAt(), data);
    }

    /** {@code order.cancelled}: occurred at = cancelled at, with the cancellation reason. */
    public static EventEnvelope<OrderCancelled> cancelled(Order cancelled, UUID eventId) {
        Cancellation cancellation = cancelled.cancellation();
        if (cancelled.status() != OrderStatus.CANCELLED || cancellation == null) {
            throw new IllegalArgumentException("order " + cancelled.id() + " is not cancelled");
        }
        OrderCancelled data = new OrderCancelled(cancelled.id(), cancelled.customerEmail(),
                cancelled.productName(), cancelled.quantity(), cancelled.unitPrice().amount(),
                cancelled.currency().getCurrencyCode(), cancelled.amount().amount(), cancellation.reason(),
                cancellation.cancelledAt(), cancelled.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_CANCELLED, cancellation.cancelledAt(), data);
    }

    /** {@code order.refunded}: occurred at = refunded at, with the refund's id, amount and reason. */
    public static EventEnvelope<OrderRefunded> refunded(Order refunded, UUID eventId) {
        Refund refund = refunded.refund();
        if (refunded.status() != OrderStatus.REFUNDED || refund == null) {
            throw new IllegalArgumentException("order " + refunded.id() + " is not refunded");
        }
        OrderRefunded data = new OrderRefunded(refunded.id(), refunded.customerEmail(), refunded.productName(),
                refunded.quantity(), refunded.unitPrice().amount(), refunded.currency().getCurrencyCode(),
                refunded.amount().amount(), refund.id(), refund.amount().amount(), refund.reason(),
                refund.refundedAt(), refunded.callbackUrl());
        return new EventEnvelope<>(eventId, EventTypes.ORDER_REFUNDED, refund.refundedAt(), data);
    }
}
