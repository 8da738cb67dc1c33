package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * The circuit of one endpoint, as a pure state machine (time is passed in, jitter comes from {@link Jitter}).
 * <ul>
 * <li><b>Closed</b>: every delivery is attempted; outcomes go into a sliding {@link FailureRateWindow}. It opens
 * only when the window holds at least {@code minimumAttempts} and their failure rate is at least
 * {@code failureRateThreshold}, and its conclusive outcomes (at least {@code minimumRetries}) fail at that rate too:
 * an endpoint that is down, not one that fails a share of requests, nor one that fails every first attempt and
 * accepts the retry (at 200 events/s the first second holds only first attempts). Conclusive is every retry's
 * outcome and every first attempt's but a plain 5xx ({@link EndpointCircuits#conclusive}): no answer and throttling
 * count at once.</li>
 * <li><b>Open</b>: nothing is attempted until the cool-down ends. The n-th opening in a row waits
 * {@code openDuration × 2^(n-1)}, at most {@code maxOpenDuration}, stretched by the jitter.</li>
 * <li><b>Half-open</b>: up to {@code halfOpenCalls} deliveries are let through as trials, first attempts and
 * retries alike; as soon as their outcomes decide it (the failure rate of the trials can no longer reach, or has
 * reached, the threshold) the circuit closes or re-opens with the next cool-down. A plain 5xx on a first attempt is
 * inconclusive there too: re-opening needs at least one conclusive failure among the failures; trials that stay
 * inconclusive free their place after {@code probeTimeout}, by when their deliveries come back as retries. Trials
 * that have not reported after {@code probeTimeout} are given up and others may go.</li>
 * </ul>
 * Outcomes of attempts admitted before the circuit opened do not change an open or half-open circuit. Not
 * thread-safe: {@link EndpointCircuits} holds one lock per endpoint.
 */
final class CircuitPolicy {

    /** What to do with one delivery. */
    enum Admission {
        ATTEMPT, TRIAL, DEFER
    }

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final CircuitProperties properties;
    private final Jitter jitter;
    private final FailureRateWindow window;
    private final FailureRateWindow retryWindow;
    private State state = State.CLOSED;
    private int openings;
    private Instant probeAt;
    private Instant trialsSince;
    private int trialsAdmitted;
    private int trialFailures;
    private int trialSuccesses;
    private int trialFirstAttemptFailures;

    CircuitPolicy(CircuitProperties properties, Jitter jitter) {
        this.properties = properties;
        this.jitter = jitter;
        this.window = new FailureRateWindow(properties.window(), 10);
        this.retryWindow = new FailureRateWindow(properties.window(), 10);
    }

    Admission admit(Instant now) {
        if (state == State.OPEN && !now.isBefore(probeAt)) {
            halfOpen(now);
        }
        if (state == State.HALF_OPEN && !now.isBefore(trialsSince.plus(properties.probeTimeout()))) {
            trialsSince = now;
            trialsAdmitted = trialFailures + trialSuccesses;
        }
        return switch (state) {
            case CLOSED -> Admission.ATTEMPT;
            case OPEN -> Admission.DEFER;
            case HALF_OPEN -> {
                if (trialsAdmitted >= properties.halfOpenCalls()) {
                    yield Admission.DEFER;
                }
                trialsAdmitted++;
                yield Admission.TRIAL;
            }
        };
    }

    /**
     * Records an outcome; {@code trial} when it was admitted as {@link Admission#TRIAL}, {@code evidence} unless it
     * was a plain server error on a first attempt. {@code true} if it opened the circuit.
     */
    boolean record(Instant now, boolean failed, boolean trial, boolean evidence) {
        boolean conclusive = evidence || properties.minimumRetries() == 0;
        if (trial && state == State.HALF_OPEN) {
            return judgeTrial(now, failed, conclusive);
        }
        if (trial || state != State.CLOSED) {
            return false;
        }
        window.record(now, failed);
        if (conclusive) {
            retryWindow.record(now, failed);
        }
        if (window.attempts(now) >= properties.minimumAttempts()
                && window.failureRate(now) >= properties.failureRateThreshold() && retriesFail(now)) {
            open(now);
            return true;
        }
        return false;
    }

    private boolean retriesFail(Instant now) {
        int needed = Math.min(properties.minimumRetries(), properties.minimumAttempts());
        return retryWindow.attempts(now) >= Math.max(needed, 1)
                && retryWindow.failureRate(now) >= properties.failureRateThreshold();
    }

    private boolean judgeTrial(Instant now, boolean failed, boolean conclusive) {
        if (failed && !conclusive) {
            trialFirstAttemptFailures++;
        } else if (failed) {
            trialFailures++;
        } else {
            trialSuccesses++;
        }
        int calls = properties.halfOpenCalls();
        int failuresToReopen = (int) Math.ceil(properties.failureRateThreshold() * calls - 1e-9);
        if (trialFailures >= 1 && trialFailures + trialFirstAttemptFailures >= failuresToReopen) {
            open(now);
            return true;
        }
        if (trialSuccesses > calls - failuresToReopen) {
            close();
        }
        return false;
    }

    /** When a deferred delivery should come back: the probe time, the trials' deadline, or {@code null} (closed). */
    Instant retryAt() {
        return switch (state) {
            case CLOSED -> null;
            case OPEN -> probeAt;
            case HALF_OPEN -> trialsSince.plus(properties.probeTimeout());
        };
    }

    State state() {
        return state;
    }

    double failureRate(Instant now) {
        return window.failureRate(now);
    }

    int attemptsInWindow(Instant now) {
        return window.attempts(now);
    }

    private void open(Instant now) {
        Duration base = properties.openDuration().multipliedBy(1L << Math.min(openings, 30));
        Duration coolDown = base.compareTo(properties.maxOpenDuration()) > 0 ? properties.maxOpenDuration() : base;
        openings++;
        state = State.OPEN;
        probeAt = now.plus(jitter.stretch(coolDown));
        trialsSince = null;
    }

    private void halfOpen(Instant now) {
        state = State.HALF_OPEN;
        trialsSince = now;
        trialsAdmitted = 0;
        trialFailures = 0;
        trialSuccesses = 0;
        trialFirstAttemptFailures = 0;
    }

    private void close() {
        state = State.CLOSED;
        openings = 0;
        probeAt = null;
        trialsSince = null;
        window.clear();
        retryWindow.clear();
    }
}
