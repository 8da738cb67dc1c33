package io.hookline.orders.order;

import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page request of {@code GET /orders}: optional filters, an optional cursor, a page size.
 *
 * @param status only orders in this status, or {@code null} for all
 * @param customerEmail only orders of this exact e-mail address, or {@code null} for all
 * @param after continue after this position, or {@code null} for the first page
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 */
public record OrderQuery(OrderStatus status, String customerEmail, OrderCursor after, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Reads the query parameters (each may be {@code null}), or fails listing every bad one.
     *
     * @throws RequestValidationException with one violation per bad parameter
     */
    static OrderQuery parse(String status, String customerEmail, String cursor, String limit) {
        List<FieldViolation> violations = new ArrayList<>();
        OrderStatus parsedStatus = null;
        if (status != null) {
            try {
                parsedStatus = OrderStatus.fromValue(status);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("status", "must be one of " + OrderStatus.allValues()));
            }
        }
        if (customerEmail != null && (customerEmail.isBlank() || customerEmail.length() > 254)) {
            violations.add(new FieldViolation("customer_email", "must be an e-mail address"));
        }
        OrderCursor after = null;
        if (cursor != null) {
            after = OrderCursor.decode(cursor).orElse(null);
            if (after == null) {
                violations.add(new FieldViolation("cursor", "must be a next_cursor returned by this API"));
            }
        }
        int parsedLimit = parseLimit(limit, violations);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        return new OrderQuery(parsedStatus, customerEmail, after, parsedLimit);
    }

    private static int parseLimit(String limit, List<FieldViolation> violations) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new FieldViolation("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
