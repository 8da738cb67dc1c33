package io.hookline.orders.order;

import java.time.Instant;
import java.util.Currency;

/**
 * An order, as stored. Immutable: state changes return a new instance that the repository then writes
 * conditionally.
 *
 * @param id {@code ord_} followed by 32 lower-case hex digits
 * @param amount unit price times quantity, exact
 * @param callbackUrl per-order callback URL, or {@code null}
 * @param failureReason why the last payment failed, when {@link OrderStatus#PAYMENT_FAILED}; else {@code null}
 * @param paidAt when it was paid, when {@link OrderStatus#PAID} or {@link OrderStatus#REFUNDED}; else {@code null}
 * @param clientId the API client that created it ({@code cli_…}), or {@code null}: created by the configured admin
 *        key or before clients existed, visible to admin keys only
 * @param cancellation when {@link OrderStatus#CANCELLED}; else {@code null}
 * @param refund when {@link OrderStatus#REFUNDED}; else {@code null}
 */
public record Order(
        String id,
        OrderStatus status,
        String customerEmail,
        String productName,
        int quantity,
        Money unitPrice,
        Money amount,
        String callbackUrl,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt,
        String clientId,
        Cancellation cancellation,
        Refund refund) {

    /** A new order awaiting payment. */
    static Order create(String id, NewOrder request, String clientId, Instant now) {
        return new Order(id, OrderStatus.PENDING_PAYMENT, request.customerEmail(), request.productName(),
                request.quantity(), request.unitPrice(), request.unitPrice().times(request.quantity()),
                request.callbackUrl(), null, now, now, null, clientId, null, null);
    }

    public Currency currency() {
        return unitPrice.currency();
    }

    /** This order, paid at the given instant. */
    public Order paid(Instant at) {
        return new Order(id, OrderStatus.PAID, customerEmail, productName, quantity, unitPrice, amount,
                callbackUrl, null, createdAt, at, at, clientId, null, null);
    }

    /** This order after a declined payment. */
    public Order paymentFailed(String reason, Instant at) {
        return new Order(id, OrderStatus.PAYMENT_FAILED, customerEmail, productName, quantity, unitPrice, amount,
                callbackUrl, reason, createdAt, at, null, clientId, null, null);
    }

    /** This order, cancelled for the given reason (the last payment failure, if any, stays recorded). */
    public Order cancelled(String reason, Instant at) {
        return new Order(id, OrderStatus.CANCELLED, customerEmail, productName, quantity, unitPrice, amount,
                callbackUrl, failureReason, createdAt, at, null, clientId, new Cancellation(reason, at), null);
    }

    /** This order, refunded in full (partial refunds are not supported yet). */
    public Order refunded(String refundId, String reason, Instant at) {
        return new Order(id, OrderStatus.REFUNDED, customerEmail, productName, quantity, unitPrice, amount,
                callbackUrl, null, createdAt, at, paidAt, clientId, null, new Refund(refundId, amount, reason, at));
    }
}
