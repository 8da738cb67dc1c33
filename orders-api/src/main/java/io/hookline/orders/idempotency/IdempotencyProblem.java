package io.hookline.orders.idempotency;

import io.hookline.support.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of {@code Idempotency-Key} requests (docs/errors.md), beside the common ones. */
public enum IdempotencyProblem implements ProblemType {

    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "idempotency-key-in-use", "Idempotency key in use");

    private final HttpStatus status;
    private final String slug;
    private final String title;

    IdempotencyProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
