package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.delivery.CircuitPolicy.Admission;
import io.hookline.dispatcher.delivery.CircuitPolicy.State;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One {@link CircuitPolicy} per endpoint, in this process's memory; carries out nothing itself: the handler
 * asks it whether to attempt, reports outcomes, and defers what it is told to. Time comes from the injected
 * {@link Clock}, jitter from the injected {@link Jitter}. Thread-safe: one lock per endpoint.
 */
@Component
class EndpointCircuits {

    private static final Logger log = LoggerFactory.getLogger(EndpointCircuits.class);

    /** An endpoint's circuit as operators see it. */
    record Snapshot(State state, double failureRate, int attemptsInWindow, Instant nextProbeAt) {
    }

    private final Map<String, CircuitPolicy> circuits = new ConcurrentHashMap<>();
    private final CircuitProperties properties;
    private final Jitter jitter;
    private final Clock clock;

    EndpointCircuits(CircuitProperties properties, Jitter jitter, Clock clock) {
        this.properties = properties;
        this.jitter = jitter;
        this.clock = clock;
    }

    /** Whether a delivery to the endpoint is attempted now, is a half-open trial, or is deferred. */
    Admission admit(String endpointId) {
        CircuitPolicy circuit = properties.enabled() ? circuits.get(endpointId) : null;
        if (circuit == null) {
            return Admission.ATTEMPT;
        }
        synchronized (circuit) {
            return circuit.admit(clock.instant());
        }
    }

    /** When a deferred delivery to the endpoint should come back; {@code null} while its circuit is closed. */
    Instant retryAt(String endpointId) {
        CircuitPolicy circuit = circuits.get(endpointId);
        if (circuit == null) {
            return null;
        }
        synchronized (circuit) {
            return circuit.retryAt();
        }
    }

    /**
     * Reports an outcome ({@code trial}: admitted as {@link Admission#TRIAL}; {@code retry}: a second or later
     * attempt of its delivery); {@code true} if it opened the circuit.
     */
    boolean record(String endpointId, AttemptResult result, boolean trial, boolean retry) {
        if (!properties.enabled()) {
            return false;
        }
        CircuitPolicy circuit = circuits.computeIfAbsent(endpointId, id -> new CircuitPolicy(properties, jitter));
        boolean opened;
        State before;
        State after;
        synchronized (circuit) {
            before = circuit.state();
            opened = circuit.record(clock.instant(), failure(result), trial, conclusive(result, retry));
            after = circuit.state();
        }
        if (opened) {
            log.warn("Circuit of endpoint {} opened (last: {}); its deliveries wait until {}", endpointId,
                    result.outcome(), retryAt(endpointId));
        } else if (before != after) {
            log.info("Circuit of endpoint {} closed: its half-open trials succeeded", endpointId);
        }
        return opened;
    }

    State state(String endpointId) {
        CircuitPolicy circuit = circuits.get(endpointId);
        if (circuit == null) {
            return State.CLOSED;
        }
        synchronized (circuit) {
            return circuit.state();
        }
    }

    Snapshot snapshot(String endpointId) {
        CircuitPolicy circuit = circuits.get(endpointId);
        if (circuit == null) {
            return new Snapshot(State.CLOSED, 0, 0, null);
        }
        synchronized (circuit) {
            Instant now = clock.instant();
            return new Snapshot(circuit.state(), circuit.failureRate(now), circuit.attemptsInWindow(now),
                    circuit.state() == State.OPEN ? circuit.retryAt() : null);
        }
    }

    Set<String> endpoints() {
        return Set.copyOf(circuits.keySet());
    }

    /** No answer, a 5xx or a 429: the endpoint is not coping; any other answer shows it is up. */
    static boolean failure(AttemptResult result) {
        return result.status() == 0 || result.status() >= 500 || result.status() == 429;
    }

    /**
     * Whether an outcome is evidence for the circuit (see {@link CircuitPolicy}): every outcome of a retry, and of a
     * first attempt all but a plain server error. No answer (refused, timed out) and throttling (429, or any answer
     * with {@code Retry-After}) say "down" or "wait" whatever the attempt; a 5xx without {@code Retry-After} on a
     * first attempt is also what an endpoint that fails every first attempt and accepts the retry answers.
     */
    static boolean conclusive(AttemptResult result, boolean retry) {
        boolean plainServerError = result.status() >= 500 && result.retryAfter() == null;
        return retry || !plainServerError;
    }
}
