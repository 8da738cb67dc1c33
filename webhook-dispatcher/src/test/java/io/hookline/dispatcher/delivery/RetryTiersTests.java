package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.delivery.RetryTiers.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTiersTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    /** Svix's schedule as tiers, with a park limit of one minute. */
    private final RetryTiers tiers = new RetryTiers(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10)), Duration.ofMinutes(1));

    @Test
    void routesAWaitToTheLongestTierNotLongerThanIt() {
        assertThat(tiers.tierFor(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(tiers.tierFor(Duration.ofSeconds(6))).isEqualTo(1);
        assertThat(tiers.tierFor(Duration.ofMinutes(6))).isEqualTo(2);
        assertThat(tiers.tierFor(Duration.ofMinutes(40))).isEqualTo(3);
        assertThat(tiers.tierFor(Duration.ofHours(30))).isEqualTo(6);
    }

    @Test
    void routesAWaitShorterThanEveryTierToTheFirst() {
        assertThat(tiers.tierFor(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(tiers.tierFor(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void roundsUpToTheNextTierWhenGreedyForwardingWouldTakeManyHops() {
        assertThat(tiers.tierFor(Duration.ofSeconds(20))).isEqualTo(1);
        assertThat(tiers.tierFor(Duration.ofMinutes(2))).isEqualTo(2);
        assertThat(tiers.tierFor(Duration.ofMinutes(16))).isEqualTo(2);
        assertThat(tiers.tierFor(Duration.ofMinutes(17))).isEqualTo(3);
    }

    @Test
    void keepsARecordBackUntilItsTierReleasesIt() {
        Instant appended = NOW.minusSeconds(3);

        assertThat(tiers.decide(1, appended, NOW.plusSeconds(2), NOW))
                .isEqualTo(new Verdict.WaitUntil(appended.plusSeconds(5)));
    }

    @Test
    void releasesARecordAtItsDueTimeWhenThatComesBeforeItsTiersHoldEnds() {
        Instant appended = NOW.minusSeconds(1);

        assertThat(tiers.decide(2, appended, NOW.plusSeconds(30), NOW))
                .isEqualTo(new Verdict.WaitUntil(NOW.plusSeconds(30)));
        assertThat(tiers.decide(2, appended, NOW, NOW)).isEqualTo(new Verdict.Attempt());
    }

    @Test
    void attemptsWhatIsDueAndParksWhatIsDueWithinTheParkLimit() {
        Instant appended = NOW.minusSeconds(5);

        assertThat(tiers.decide(1, appended, NOW, NOW)).isEqualTo(new Verdict.Attempt());
        assertThat(tiers.decide(1, appended, NOW.minusSeconds(1), NOW)).isEqualTo(new Verdict.Attempt());
        assertThat(tiers.decide(1, appended, NOW.plusSeconds(60), NOW)).isEqualTo(new Verdict.Park(NOW.plusSeconds(60)));
        assertThat(tiers.decide(0, NOW, null, NOW)).isEqualTo(new Verdict.Attempt());
    }

    @Test
    void forwardsALongWaitToTheTierThatCoversIt() {
        Instant appended = NOW.minusSeconds(5);

        assertThat(tiers.decide(1, appended, NOW.plus(Duration.ofHours(1)), NOW)).isEqualTo(new Verdict.Forward(3));
        assertThat(tiers.decide(0, NOW, NOW.plus(Duration.ofMinutes(10)), NOW)).isEqualTo(new Verdict.Forward(2));
    }

    @Test
    void anHourLongRetryAfterTakesAtMostThreeRecordsAndIsNeverServedEarly() {
        Instant due = NOW.plus(Duration.ofHours(1));
        Instant now = NOW;
        int tier = tiers.tierFor(Duration.between(now, due));
        int records = 1;
        while (true) {
            now = now.plus(tiers.delay(tier));
            Verdict verdict = tiers.decide(tier, now.minus(tiers.delay(tier)), due, now);
            if (!(verdict instanceof Verdict.Forward(int next))) {
                assertThat(verdict).isIn(new Verdict.Park(due), new Verdict.Attempt());
                break;
            }
            tier = next;
            records++;
        }

        assertThat(records).isLessThanOrEqualTo(3);
        assertThat(now).isBeforeOrEqualTo(due);
    }
}
