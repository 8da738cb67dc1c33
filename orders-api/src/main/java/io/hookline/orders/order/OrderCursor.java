package io.hookline.orders.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the newest-first order list: the last order of a page (creation time, id). Clients see it as an
 * opaque URL-safe string ({@code next_cursor}) and pass it back as {@code cursor}; it stays valid however many
 * orders are created meanwhile (keyset pagination, no offsets).
 */
record OrderCursor(Instant createdAt, String id) {

    static OrderCursor after(Order last) {
        return new OrderCursor(last.createdAt(), last.id());
    }

    String encode() {
        String plain = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; empty when it is not one we issued. */
    static Optional<OrderCursor> decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 1 || !plain.substring(bar + 1).startsWith(OrderService.ID_PREFIX)) {
                return Optional.empty();
            }
            return Optional.of(new OrderCursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
