package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(new ConfirmationMailProperties.Retry(
            Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), 0.2, Duration.ofHours(24)));

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        assertThat(schedule.delay(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delay(2, 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delay(4, 0.5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.delay(7, 0.5)).isEqualTo(Duration.ofSeconds(640));
        assertThat(schedule.delay(8, 0.5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.delay(500, 0.5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterSpreadsEachDelayByTwentyPercentEitherWay() {
        assertThat(schedule.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(schedule.delay(1, 0.999999)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
        assertThat(schedule.delay(100, 0.0)).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void theNextAttemptIsNeverBeforeTheFloor() {
        Instant leaseEnd = T0.plusSeconds(60);
        assertThat(schedule.nextAttempt(1, T0, leaseEnd, T0, 0.5)).isEqualTo(leaseEnd);
        assertThat(schedule.nextAttempt(1, T0, null, T0, 0.5)).isEqualTo(T0.plusSeconds(10));
        assertThat(schedule.nextAttempt(7, T0, leaseEnd, T0, 0.5)).isEqualTo(T0.plusSeconds(640));
    }

    @Test
    void anAttemptThatWouldFallPastTheHorizonIsNone() {
        Instant recorded = T0;
        Instant late = T0.plus(Duration.ofHours(24)).minusSeconds(5);
        assertThat(schedule.nextAttempt(3, late, null, recorded, 0.5)).isNull();
        assertThat(schedule.nextAttempt(3, T0.plus(Duration.ofHours(23)), null, recorded, 0.5))
                .isEqualTo(T0.plus(Duration.ofHours(23)).plusSeconds(40));
    }

    @Test
    void aLeaseNotLongerThanTheSendDeadlineIsRefused() {
        assertThatThrownBy(() -> new ConfirmationMailProperties("a <a@b.c>", java.util.Locale.US,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 1, 1, 1, Duration.ofSeconds(1),
                new ConfirmationMailProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 0.2,
                        Duration.ofHours(1)))).hasMessageContaining("sending-lease");
    }
}
