package io.hookline.orders.order;

import java.time.Instant;
import java.util.Objects;

/**
 * How an order was cancelled.
 *
 * @param reason a stable code such as {@code requested_by_customer} ({@link ReasonCode})
 * @param cancelledAt when
 */
public record Cancellation(String reason, Instant cancelledAt) {

    public Cancellation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}
