package io.hookline.orders.order;

import io.hookline.orders.client.ClientService;
import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.outbox.Outbox;
import io.hookline.support.problem.ConflictException;
import io.hookline.schemas.events.EventEnvelope;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a change of an existing order with its event, in ONE transaction: the conditional update (only while the
 * stored status is still one it may change from), the outbox row, and the idempotency claim's answer. Of concurrent
 * changes of one order exactly one commits; the others get the caller's {@link ConflictException}, naming the status
 * the winner left, and write nothing. The event carries the order's client and its current callback key versions
 * ({@link ClientService#eventClient}). Thread-safe.
 */
@Component
public class OrderTransitions {

    private final OrderRepository repository;
    private final Outbox outbox;
    private final ClientService clients;
    private final TransactionTemplate transactions;

    OrderTransitions(OrderRepository repository, Outbox outbox, ClientService clients,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.outbox = outbox;
        this.clients = clients;
        this.transactions = transactions;
    }

    /**
     * Writes {@code changed} if the stored order's status is in {@code from}, appends {@code event} and completes the
     * claim with {@code answer} and the changed order.
     *
     * @param conflict the exception for the status found when the order may no longer change
     * @return {@code changed}, as committed
     */
    public Order record(Order changed, Set<OrderStatus> from, EventEnvelope<?> event, IdempotencyClaim claim,
            HttpStatus answer, Function<OrderStatus, ? extends ConflictException> conflict) {
        return transactions.execute(status -> {
            if (!repository.updateIfStatusIn(changed, from)) {
                Order current = repository.findById(changed.id())
                        .orElseThrow(() -> new OrderNotFoundException(changed.id()));
                throw conflict.apply(current.status());
            }
            outbox.append(changed.id(), event, clients.eventClient(changed.clientId()));
            claim.complete(answer.value(), OrderResponse.of(changed), null);
            return changed;
        });
    }
}
