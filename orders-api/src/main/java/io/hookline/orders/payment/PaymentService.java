package io.hookline.orders.payment;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.order.Order;
import io.hookline.orders.order.OrderEvents;
import io.hookline.orders.order.OrderNotPayableException;
import io.hookline.orders.order.OrderService;
import io.hookline.orders.order.OrderStatus;
import io.hookline.orders.order.OrderTransitions;
import io.hookline.orders.system.IdGenerator;
import io.hookline.support.logging.LogFields;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Pays orders. Thread-safe.
 *
 * <p>The charge happens outside any transaction (a real processor is a remote call). An approved charge is then
 * recorded in ONE transaction ({@link OrderTransitions}): the conditional order update ({@code paid} only if still
 * payable: {@code pending_payment} or {@code payment_failed}) and the outbox row with the {@code order.paid} event.
 * Of concurrent payments (or a payment and a cancellation) of one order exactly one commits; the others get
 * {@link OrderNotPayableException} and write nothing. A decline is recorded the same conditional way, with an
 * {@code order.payment_failed} event; the order stays payable. The idempotency claim stores the answer (200 or
 * 402) in the same transaction.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private final OrderService orders;
    private final OrderTransitions transitions;
    private final PaymentProcessor processor;
    private final IdGenerator ids;

    PaymentService(OrderService orders, OrderTransitions transitions, PaymentProcessor processor, IdGenerator ids) {
        this.orders = orders;
        this.transitions = transitions;
        this.processor = processor;
        this.ids = ids;
    }

    /** Whether the payment method is one the processor accepts. */
    public boolean supports(String paymentMethod) {
        return processor.supports(paymentMethod);
    }

    /**
     * Charges the order's amount and records the outcome.
     *
     * @throws io.hookline.orders.order.OrderNotFoundException when there is no such order the caller may see
     * @throws OrderNotPayableException when the order is (or concurrently became) paid, cancelled or refunded
     */
    public PaymentOutcome pay(String orderId, Caller caller, String paymentMethod, IdempotencyClaim claim) {
        Order order = orders.get(orderId, caller);
        if (!order.status().isPayable()) {
            throw new OrderNotPayableException(orderId, order.status());
        }
        PaymentResult result = processor.charge(paymentMethod, order.amount());
        Instant now = orders.now();
        return switch (result) {
            case PaymentResult.Approved approved -> new PaymentOutcome(recordPaid(order.paid(now), claim), true);
            case PaymentResult.Declined declined ->
                    new PaymentOutcome(recordDeclined(order.paymentFailed(declined.reason(), now), claim), false);
        };
    }

    private Order recordPaid(Order paid, IdempotencyClaim claim) {
        UUID eventId = ids.randomUuid();
        Order recorded = transitions.record(paid, OrderStatus.UNPAID, OrderEvents.paid(paid, eventId), claim,
                HttpStatus.OK, status -> new OrderNotPayableException(paid.id(), status));
        try (LogFields fields = LogFields.of(paid.id(), eventId.toString())) {
            log.info("Order {} paid; event {} is in the outbox", paid.id(), eventId);
        }
        return recorded;
    }

    private Order recordDeclined(Order failed, IdempotencyClaim claim) {
        UUID eventId = ids.randomUuid();
        Order recorded = transitions.record(failed, OrderStatus.UNPAID, OrderEvents.paymentFailed(failed, eventId),
                claim, HttpStatus.PAYMENT_REQUIRED, status -> new OrderNotPayableException(failed.id(), status));
        try (LogFields fields = LogFields.of(failed.id(), eventId.toString())) {
            log.info("Order {} payment declined ({}); event {} is in the outbox", failed.id(),
                    failed.failureReason(), eventId);
        }
        return recorded;
    }
}
