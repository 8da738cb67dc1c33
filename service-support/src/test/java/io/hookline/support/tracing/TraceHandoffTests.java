package io.hookline.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On the real OpenTelemetry SDK through Micrometer's bridge, as the services run it. */
class TraceHandoffTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String INCOMING = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("tests");
    private final ContextPropagators propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    private final TraceHandoff handoff = new TraceHandoff(
            new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { }), new OtelPropagator(propagators, otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void resumedSpanContinuesTheStoredTraceAsAChildAndIsCurrentUntilClosed() {
        assertThat(handoff.current()).isNull();

        try (TraceHandoff.Scope scope = handoff.resume(INCOMING, "outbox publish")) {
            assertThat(TraceHandoff.traceIdOf(scope.traceparent())).isEqualTo(TRACE_ID);
            assertThat(scope.traceparent()).isNotEqualTo(INCOMING).endsWith("-01");
            assertThat(handoff.current()).isEqualTo(scope.traceparent());
            try (TraceHandoff.Scope inner = handoff.resume(handoff.current(), "webhook attempt")) {
                assertThat(TraceHandoff.traceIdOf(inner.traceparent())).isEqualTo(TRACE_ID);
            }
            assertThat(handoff.current()).isEqualTo(scope.traceparent());
        }

        assertThat(handoff.current()).isNull();
    }

    @Test
    void aChildSpanContinuesTheTraceWithoutBecomingCurrent() {
        TraceHandoff.Child child = handoff.child(INCOMING, "webhook attempt");

        assertThat(TraceHandoff.traceIdOf(child.traceparent())).isEqualTo(TRACE_ID);
        assertThat(child.traceparent()).isNotEqualTo(INCOMING);
        assertThat(handoff.current()).isNull();
        child.end();
    }

    @Test
    void withoutATracerTheStoredContextIsPassedOnUnchanged() {
        TraceHandoff noop = new TraceHandoff(io.micrometer.tracing.Tracer.NOOP,
                io.micrometer.tracing.propagation.Propagator.NOOP);

        try (TraceHandoff.Scope scope = noop.resume(INCOMING, "fan-out")) {
            assertThat(scope.traceparent()).isEqualTo(INCOMING);
        }
        assertThat(noop.child(null, "webhook attempt").traceparent()).isNull();
    }

    @Test
    void missingOrMalformedContextStartsANewTrace() {
        for (String stored : new String[] {null, "", "not-a-traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"}) {
            try (TraceHandoff.Scope scope = handoff.resume(stored, "fan-out")) {
                assertThat(TraceHandoff.traceIdOf(scope.traceparent())).as(String.valueOf(stored))
                        .isNotNull().isNotEqualTo(TRACE_ID);
            }
        }
    }

    @Test
    void traceIdIsReadFromValidValuesOnly() {
        assertThat(TraceHandoff.traceIdOf(INCOMING)).isEqualTo(TRACE_ID);
        assertThat(TraceHandoff.traceIdOf("00-" + TRACE_ID + "-00f067aa0ba902b7")).isNull();
        assertThat(TraceHandoff.traceIdOf(null)).isNull();
    }
}
