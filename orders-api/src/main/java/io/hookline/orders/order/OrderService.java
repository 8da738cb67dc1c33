package io.hookline.orders.order;

import io.hookline.orders.idempotency.IdempotencyClaim;
import io.hookline.orders.system.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, reads and lists orders. Thread-safe. */
@Service
public class OrderService {

    /** Order ids are {@code ord_} followed by the 32 lower-case hex digits of a random UUID. */
    public static final String ID_PREFIX = "ord_";

    private final OrderRepository repository;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OrderService(OrderRepository repository, IdGenerator ids, Clock clock, TransactionTemplate transactions) {
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Stores a new order; the idempotency claim records the 201 answer in the same transaction. */
    public Order create(NewOrder request, IdempotencyClaim claim) {
        Order order = Order.create(newId(), request, now());
        return transactions.execute(status -> {
            repository.insert(order);
            claim.complete(HttpStatus.CREATED.value(), OrderResponse.of(order), location(order));
            return order;
        });
    }

    /** The path of an order's resource, as sent in {@code Location}. */
    public static String location(Order order) {
        return "/orders/" + order.id();
    }

    /** @throws OrderNotFoundException when there is no such order */
    public Order get(String id) {
        return repository.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** One page of orders matching the query, newest first; one more than asked tells whether there are more. */
    public List<Order> find(OrderQuery query) {
        return repository.find(query);
    }

    /** The current time as stored and shown: UTC, millisecond precision. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String newId() {
        return ID_PREFIX + ids.randomUuid().toString().replace("-", "");
    }
}
