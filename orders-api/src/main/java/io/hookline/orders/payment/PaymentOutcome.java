package io.hookline.orders.payment;

import io.hookline.orders.order.Order;

/**
 * The order after a payment attempt and whether the payment was approved.
 *
 * @param order the order as stored after the attempt
 */
public record PaymentOutcome(Order order, boolean approved) {
}
