package io.hookline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per endpoint. Closed: every delivery is attempted; {@code failureThreshold} consecutive
 * failures, or a failure ratio of at least {@code failureRatio} over {@code minimumAttempts} or more attempts in
 * one {@code window}, open it. Open: nothing is attempted until the cool-down ends. Then half-open: exactly one
 * delivery is let through as a probe; its success closes the circuit, its failure re-opens it with twice the
 * cool-down (up to {@code maxOpenDuration}). Results of attempts that started before the circuit opened do not
 * change an open circuit. Time comes from the injected {@link Clock}. Thread-safe.
 */
@Component
class EndpointCircuits {

    private static final Logger log = LoggerFactory.getLogger(EndpointCircuits.class);

    /** What to do with one delivery. */
    enum Admission {
        ATTEMPT, PROBE, DEFER
    }

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private static final class Circuit {
        private State state = State.CLOSED;
        private int consecutiveFailures;
        private Instant windowStart = Instant.MIN;
        private int windowAttempts;
        private int windowFailures;
        private Duration coolDown;
        private Instant probeAt;
        private Instant probeStartedAt;
    }

    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final CircuitProperties properties;
    private final Clock clock;

    EndpointCircuits(CircuitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Decides whether a delivery to the endpoint is attempted now, is the half-open probe, or is deferred. */
    Admission admit(String endpointId) {
        if (!properties.enabled()) {
            return Admission.ATTEMPT;
        }
        Circuit circuit = circuits.get(endpointId);
        if (circuit == null) {
            return Admission.ATTEMPT;
        }
        synchronized (circuit) {
            Instant now = clock.instant();
            return switch (circuit.state) {
                case CLOSED -> Admission.ATTEMPT;
                case OPEN -> {
                    if (now.isBefore(circuit.probeAt)) {
                        yield Admission.DEFER;
                    }
                    circuit.state = State.HALF_OPEN;
                    circuit.probeStartedAt = now;
                    yield Admission.PROBE;
                }
                case HALF_OPEN -> {
                    if (now.isBefore(circuit.probeStartedAt.plus(properties.probeTimeout()))) {
                        yield Admission.DEFER;
                    }
                    circuit.probeStartedAt = now;
                    yield Admission.PROBE;
                }
            };
        }
    }

    /**
     * The earliest time a deferred delivery to the endpoint should come back: the next probe time while the
     * circuit is open, the probe's deadline while it is half-open, {@code null} while it is closed.
     */
    Instant retryAt(String endpointId) {
        Circuit circuit = circuits.get(endpointId);
        if (circuit == null) {
            return null;
        }
        synchronized (circuit) {
            return switch (circuit.state) {
                case CLOSED -> null;
                case OPEN -> circuit.probeAt;
                case HALF_OPEN -> circuit.probeStartedAt.plus(properties.probeTimeout());
            };
        }
    }

    /**
     * Reports an attempt's outcome; {@code probe} when it was admitted as {@link Admission#PROBE}. {@code true}
     * when this outcome opened (or re-opened) the circuit.
     */
    boolean record(String endpointId, AttemptResult result, boolean probe) {
        if (!properties.enabled()) {
            return false;
        }
        boolean failed = failure(result);
        Circuit circuit = circuits.computeIfAbsent(endpointId, id -> new Circuit());
        synchronized (circuit) {
            Instant now = clock.instant();
            if (probe) {
                if (failed) {
                    open(endpointId, circuit, now, grow(circuit.coolDown), result);
                } else {
                    close(endpointId, circuit);
                }
                return failed;
            }
            if (circuit.state != State.CLOSED) {
                return false;
            }
            count(circuit, now, failed);
            if (circuit.consecutiveFailures >= properties.failureThreshold() || ratioExceeded(circuit)) {
                open(endpointId, circuit, now, properties.openDuration(), result);
                return true;
            }
            return false;
        }
    }

    State state(String endpointId) {
        Circuit circuit = circuits.get(endpointId);
        if (circuit == null) {
            return State.CLOSED;
        }
        synchronized (circuit) {
            return circuit.state;
        }
    }

    static boolean failure(AttemptResult result) {
        return result.status() == 0 || result.status() >= 500 || result.status() == 429;
    }

    private void count(Circuit circuit, Instant now, boolean failed) {
        circuit.consecutiveFailures = failed ? circuit.consecutiveFailures + 1 : 0;
        if (!now.isBefore(circuit.windowStart.plus(properties.window()))) {
            circuit.windowStart = now;
            circuit.windowAttempts = 0;
            circuit.windowFailures = 0;
        }
        circuit.windowAttempts++;
        circuit.windowFailures += failed ? 1 : 0;
    }

    private boolean ratioExceeded(Circuit circuit) {
        return circuit.windowAttempts >= properties.minimumAttempts()
                && circuit.windowFailures >= properties.failureRatio() * circuit.windowAttempts;
    }

    private Duration grow(Duration coolDown) {
        Duration doubled = coolDown == null ? properties.openDuration() : coolDown.multipliedBy(2);
        return doubled.compareTo(properties.maxOpenDuration()) > 0 ? properties.maxOpenDuration() : doubled;
    }

    private void open(String endpointId, Circuit circuit, Instant now, Duration coolDown, AttemptResult last) {
        circuit.state = State.OPEN;
        circuit.coolDown = coolDown;
        circuit.probeAt = now.plus(coolDown);
        circuit.probeStartedAt = null;
        log.warn("Circuit of endpoint {} opened for {} (last: {}); its deliveries wait until {}", endpointId,
                coolDown, last.outcome(), circuit.probeAt);
    }

    private void close(String endpointId, Circuit circuit) {
        if (circuit.state != State.CLOSED) {
            log.info("Circuit of endpoint {} closed: the probe succeeded", endpointId);
        }
        circuit.state = State.CLOSED;
        circuit.consecutiveFailures = 0;
        circuit.windowAttempts = 0;
        circuit.windowFailures = 0;
        circuit.coolDown = null;
        circuit.probeAt = null;
        circuit.probeStartedAt = null;
    }
}
