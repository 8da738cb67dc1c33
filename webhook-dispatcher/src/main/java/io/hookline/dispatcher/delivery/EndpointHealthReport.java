package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.endpoint.EndpointHealth;
import io.hookline.dispatcher.endpoint.EndpointHealthSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each endpoint's health in this process, read from {@link EndpointCircuits} and {@link EndpointConcurrency}:
 * for the endpoints API ({@code health} of {@code GET /endpoints/{id}}) and as gauges tagged {@code endpoint},
 * registered the first time an endpoint reports an outcome ({@link #watch}; per-order callback endpoints are not
 * tagged, to keep the tags few): {@code hookline_endpoint_circuit_state} (0 closed, 1 half-open, 2 open),
 * {@code hookline_endpoint_concurrency_limit}, {@code hookline_endpoint_in_flight},
 * {@code hookline_endpoint_failure_rate} and {@code hookline_endpoint_window_attempts}. Thread-safe.
 */
@Component
class EndpointHealthReport implements EndpointHealthSource {

    private final EndpointCircuits circuits;
    private final EndpointConcurrency concurrency;
    private final MeterRegistry registry;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    EndpointHealthReport(EndpointCircuits circuits, EndpointConcurrency concurrency, MeterRegistry registry) {
        this.circuits = circuits;
        this.concurrency = concurrency;
        this.registry = registry;
    }

    @Override
    public EndpointHealth health(String endpointId) {
        EndpointCircuits.Snapshot circuit = circuits.snapshot(endpointId);
        return new EndpointHealth(circuit.state().name().toLowerCase(Locale.ROOT), concurrency.limit(endpointId),
                concurrency.inFlight(endpointId), circuit.failureRate(), circuit.attemptsInWindow(),
                circuit.nextProbeAt());
    }

    /** Registers the gauges of the delivery's endpoint once (not for per-order callbacks). */
    void watch(DeliveryRecord delivery) {
        String endpointId = delivery.endpointId();
        if (delivery.targetUrl() != null || !watched.add(endpointId)) {
            return;
        }
        gauge("hookline.endpoint.circuit.state", "Circuit of the endpoint: 0 closed, 1 half-open, 2 open", endpointId,
                id -> switch (circuits.state(id)) {
                    case CLOSED -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN -> 2;
                });
        gauge("hookline.endpoint.concurrency.limit", "Requests the endpoint may have in flight (adaptive)", endpointId,
                concurrency::limit);
        gauge("hookline.endpoint.in.flight", "Requests in flight to the endpoint", endpointId, concurrency::inFlight);
        gauge("hookline.endpoint.failure.rate", "Failed share of the endpoint's attempts in the circuit window",
                endpointId, id -> circuits.snapshot(id).failureRate());
        gauge("hookline.endpoint.window.attempts", "Attempts to the endpoint in the circuit window", endpointId,
                id -> circuits.snapshot(id).attemptsInWindow());
    }

    private void gauge(String name, String description, String endpointId,
            java.util.function.ToDoubleFunction<String> value) {
        Gauge.builder(name, endpointId, value).description(description).tag("endpoint", endpointId)
                .strongReference(true).register(registry);
    }
}
