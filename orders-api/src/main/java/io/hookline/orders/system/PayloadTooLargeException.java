package io.hookline.orders.system;

import java.io.IOException;

/**
 * Thrown by the request body stream once a body passes the configured limit. It is an {@link IOException}
 * so that it travels through the message converters; {@link ProblemAdvice} finds it in the cause chain.
 */
public final class PayloadTooLargeException extends IOException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
