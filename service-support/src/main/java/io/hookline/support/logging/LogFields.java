package io.hookline.support.logging;

import org.slf4j.MDC;

/**
 * Puts the order and event a piece of work is about into the logging MDC ({@code order_id}, {@code event_id}),
 * so every line written meanwhile carries them: as fields of the JSON line with structured logging
 * ({@code logging.structured.format.console=ecs}), or through {@code %X{order_id}} in a pattern. Use with
 * try-with-resources on the thread that does the work; closing restores what was there before, so scopes nest.
 */
public final class LogFields implements AutoCloseable {

    public static final String ORDER_ID = "order_id";
    public static final String EVENT_ID = "event_id";

    private final String previousOrderId;
    private final String previousEventId;

    private LogFields(String orderId, String eventId) {
        previousOrderId = MDC.get(ORDER_ID);
        previousEventId = MDC.get(EVENT_ID);
        put(ORDER_ID, orderId);
        put(EVENT_ID, eventId);
    }

    /** Sets both fields until {@link #close()}; a {@code null} value leaves that field as it was. */
    public static LogFields of(String orderId, String eventId) {
        return new LogFields(orderId, eventId);
    }

    @Override
    public void close() {
        restore(ORDER_ID, previousOrderId);
        restore(EVENT_ID, previousEventId);
    }

    private static void put(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
