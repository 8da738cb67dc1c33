package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.delivery.EndpointCircuits.Admission;
import io.hookline.dispatcher.delivery.EndpointCircuits.State;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointCircuitsTests {

    private static final String ENDPOINT = "ep_dead";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final CircuitProperties properties = new CircuitProperties(true, 5, 0.5, 20, Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15));
    private final EndpointCircuits circuits = new EndpointCircuits(properties, clock);

    @Test
    void opensAfterTheConsecutiveFailureThresholdAndDefersUntilTheProbeTime() {
        for (int i = 0; i < 4; i++) {
            assertThat(circuits.record(ENDPOINT, timeout(), false)).isFalse();
        }
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);

        assertThat(circuits.record(ENDPOINT, timeout(), false)).isTrue();

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusSeconds(5));
    }

    @Test
    void aSuccessResetsTheConsecutiveCount() {
        for (int i = 0; i < 4; i++) {
            circuits.record(ENDPOINT, timeout(), false);
        }
        circuits.record(ENDPOINT, status(200), false);
        for (int i = 0; i < 4; i++) {
            circuits.record(ENDPOINT, status(503), false);
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);
    }

    @Test
    void opensOnTheFailureRatioWithinOneWindow() {
        for (int i = 0; i < 10; i++) {
            circuits.record(ENDPOINT, status(200), false);
            boolean opened = circuits.record(ENDPOINT, status(500), false);
            assertThat(opened).isEqualTo(i == 9);
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
    }

    @Test
    void startsANewWindowAfterTheWindowLength() {
        for (int i = 0; i < 9; i++) {
            circuits.record(ENDPOINT, status(200), false);
            circuits.record(ENDPOINT, status(500), false);
        }
        clock.advance(Duration.ofSeconds(10));
        circuits.record(ENDPOINT, status(200), false);
        circuits.record(ENDPOINT, status(500), false);

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
    }

    @Test
    void fourHundredsShowTheEndpointIsUpAndNeverOpenIt() {
        for (int i = 0; i < 50; i++) {
            circuits.record(ENDPOINT, status(400), false);
        }

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(EndpointCircuits.failure(status(429))).isTrue();
        assertThat(EndpointCircuits.failure(status(404))).isFalse();
    }

    @Test
    void letsExactlyOneProbeThroughAfterTheCoolDownAndClosesWhenItSucceeds() {
        open();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        clock.advance(Duration.ofMillis(1));

        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.PROBE);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.HALF_OPEN);

        assertThat(circuits.record(ENDPOINT, status(204), true)).isFalse();
        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.CLOSED);
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);
        assertThat(circuits.retryAt(ENDPOINT)).isNull();
    }

    @Test
    void aFailedProbeReopensWithACoolDownThatDoublesUpToTheCap() {
        open();
        Duration[] expected = {Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(30)};
        Duration coolDown = Duration.ofSeconds(5);
        for (Duration next : expected) {
            clock.advance(coolDown);
            assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.PROBE);
            assertThat(circuits.record(ENDPOINT, timeout(), true)).isTrue();
            assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plus(next));
            coolDown = next;
        }
    }

    @Test
    void closingResetsTheCoolDownToTheFirstOne() {
        open();
        clock.advance(Duration.ofSeconds(5));
        circuits.admit(ENDPOINT);
        circuits.record(ENDPOINT, timeout(), true);
        clock.advance(Duration.ofSeconds(10));
        circuits.admit(ENDPOINT);
        circuits.record(ENDPOINT, status(200), true);

        open();

        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusSeconds(5));
    }

    @Test
    void lateResultsOfAttemptsStartedBeforeItOpenedDoNotExtendTheCoolDown() {
        open();
        Instant probeAt = circuits.retryAt(ENDPOINT);
        clock.advance(Duration.ofSeconds(3));

        assertThat(circuits.record(ENDPOINT, timeout(), false)).isFalse();
        assertThat(circuits.record(ENDPOINT, status(200), false)).isFalse();

        assertThat(circuits.state(ENDPOINT)).isEqualTo(State.OPEN);
        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(probeAt);
    }

    @Test
    void aProbeThatNeverReportsIsGivenUpAfterTheProbeTimeout() {
        open();
        clock.advance(Duration.ofSeconds(5));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.PROBE);
        assertThat(circuits.retryAt(ENDPOINT)).isEqualTo(clock.instant().plusSeconds(15));

        clock.advance(Duration.ofSeconds(14));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.DEFER);
        clock.advance(Duration.ofSeconds(1));
        assertThat(circuits.admit(ENDPOINT)).isEqualTo(Admission.PROBE);
    }

    @Test
    void attemptsEverythingWhenDisabled() {
        EndpointCircuits off = new EndpointCircuits(new CircuitProperties(false, 1, 0.5, 20, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15)), clock);

        assertThat(off.record(ENDPOINT, timeout(), false)).isFalse();
        assertThat(off.admit(ENDPOINT)).isEqualTo(Admission.ATTEMPT);
    }

    @Test
    void circuitsAreIndependentPerEndpoint() {
        open();

        assertThat(circuits.admit("ep_healthy")).isEqualTo(Admission.ATTEMPT);
        assertThat(circuits.retryAt("ep_healthy")).isNull();
    }

    private void open() {
        for (int i = 0; i < 5; i++) {
            circuits.record(ENDPOINT, timeout(), false);
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
