package io.hookline.orders.order;

/**
 * A validated request to create an order.
 *
 * @param callbackUrl absolute http(s) URL, or {@code null}
 */
public record NewOrder(String customerEmail, String productName, int quantity, Money unitPrice,
        String callbackUrl) {
}
