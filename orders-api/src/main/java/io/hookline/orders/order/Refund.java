package io.hookline.orders.order;

import java.time.Instant;
import java.util.Objects;

/**
 * The refund of a paid order. Refunds are full: {@code amount} equals the order's amount (partial refunds are not
 * supported yet).
 *
 * @param id {@code re_} followed by 24 lower-case hex digits
 * @param amount what was refunded
 * @param reason a stable code such as {@code requested_by_customer} ({@link ReasonCode})
 * @param refundedAt when
 */
public record Refund(String id, Money amount, String reason, Instant refundedAt) {

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
