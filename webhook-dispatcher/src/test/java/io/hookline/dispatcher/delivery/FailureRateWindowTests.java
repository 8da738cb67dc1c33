package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureRateWindowTests {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private final FailureRateWindow window = new FailureRateWindow(Duration.ofSeconds(10), 10);

    @Test
    void countsAttemptsAndFailuresWithinTheWindow() {
        for (int i = 0; i < 10; i++) {
            window.record(T0.plusMillis(i * 100L), i % 10 < 3);
        }

        assertThat(window.attempts(T0.plusSeconds(1))).isEqualTo(10);
        assertThat(window.failures(T0.plusSeconds(1))).isEqualTo(3);
        assertThat(window.failureRate(T0.plusSeconds(1))).isEqualTo(0.3);
    }

    @Test
    void slidesOldSlotsOutOfTheWindow() {
        window.record(T0, true);
        window.record(T0.plusSeconds(5), false);

        assertThat(window.attempts(T0.plusMillis(9_999))).isEqualTo(2);
        assertThat(window.attempts(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(window.failureRate(T0.plusSeconds(10))).isZero();
        assertThat(window.attempts(T0.plusSeconds(15))).isZero();
    }

    @Test
    void reusesASlotOnlyAfterClearingIt() {
        window.record(T0, true);
        window.record(T0.plusSeconds(10), false);

        assertThat(window.attempts(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(window.failures(T0.plusSeconds(10))).isZero();
    }

    @Test
    void hasARateOfZeroWhenEmptyAndAfterClear() {
        assertThat(window.failureRate(T0)).isZero();
        window.record(T0, true);
        window.clear();
        assertThat(window.attempts(T0)).isZero();
    }
}
