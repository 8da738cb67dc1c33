package io.hookline.orders.cancellation;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.order.Order;
import io.hookline.orders.order.OrderEvents;
import io.hookline.orders.order.OrderNotCancellableException;
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
 * Cancels unpaid orders ({@code pending_payment} or {@code payment_failed}). Thread-safe.
 *
 * <p>The cancellation commits in ONE transaction ({@link OrderTransitions}): the conditional update (only while the
 * order is still unpaid), the outbox row with the {@code order.cancelled} event and the idempotency claim's 200
 * answer. Of a concurrent payment and cancellation exactly one commits; the loser gets a 409 and writes nothing.
 */
@Service
public class CancellationService {

    private static final Logger log = LoggerFactory.getLogger(CancellationService.class);

    private final OrderService orders;
    private final OrderTransitions transitions;
    private final IdGenerator ids;

    CancellationService(OrderService orders, OrderTransitions transitions, IdGenerator ids) {
        this.orders = orders;
        this.transitions = transitions;
        this.ids = ids;
    }

    /**
     * Cancels the order.
     *
     * @param reason a validated reason code
     * @throws io.hookline.orders.order.OrderNotFoundException when there is no such order the caller may see
     * @throws OrderNotCancellableException when the order is (or concurrently became) paid, refunded or cancelled
     */
    public Order cancel(String orderId, Caller caller, String reason, IdempotencyClaim claim) {
        Order order = orders.get(orderId, caller);
        if (!order.status().isCancellable()) {
            throw new OrderNotCancellableException(orderId, order.status());
        }
        Order cancelled = order.cancelled(reason, orders.now());
        UUID eventId = ids.randomUuid();
        Order recorded = transitions.record(cancelled, OrderStatus.UNPAID, OrderEvents.cancelled(cancelled, eventId),
                claim, HttpStatus.OK, status -> new OrderNotCancellableException(orderId, status));
        try (LogFields fields = LogFields.of(orderId, eventId.toString())) {
            log.info("Order {} cancelled ({}); event {} is in the outbox", orderId, reason, eventId);
        }
        return recorded;
    }
}
