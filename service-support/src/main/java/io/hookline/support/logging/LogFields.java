package io.hookline.support.logging;

import io.hookline.support.tracing.TraceHandoff;
import org.slf4j.MDC;

/**
 * Puts the order and event a piece of work is about into the logging MDC ({@code order_id}, {@code event_id}),
 * so every line written meanwhile carries them: as fields of the JSON line with structured logging
 * ({@code logging.structured.format.console=ecs}), or through {@code %X{order_id}} in a pattern. Use with
 * try-with-resources on the thread that does the work; closing restores what was there before, so scopes nest.
 *
 * <p>Work that runs on a thread where no span is current (an HTTP client's event loop answering a webhook
 * request) can name its trace with {@link #of(String, String, String)}: the trace id of the stored
 * {@code traceparent} then goes into {@code traceId}, the MDC key Spring Boot uses, unless a span already set it.
 */
public final class LogFields implements AutoCloseable {

    public static final String ORDER_ID = "order_id";
    public static final String EVENT_ID = "event_id";
    /** Spring Boot's MDC key of the current trace id. */
    public static final String TRACE_ID = "traceId";

    private final String previousOrderId;
    private final String previousEventId;
    private final String previousTraceId;

    private LogFields(String orderId, String eventId, String traceparent) {
        previousOrderId = MDC.get(ORDER_ID);
        previousEventId = MDC.get(EVENT_ID);
        previousTraceId = MDC.get(TRACE_ID);
        put(ORDER_ID, orderId);
        put(EVENT_ID, eventId);
        if (previousTraceId == null) {
            put(TRACE_ID, TraceHandoff.traceIdOf(traceparent));
        }
    }

    /** Sets both fields until {@link #close()}; a {@code null} value leaves that field as it was. */
    public static LogFields of(String orderId, String eventId) {
        return new LogFields(orderId, eventId, null);
    }

    /** As {@link #of(String, String)}, and {@code traceId} from {@code traceparent} when no span has set it. */
    public static LogFields of(String orderId, String eventId, String traceparent) {
        return new LogFields(orderId, eventId, traceparent);
    }

    @Override
    public void close() {
        restore(ORDER_ID, previousOrderId);
        restore(EVENT_ID, previousEventId);
        restore(TRACE_ID, previousTraceId);
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
