package io.hookline.orders.payment;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.client.ClientService;
import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.order.Order;
import io.hookline.orders.order.OrderAlreadyPaidException;
import io.hookline.orders.order.OrderRepository;
import io.hookline.orders.order.OrderResponse;
import io.hookline.orders.order.OrderService;
import io.hookline.orders.outbox.Outbox;
import io.hookline.orders.system.IdGenerator;
import io.hookline.support.logging.LogFields;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays orders. Thread-safe.
 *
 * <p>The charge happens outside any transaction (a real processor is a remote call). An approved charge is then
 * recorded in ONE transaction: the conditional order update ({@code paid} only if still payable) and the outbox
 * row with the {@code order.paid} event. Of concurrent payments of one order exactly one commits; the others
 * get {@link OrderAlreadyPaidException} and write nothing. A decline is recorded the same conditional way, with
 * an {@code order.payment_failed} event; the order stays payable. The idempotency claim stores the answer (200 or
 * 402) in the same transaction. The event carries the order's client and its current callback key versions
 * ({@link ClientService#eventClient}).
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private final OrderService orders;
    private final OrderRepository repository;
    private final PaymentProcessor processor;
    private final Outbox outbox;
    private final ClientService clients;
    private final IdGenerator ids;
    private final TransactionTemplate transactions;

    PaymentService(OrderService orders, OrderRepository repository, PaymentProcessor processor, Outbox outbox,
            ClientService clients, IdGenerator ids, TransactionTemplate transactions) {
        this.clients = clients;
        this.orders = orders;
        this.repository = repository;
        this.processor = processor;
        this.outbox = outbox;
        this.ids = ids;
        this.transactions = transactions;
    }

    /** Whether the payment method is one the processor accepts. */
    public boolean supports(String paymentMethod) {
        return processor.supports(paymentMethod);
    }

    /**
     * Charges the order's amount and records the outcome.
     *
     * @throws io.hookline.orders.order.OrderNotFoundException when there is no such order the caller may see
     * @throws OrderAlreadyPaidException when the order is (or concurrently became) paid
     */
    public PaymentOutcome pay(String orderId, Caller caller, String paymentMethod, IdempotencyClaim claim) {
        Order order = orders.get(orderId, caller);
        if (!order.status().isPayable()) {
            throw new OrderAlreadyPaidException(orderId);
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
        Order recorded = transactions.execute(status -> {
            if (!repository.updatePaymentIfPayable(paid)) {
                throw new OrderAlreadyPaidException(paid.id());
            }
            outbox.append(paid.id(), OrderEvents.paid(paid, eventId), clients.eventClient(paid.clientId()));
            claim.complete(HttpStatus.OK.value(), OrderResponse.of(paid), null);
            return paid;
        });
        try (LogFields fields = LogFields.of(paid.id(), eventId.toString())) {
            log.info("Order {} paid; event {} is in the outbox", paid.id(), eventId);
        }
        return recorded;
    }

    private Order recordDeclined(Order failed, IdempotencyClaim claim) {
        UUID eventId = ids.randomUuid();
        Order recorded = transactions.execute(status -> {
            if (!repository.updatePaymentIfPayable(failed)) {
                throw new OrderAlreadyPaidException(failed.id());
            }
            outbox.append(failed.id(), OrderEvents.paymentFailed(failed, eventId),
                    clients.eventClient(failed.clientId()));
            claim.complete(HttpStatus.PAYMENT_REQUIRED.value(), OrderResponse.of(failed), null);
            return failed;
        });
        try (LogFields fields = LogFields.of(failed.id(), eventId.toString())) {
            log.info("Order {} payment declined ({}); event {} is in the outbox", failed.id(),
                    failed.failureReason(), eventId);
        }
        return recorded;
    }
}
