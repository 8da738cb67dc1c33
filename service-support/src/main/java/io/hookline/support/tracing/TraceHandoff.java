package io.hookline.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Carries W3C trace context ({@code traceparent}, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01})
 * across the hand-offs the framework cannot see: an outbox row published later by another thread, a delivery
 * record that waits on a retry topic, a webhook request sent by the hand-written delivery engine.
 *
 * <p>The sending side stores {@link #current()} with the work; the receiving side wraps the work in
 * {@link #resume}, which starts a child span of the stored context and makes it current, so every log line in
 * between carries the same {@code traceId} (Spring Boot puts {@code traceId} and {@code spanId} in the MDC) and
 * whatever is sent on carries the trace further. Thread-safe.
 */
public class TraceHandoff {

    /** The W3C header name, as on HTTP requests and Kafka records. */
    public static final String TRACEPARENT = io.hookline.schemas.events.EventHeaders.TRACEPARENT;

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHandoff(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span, or {@code null} when there is none. */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span);
    }

    /**
     * Starts a span named {@code name} as a child of {@code traceparent} (a new trace when it is {@code null} or
     * malformed) and makes it current on this thread until the returned scope is closed, which also ends it.
     */
    public Scope resume(String traceparent, String name) {
        Span span = start(traceparent, name);
        return new Scope(span, tracer.withSpan(span), traceparentOr(span, traceparent));
    }

    /**
     * Starts a span named {@code name} as a child of {@code traceparent} without making it current: for work that
     * continues asynchronously, such as an outgoing request whose answer arrives on another thread. The caller
     * sends {@link Child#traceparent()} with the request and calls {@link Child#end()} when it is answered.
     */
    public Child child(String traceparent, String name) {
        Span span = start(traceparent, name);
        return new Child(span, traceparentOr(span, traceparent));
    }

    /** The trace id (32 hex digits) of a {@code traceparent} value, or {@code null} if it is not a valid one. */
    public static String traceIdOf(String traceparent) {
        return isValid(traceparent) ? traceparent.substring(3, 35) : null;
    }

    private static boolean isValid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches()
                && !traceparent.substring(3, 35).equals(INVALID_TRACE_ID);
    }

    private Span start(String traceparent, String name) {
        Span.Builder builder = isValid(traceparent)
                ? propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key))
                : tracer.spanBuilder();
        return builder.name(name).start();
    }

    /** The span's own context; without a tracer (no-op) the stored one is passed on unchanged. */
    private String traceparentOr(Span span, String stored) {
        String own = traceparentOf(span);
        return own != null ? own : isValid(stored) ? stored : null;
    }

    private String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A started span that is not current on any thread; {@link #end()} it once its work is done. */
    public static final class Child {

        private final Span span;
        private final String traceparent;

        private Child(Span span, String traceparent) {
            this.span = span;
            this.traceparent = traceparent;
        }

        /** This span's {@code traceparent}, to send with the request ({@code null} without tracing or context). */
        public String traceparent() {
            return traceparent;
        }

        public void end() {
            span.end();
        }
    }

    /** A span that is current on this thread; {@link #close()} ends it and restores the previous one. */
    public static final class Scope implements AutoCloseable {

        private final Span span;
        private final Tracer.SpanInScope inScope;
        private final String traceparent;

        private Scope(Span span, Tracer.SpanInScope inScope, String traceparent) {
            this.span = span;
            this.inScope = inScope;
            this.traceparent = traceparent;
        }

        /** This span's {@code traceparent}, to send on with the work it hands off ({@code null} without tracing). */
        public String traceparent() {
            return traceparent;
        }

        @Override
        public void close() {
            inScope.close();
            span.end();
        }
    }
}
