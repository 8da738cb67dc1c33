package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.delivery.CircuitPolicy.Admission;
import io.hookline.dispatcher.delivery.CircuitPolicy.State;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The circuit of {@link CircuitPolicy} through {@link EndpointCircuits}, with a hand-moved clock and fixed jitter. */
class EndpointCircuitsTests {

    private static final String ENDPOINT = "ep_dead";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final CircuitProperties properties = new CircuitProperties(true, 0.9, 20, Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(30), 10, Duration.ofSeconds(15), 3);
    private final Jitter noJitter = new Jitter(0.2, Duration.ofMinutes(1), FixedRandom.always(0));
    private final EndpointCircuits circuits = new EndpointCircuits(properties, noJitter, clock);

    @Test
    void staysClosedForAnEndpointFailingThirtyPercentAtRandom() {
        Random random = new Random(12);
        for (int i = 0; i < 2_000; i++) {
            assertThat(circuits.record(ENDPOINT, random.nextDouble() < 0.3 ? status(500) : status(200), false, true))
                    .isFalse();
            clock.advance(Duration.ofMillis(5));
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(circuits.snapshot(ENDPOINT).failureRate()).isBetween(0.2, 0.4);
    }

    @Test
    void staysClosedForAnEndpointFailingEveryFirstAttempt() {
        for (int i = 0; i < 200; i++) {
            circuits.record(ENDPOINT, status(500), false, true);
            circuits.record(ENDPOINT, status(200), false, true);
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
    }

    @Test
    void opensWhenTheFailureRateReachesTheThresholdOverTheMinimumVolume() {
        for (int i = 0; i < 19; i++) {
            assertThat(circuits.record(ENDPOINT, timeout(), false, true)).isFalse();
        }
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);

        assertThat(circuits.record(ENDPOINT, timeout(), false, true)).isTrue();

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusSeconds(5));
    }

    @Test
    void forgetsFailuresThatSlidOutOfTheWindow() {
        for (int i = 0; i < 19; i++) {
            circuits.record(ENDPOINT, timeout(), false, true);
        }
        clock.advance(Duration.ofSeconds(10));
        circuits.record(ENDPOINT, timeout(), false, true);

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(circuits.snapshot(ENDPOINT).attemptsInWindow()).isEqualTo(1);
    }

    @Test
    void fourHundredsShowTheEndpointIsUpAndNeverOpenIt() {
        for (int i = 0; i < 50; i++) {
            circuits.record(ENDPOINT, status(400), false, true);
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(EndpointCircuits.failure(status(429))).isTrue();
        assertThat(EndpointCircuits.failure(status(404))).isFalse();
    }

    @Test
    void halfOpenAdmitsTheConfiguredNumberOfTrialsThenDefers() {
        open();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        clock.advance(Duration.ofMillis(1));

        for (int i = 0; i < 10; i++) {
            assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
        }
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void closesWhenTheTrialsFailureRateStaysBelowTheThresholdEvenIfFirstAttemptsAmongThemFail() {
        open();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            circuits.admit(ENDPOINT);
        }
        for (int i = 0; i < 7; i++) {
            assertThat(circuits.record(ENDPOINT, status(500), true, true)).isFalse();
        }
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.HALF_OPEN);

        circuits.record(ENDPOINT, status(200), true, true);
        circuits.record(ENDPOINT, status(200), true, true);

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);
        assertThat(circuits.retryAt(ENDPOINT)).isNull();
    }

    @Test
    void reopensAsSoonAsTheTrialsFailureRateReachesTheThresholdWithACoolDownThatDoublesUpToTheCap() {
        open();
        Duration coolDown = Duration.ofSeconds(5);
        for (Duration next : new Duration[] {Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(30)}) {
            clock.advance(coolDown);
            for (int i = 0; i < 9; i++) {
                assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
                assertThat(circuits.record(ENDPOINT, timeout(), true, true)).isEqualTo(i == 8);
            }
            assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
            assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plus(next));
            coolDown = next;
        }
    }

    @Test
    void stretchesEveryCoolDownByTheJitter() {
        EndpointCircuits jittered = new EndpointCircuits(properties,
                new Jitter(0.2, Duration.ofMinutes(1), FixedRandom.always(0.5)), clock);
        for (int i = 0; i < 20; i++) {
            jittered.record(ENDPOINT, timeout(), false, true);
        }

        assertThat(jittered.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusMillis(5_500));
    }

    @Test
    void closingResetsTheCoolDownToTheFirstOne() {
        open();
        clock.advance(Duration.ofSeconds(5));
        trials(9, timeout());
        clock.advance(Duration.ofSeconds(10));
        trials(2, status(200));
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);

        open();

        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusSeconds(5));
    }

    @Test
    void lateResultsOfAttemptsAdmittedBeforeItOpenedDoNotChangeIt() {
        open();
        Instant probeAt = circuits.retryAt(ENDPOINT);
        clock.advance(Duration.ofSeconds(3));

        assertThat(circuits.record(ENDPOINT, timeout(), false, true)).isFalse();
        assertThat(circuits.record(ENDPOINT, status(200), false, true)).isFalse();

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(probeAt);
    }

    @Test
    void givesUpTrialsThatNeverReportAfterTheProbeTimeout() {
        open();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            circuits.admit(ENDPOINT);
        }
        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusSeconds(15));
        clock.advance(Duration.ofSeconds(14));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);

        clock.advance(Duration.ofSeconds(1));

        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
    }

    @Test
    void showsItsStateForOperators() {
        open();

        EndpointCircuits.Snapshot snapshot = circuits.snapshot(ENDPOINT);

        assertThat(snapshot.state()).isEqualTo(State.OPEN);
        assertThat(snapshot.failureRate()).isEqualTo(1.0);
        assertThat(snapshot.attemptsInWindow()).isEqualTo(20);
        assertThat(snapshot.nextProbeAt()).isEqualTo(clock.instant().plusSeconds(5));
    }

    @Test
    void attemptsEverythingWhenDisabled() {
        EndpointCircuits off = new EndpointCircuits(new CircuitProperties(false, 0.9, 1, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 10, Duration.ofSeconds(15), 3), noJitter, clock);

        assertThat(off.record(ENDPOINT, timeout(), false, true)).isFalse();
        assertThat(off.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);
    }

    @Test
    void firstAttemptFailuresAloneNeverOpenTheCircuitOfAnEndpointThatAcceptsItsRetries() {
        for (int i = 0; i < 200; i++) {
            assertThat(circuits.record(ENDPOINT, status(500), false, false)).isFalse();
        }
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        for (int i = 0; i < 100; i++) {
            circuits.record(ENDPOINT, status(500), false, false);
            assertThat(circuits.record(ENDPOINT, status(200), false, true)).isFalse();
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
    }

    @Test
    void anEndpointThatDoesNotAnswerOrThrottlesOpensOnFirstAttemptsAlone() {
        for (int i = 0; i < 19; i++) {
            assertThat(circuits.record(ENDPOINT, timeout(), false, false)).isFalse();
        }
        assertThat(circuits.record(ENDPOINT, timeout(), false, false)).isTrue();

        AttemptResult throttled = new AttemptResult(clock.instant(), 503, null, 5, null, Duration.ofHours(1));
        for (int i = 0; i < 19; i++) {
            assertThat(circuits.record("ep_throttling", throttled, false, false)).isFalse();
        }
        assertThat(circuits.record("ep_throttling", throttled, false, false)).isTrue();
    }

    @Test
    void anEndpointAnsweringPlain500OpensOnceItsRetriesFailToo() {
        for (int i = 0; i < 50; i++) {
            circuits.record(ENDPOINT, status(500), false, false);
        }
        assertThat(circuits.record(ENDPOINT, status(500), false, true)).isFalse();
        assertThat(circuits.record(ENDPOINT, status(500), false, true)).isFalse();

        assertThat(circuits.record(ENDPOINT, status(500), false, true)).isTrue();
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
    }

    @Test
    void halfOpenTrialsThatAreFailedFirstAttemptsDecideNothingAndFreeTheirPlaceForTheRetriesThatFollow() {
        open();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
            assertThat(circuits.record(ENDPOINT, status(500), true, false)).isFalse();
        }
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.HALF_OPEN);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);

        clock.advance(Duration.ofSeconds(15));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
        circuits.record(ENDPOINT, status(200), true, true);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
        circuits.record(ENDPOINT, status(200), true, true);

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
    }

    @Test
    void halfOpenReopensWhenAFailedRetryIsAmongEnoughFailures() {
        open();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 8; i++) {
            assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
            assertThat(circuits.record(ENDPOINT, status(500), true, false)).isFalse();
        }
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);

        assertThat(circuits.record(ENDPOINT, timeout(), true, true)).isTrue();
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
    }

    @Test
    void circuitsAreIndependentPerEndpoint() {
        open();

        assertThat(circuits.admit("ep_healthy")).isEqualTo(Admission.ATTEMPT);
        assertThat(circuits.retryAt("ep_healthy")).isNull();
    }

    private void trials(int count, AttemptResult result) {
        for (int i = 0; i < count; i++) {
            assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.TRIAL);
            circuits.record(ENDPOINT, result, true, true);
        }
    }

    private void open() {
        for (int i = 0; i < 20; i++) {
            circuits.record(ENDPOINT, timeout(), false, true);
        }
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
    }

    private AttemptResult timeout() {
        return new AttemptResult(clock.instant(), 0, "timed out after 10000 ms", 10_000, null, null);
    }

    private AttemptResult status(int status) {
        return new AttemptResult(clock.instant(), status, null, 50, null, null);
    }
}
