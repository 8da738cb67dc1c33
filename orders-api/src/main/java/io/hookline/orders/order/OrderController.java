package io.hookline.orders.order;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.auth.RequiredScope;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.idempotency.IdempotentRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /orders}: create, read and list orders. */
@RestController
class OrderController {

    private final OrderService orders;
    private final NewOrderValidator validator;
    private final IdempotentRequests idempotent;

    OrderController(OrderService orders, NewOrderValidator validator, IdempotentRequests idempotent) {
        this.orders = orders;
        this.validator = validator;
        this.idempotent = idempotent;
    }

    /** 201 with the order; with an {@code Idempotency-Key}, a repeat of the same request gets the same answer. */
    @RequiredScope(Scope.WRITE)
    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody JsonNode body, Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) {
        NewOrder newOrder = validator.validate(body);
        return idempotent.execute(caller.idempotencyOwner(), idempotencyKey, request.getMethod(),
                request.getRequestURI(), body, claim -> {
            Order order = orders.create(newOrder, caller, claim);
            return ResponseEntity.created(URI.create(OrderService.location(order))).body(OrderResponse.of(order));
        });
    }

    /** 404 also for another client's order: its existence is not revealed. */
    @RequiredScope(Scope.READ)
    @GetMapping("/orders/{id}")
    OrderResponse get(@PathVariable String id, Caller caller) {
        return OrderResponse.of(orders.get(id, caller));
    }

    /**
     * The caller's orders (an admin's: all), newest first, optionally filtered; {@code limit} 1 to 100 (default 20);
     * {@code cursor} = a next_cursor.
     */
    @RequiredScope(Scope.READ)
    @GetMapping("/orders")
    OrderListResponse list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(name = "customer_email", required = false) String customerEmail,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        OrderQuery query = OrderQuery.parse(status, customerEmail, cursor, limit);
        List<Order> found = orders.find(query, caller);
        boolean hasMore = found.size() > query.limit();
        List<Order> page = found.stream().limit(query.limit()).toList();
        String next = hasMore ? OrderCursor.after(page.getLast()).encode() : null;
        return new OrderListResponse(page.stream().map(OrderResponse::of).toList(), hasMore, next);
    }
}
