package io.hookline.orders.order;

/** Lifecycle of an order. {@code pending_payment -> paid}, or {@code -> payment_failed -> (retry) -> paid}. */
public enum OrderStatus {

    PENDING_PAYMENT("pending_payment"),
    PAID("paid"),
    PAYMENT_FAILED("payment_failed");

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
        return this != PAID;
    }

    public static OrderStatus fromValue(String value) {
        for (OrderStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown order status: " + value);
    }
}
