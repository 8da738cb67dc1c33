package io.hookline.orders.payment;

/** What the payment processor answered. */
public sealed interface PaymentResult {

    /** The charge went through. */
    record Approved() implements PaymentResult {
    }

    /**
     * The charge was refused.
     *
     * @param reason a stable, machine-readable code such as {@code card_declined}
     */
    record Declined(String reason) implements PaymentResult {
    }
}
