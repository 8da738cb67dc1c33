package io.hookline.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link TraceHandoff} of a service, on Micrometer Tracing's tracer and propagator (W3C with the
 * OpenTelemetry bridge); without tracing on the classpath it works on no-op ones and carries nothing.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
public class TraceHandoffAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceHandoff traceHandoff(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceHandoff(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
