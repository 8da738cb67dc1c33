package io.hookline.orders.order;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.client.ClientService;
import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.outbox.Outbox;
import io.hookline.orders.system.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, reads and lists orders. Thread-safe.
 *
 * <p>A new order commits in ONE transaction with its {@code order.created} outbox row (occurred at = created at) and
 * the idempotency claim's 201 answer.
 */
@Service
public class OrderService {

    /** Order ids are {@code ord_} followed by the 32 lower-case hex digits of a random UUID. */
    public static final String ID_PREFIX = "ord_";

    private final OrderRepository repository;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final ClientService clients;

    OrderService(OrderRepository repository, IdGenerator ids, Clock clock, TransactionTemplate transactions,
            Outbox outbox, ClientService clients) {
        this.outbox = outbox;
        this.clients = clients;
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Stores a new order of the caller's client with its {@code order.created} event; the claim records the 201
     * answer in the same transaction.
     */
    public Order create(NewOrder request, Caller caller, IdempotencyClaim claim) {
        Order order = Order.create(newId(), request, caller.clientId(), now());
        UUID eventId = ids.randomUuid();
        return transactions.execute(status -> {
            repository.insert(order);
            outbox.append(order.id(), OrderEvents.created(order, eventId), clients.eventClient(order.clientId()));
            claim.complete(HttpStatus.CREATED.value(), OrderResponse.of(order), location(order));
            return order;
        });
    }

    /** The path of an order's resource, as sent in {@code Location}. */
    public static String location(Order order) {
        return "/orders/" + order.id();
    }

    /**
     * The order, if the caller may see it.
     *
     * @throws OrderNotFoundException when there is no such order, or it belongs to another client (the answer
     *         does not tell the two apart)
     */
    public Order get(String id, Caller caller) {
        return repository.findById(id).filter(order -> caller.canAccess(order.clientId()))
                .orElseThrow(() -> new OrderNotFoundException(id));
    }

    /**
     * One page of the caller's orders (every order for an admin) matching the query, newest first; one more than
     * asked tells whether there are more.
     */
    public List<Order> find(OrderQuery query, Caller caller) {
        return repository.find(query, caller.visibleClient());
    }

    /** The current time as stored and shown: UTC, millisecond precision. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String newId() {
        return ID_PREFIX + ids.randomUuid().toString().replace("-", "");
    }
}
