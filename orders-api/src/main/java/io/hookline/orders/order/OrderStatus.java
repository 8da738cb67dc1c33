package io.hookline.orders.order;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lifecycle of an order: {@code pending_payment -> paid -> refunded}; a declined payment makes it
 * {@code payment_failed}, which may be paid again; an unpaid order ({@code pending_payment} or
 * {@code payment_failed}) may be {@code cancelled}. {@code cancelled} and {@code refunded} are final.
 */
public enum OrderStatus {

    PENDING_PAYMENT("pending_payment"),
    PAID("paid"),
    PAYMENT_FAILED("payment_failed"),
    CANCELLED("cancelled"),
    REFUNDED("refunded");

    /** The statuses an order may be paid (again) from, and cancelled from: the unpaid ones. */
    public static final Set<OrderStatus> UNPAID = EnumSet.of(PENDING_PAYMENT, PAYMENT_FAILED);

    /** The statuses an order may be refunded from. */
    public static final Set<OrderStatus> REFUNDABLE = EnumSet.of(PAID);

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    /** The wire and database form, e.g. {@code pending_payment}. */
    public String value() {
        return value;
    }

    /** Whether an order in this status may be paid (again). */
    public boolean isPayable() {
        return UNPAID.contains(this);
    }

    /** Whether an order in this status may be cancelled: only an unpaid one. */
    public boolean isCancellable() {
        return UNPAID.contains(this);
    }

    /** Whether an order in this status may be refunded: only a paid one. */
    public boolean isRefundable() {
        return REFUNDABLE.contains(this);
    }

    public static OrderStatus fromValue(String value) {
        for (OrderStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown order status: " + value);
    }

    /** Every wire value, comma-separated, for messages: {@code pending_payment, paid, ...}. */
    public static String allValues() {
        return Arrays.stream(values()).map(OrderStatus::value).collect(Collectors.joining(", "));
    }
}
