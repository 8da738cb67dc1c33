package io.hookline.orders.refund;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.order.Order;
import io.hookline.orders.order.OrderEvents;
import io.hookline.orders.order.OrderNotRefundableException;
import io.hookline.orders.order.OrderService;
import io.hookline.orders.order.OrderStatus;
import io.hookline.orders.order.OrderTransitions;
import io.hookline.orders.system.IdGenerator;
import io.hookline.support.logging.LogFields;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Refunds paid orders, in full: the refunded amount is the order's amount (partial refunds are not supported yet).
 * The simulated processor has nothing to pay back, so a refund is only recorded. Thread-safe.
 *
 * <p>The refund commits in ONE transaction ({@link OrderTransitions}): the conditional update (only while the order
 * is still {@code paid}), the outbox row with the {@code order.refunded} event and the idempotency claim's 200
 * answer. Of concurrent refunds of one order exactly one commits; the others get a 409 and write nothing.
 */
@Service
public class RefundService {

    /** Refund ids are {@code re_} followed by 24 lower-case hex digits of a random UUID. */
    public static final String ID_PREFIX = "re_";
    private static final int ID_HEX_DIGITS = 24;
    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final OrderService orders;
    private final OrderTransitions transitions;
    private final IdGenerator ids;

    RefundService(OrderService orders, OrderTransitions transitions, IdGenerator ids) {
        this.orders = orders;
        this.transitions = transitions;
        this.ids = ids;
    }

    /**
     * Refunds the order in full.
     *
     * @param reason a validated reason code
     * @throws io.hookline.orders.order.OrderNotFoundException when there is no such order the caller may see
     * @throws OrderNotRefundableException when the order is not (or concurrently stopped being) paid
     */
    public Order refund(String orderId, Caller caller, String reason, IdempotencyClaim claim) {
        Order order = orders.get(orderId, caller);
        if (!order.status().isRefundable()) {
            throw new OrderNotRefundableException(orderId, order.status());
        }
        Order refunded = order.refunded(newRefundId(), reason, orders.now());
        UUID eventId = ids.randomUuid();
        Order recorded = transitions.record(refunded, OrderStatus.REFUNDABLE, OrderEvents.refunded(refunded, eventId),
                claim, HttpStatus.OK, status -> new OrderNotRefundableException(orderId, status));
        try (LogFields fields = LogFields.of(orderId, eventId.toString())) {
            log.info("Order {} refunded ({}, refund {}); event {} is in the outbox", orderId, reason,
                    refunded.refund().id(), eventId);
        }
        return recorded;
    }

    private String newRefundId() {
        return ID_PREFIX + ids.randomUuid().toString().replace("-", "").substring(0, ID_HEX_DIGITS);
    }
}
