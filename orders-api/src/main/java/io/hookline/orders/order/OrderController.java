package io.hookline.orders.order;

import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /orders}: create, read and list orders. */
@RestController
class OrderController {

    static final int PAGE_SIZE = 100;

    private final OrderService orders;
    private final NewOrderValidator validator;

    OrderController(OrderService orders, NewOrderValidator validator) {
        this.orders = orders;
        this.validator = validator;
    }

    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderResponse> create(@RequestBody JsonNode body) {
        Order order = orders.create(validator.validate(body));
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(OrderResponse.of(order));
    }

    @GetMapping("/orders/{id}")
    OrderResponse get(@PathVariable String id) {
        return OrderResponse.of(orders.get(id));
    }

    @GetMapping("/orders")
    OrderListResponse list() {
        List<Order> newest = orders.newest(PAGE_SIZE + 1);
        List<OrderResponse> page = newest.stream().limit(PAGE_SIZE).map(OrderResponse::of).toList();
        return new OrderListResponse(page, newest.size() > PAGE_SIZE);
    }
}
