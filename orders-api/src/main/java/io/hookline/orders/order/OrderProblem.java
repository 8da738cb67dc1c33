package io.hookline.orders.order;

import io.hookline.support.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of an order's state changes (docs/errors.md), beside the common ones. */
public enum OrderProblem implements ProblemType {

    ORDER_NOT_CANCELLABLE("order-not-cancellable", "Order not cancellable"),
    ORDER_NOT_REFUNDABLE("order-not-refundable", "Order not refundable");

    private final String slug;
    private final String title;

    OrderProblem(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return title;
    }
}
