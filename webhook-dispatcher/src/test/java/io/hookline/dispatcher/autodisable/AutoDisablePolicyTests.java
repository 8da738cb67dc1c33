package io.hookline.dispatcher.autodisable;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.endpoint.Disablement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoDisablePolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final AutoDisablePolicy policy = new AutoDisablePolicy(Duration.ofDays(5));

    @Test
    void disablesWhenFailuresSpanTheLimitWithTheStreakStartAsFailingSince() {
        Instant first = NOW.minus(Duration.ofDays(5));

        Optional<Disablement> decision = policy.decide(Optional.of(new FailureStreak(first, NOW)), NOW);

        assertThat(decision).hasValueSatisfying(disablement -> {
            assertThat(disablement.failingSince()).isEqualTo(first);
            assertThat(disablement.disabledAt()).isEqualTo(NOW);
            assertThat(disablement.reason()).isEqualTo(
                    "every attempt failed for at least 5 days (hookline.dispatcher.auto-disable.after=PT120H)");
        });
    }

    @Test
    void leavesAShorterStreakAlone() {
        FailureStreak streak = new FailureStreak(NOW.minus(Duration.ofDays(5)).plusMillis(1), NOW);

        assertThat(policy.decide(Optional.of(streak), NOW)).isEmpty();
    }

    @Test
    void leavesAnEndpointWhoseLatestAttemptSucceededAlone() {
        assertThat(policy.decide(Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void measuresBetweenFailuresSoSilenceAfterOneFailureIsNotFailing() {
        Instant once = NOW.minus(Duration.ofDays(30));

        assertThat(policy.decide(Optional.of(new FailureStreak(once, once)), NOW)).isEmpty();
    }

    @Test
    void saysShortLimitsInTheirOwnUnits() {
        assertThat(new AutoDisablePolicy(Duration.ofMinutes(90)).reason()).startsWith("every attempt failed for at "
                + "least 1h30m ");
        assertThat(new AutoDisablePolicy(Duration.ofDays(1)).reason()).contains("at least 1 day ");
    }
}
