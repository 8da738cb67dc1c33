package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.delivery.RetryPolicy.Cause;
import io.hookline.dispatcher.delivery.RetryPolicy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    /** Schedule 1 s, 2 s: two retries, life 1 + 0.2 + 2 + 0.4 s + slack 1 s = 4.6 s. */
    private final RetryProperties properties = new RetryProperties(List.of(Duration.ofSeconds(1),
            Duration.ofSeconds(2)), Duration.ofHours(24), 0.2, Duration.ofSeconds(60), 100, Duration.ofSeconds(1));

    @Test
    void retriesAfterTheJitteredDelayOfTheStepOnItsTier() {
        RetryPolicy policy = policy(0.5);
        DeliveryRecord fresh = fresh();

        Decision first = policy.decide(fresh, failed(T0, null), T0);
        Decision second = policy.decide(fresh.afterFailure(result(T0, null), null), failed(T0.plusSeconds(1), null),
                T0.plusSeconds(1));

        assertThat(first).isEqualTo(new Decision.Retry(T0.plusMillis(1_100), 1));
        assertThat(second).isEqualTo(new Decision.Retry(T0.plusMillis(3_200), 2));
    }

    @Test
    void deadLettersAfterTheLastAttempt() {
        DeliveryRecord twice = fresh().afterFailure(result(T0, null), null).afterFailure(result(T0, null), null);

        assertThat(policy(0).decide(twice, failed(T0.plusSeconds(3), null), T0.plusSeconds(3)))
                .isEqualTo(new Decision.DeadLetter("not delivered after 3 attempts; last: HTTP 500", Cause.EXHAUSTED));
    }

    @Test
    void honoursALongerRetryAfterWithinTheDeadline() {
        Decision decision = policy(0).decide(fresh(), failed(T0, Duration.ofSeconds(3)), T0);

        assertThat(decision).isEqualTo(new Decision.Retry(T0.plusSeconds(3), 2));
    }

    @Test
    void deadLettersWhenTheRetryWouldComeAfterTheDeadline() {
        Decision decision = policy(0).decide(fresh(), failed(T0, Duration.ofHours(1)), T0);

        assertThat(decision).isEqualTo(new Decision.DeadLetter("expired after 0.0 s: 1 attempt, last: HTTP 503",
                Cause.EXPIRED));
    }

    @Test
    void theDeadlineIsTheSchedulesSpanWithItsLargestJitterAndTheSlack() {
        assertThat(policy(0).deadline(fresh())).isEqualTo(T0.plusMillis(4_600));
    }

    @Test
    void defersUntilTheProbeAndExpiresTheDeferralThatWouldPassTheDeadline() {
        RetryPolicy policy = policy(0);
        DeliveryRecord once = fresh().afterFailure(result(T0, null), null);

        assertThat(policy.decide(once, deferred(T0.plusSeconds(2)), T0)).isEqualTo(new Decision.Retry(T0.plusSeconds(2), 2));
        assertThat(policy.decide(once, deferred(null), T0)).isEqualTo(new Decision.Retry(T0.plusSeconds(1), 1));
        assertThat(policy.decide(once, deferred(T0.plusSeconds(5)), T0.plusSeconds(4)))
                .isEqualTo(new Decision.DeadLetter("expired after 4.0 s: 1 attempt, last: HTTP 500", Cause.EXPIRED));
    }

    @Test
    void countsAgeFromEnqueueAcrossRetriesAndDeferrals() {
        DeliveryRecord old = fresh().afterFailure(result(T0.plusSeconds(4), null), null).deferredUntil(null);

        assertThat(policy(0).deadline(old)).isEqualTo(T0.plusMillis(4_600));
    }

    @Test
    void aDeliveredAttemptIsDone() {
        AttemptOutcome delivered = AttemptOutcome.of(new AttemptResult(T0, 204, null, 5, null, null));

        assertThat(policy(0).decide(fresh(), delivered, T0)).isEqualTo(new Decision.Done());
    }

    @Test
    void deadLettersARefusedAddressAtOnceWhateverAttemptsAreLeft() {
        AttemptOutcome refused = AttemptOutcome.of(new AttemptResult(T0, 0,
                "address 10.0.0.5 of example.test is private: refused", 1, null, null, false));

        assertThat(policy(0).decide(fresh(), refused, T0)).isEqualTo(new Decision.DeadLetter(
                "not retried: address 10.0.0.5 of example.test is private: refused", Cause.REFUSED));
    }

    @Test
    void choosesTheTierByTheWaitLeftAfterTheAttemptsLatency() {
        // due 2 s after the attempt started: tier 2 at once, tier 1 when 1.5 s of it went on the attempt
        AttemptOutcome throttled = failed(T0, Duration.ofSeconds(2));

        assertThat(policy(0).decide(fresh(), throttled, T0)).isEqualTo(new Decision.Retry(T0.plusSeconds(2), 2));
        assertThat(policy(0).decide(fresh(), throttled, T0.plusMillis(1_500)))
                .isEqualTo(new Decision.Retry(T0.plusSeconds(2), 1));
    }

    private RetryPolicy policy(double random) {
        return new RetryPolicy(properties, new RetryTiers(properties.delays(), properties.parkLimit()),
                new Jitter(0.2, properties.parkLimit(), FixedRandom.always(random)));
    }

    private static DeliveryRecord fresh() {
        return DeliveryRecord.first("dlv_1", "evt_1", "order.paid", "ep_1", "ord_1", "{}").enqueued(T0);
    }

    private static AttemptOutcome failed(Instant at, Duration retryAfter) {
        return AttemptOutcome.of(result(at, retryAfter));
    }

    private static AttemptOutcome deferred(Instant earliest) {
        return new AttemptOutcome.Deferred(earliest);
    }

    private static AttemptResult result(Instant at, Duration retryAfter) {
        return new AttemptResult(at, retryAfter == null ? 500 : 503, null, 5, null, retryAfter);
    }
}
