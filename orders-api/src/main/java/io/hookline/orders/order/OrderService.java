package io.hookline.orders.order;

import io.hookline.orders.system.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/** Creates and reads orders. Thread-safe. */
@Service
public class OrderService {

    /** Order ids are {@code ord_} followed by the 32 lower-case hex digits of a random UUID. */
    public static final String ID_PREFIX = "ord_";

    private final OrderRepository repository;
    private final IdGenerator ids;
    private final Clock clock;

    OrderService(OrderRepository repository, IdGenerator ids, Clock clock) {
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
    }

    public Order create(NewOrder request) {
        Order order = Order.create(newId(), request, now());
        repository.insert(order);
        return order;
    }

    /** @throws OrderNotFoundException when there is no such order */
    public Order get(String id) {
        return repository.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** Up to {@code limit} orders, newest first. */
    public List<Order> newest(int limit) {
        return repository.findNewest(limit);
    }

    /** The current time as stored and shown: UTC, millisecond precision. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String newId() {
        return ID_PREFIX + ids.randomUuid().toString().replace("-", "");
    }
}
