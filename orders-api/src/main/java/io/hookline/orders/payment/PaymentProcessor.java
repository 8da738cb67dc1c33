package io.hookline.orders.payment;

import io.hookline.orders.order.Money;

/** Charges a payment method. Implementations are thread-safe. */
public interface PaymentProcessor {

    /** Whether the payment method is one this processor can charge (others are a validation error). */
    boolean supports(String paymentMethod);

    /**
     * Charges the amount.
     *
     * @throws IllegalArgumentException when {@link #supports} is false for the payment method
     */
    PaymentResult charge(String paymentMethod, Money amount);
}
