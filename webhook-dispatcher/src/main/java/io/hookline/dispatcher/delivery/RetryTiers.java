package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The retry topics as tiers of fixed delay: tier k ({@code <deliveries>.retry.<k>}) holds each record for
 * {@code d_k = delays[k-1]} after it was appended, so a record becomes eligible at {@code timestamp + d_k}, or at
 * its due time if that is earlier (a record produced late, after a slow attempt log write, or rounded up to a
 * longer tier). Records are appended in time order, so a partition's head is (to within that produce lag) its
 * next eligible record, and nothing waits behind a head longer than that head's own eligibility: no
 * head-of-line blocking between endpoints.
 * <ul>
 * <li>{@link #tierFor}: a wait W goes to the tier with the largest delay ≤ W (tier 1 if W is shorter than
 * every delay: served late, never early); when the remainder would still exceed the park limit and greedy
 * forwarding would take more than {@link #MAX_GREEDY_HOPS} hops, it is rounded up to the next longer tier.</li>
 * <li>{@link #decide}: at eligibility, with R = due − now: R ≤ 0 attempt; R ≤ park limit park in memory;
 * else forward to {@code tierFor(R)}.</li>
 * </ul>
 * Pure and immutable; thread-safe.
 */
final class RetryTiers {

    /** More hops than this and a wait is rounded up to the next longer tier. */
    static final int MAX_GREEDY_HOPS = 3;

    /** What the engine does with a record it meets. */
    sealed interface Verdict {
        /** Not eligible yet: the partition waits until then. */
        record WaitUntil(Instant eligibleAt) implements Verdict {
        }

        record Attempt() implements Verdict {
        }

        /** Hold the record in memory until its due time; the partition goes on. */
        record Park(Instant dueAt) implements Verdict {
        }

        /** Produce the record again, unchanged, to this tier. */
        record Forward(int tier) implements Verdict {
        }
    }

    private final List<Duration> delays;
    private final Duration parkLimit;

    RetryTiers(List<Duration> delays, Duration parkLimit) {
        this.delays = List.copyOf(delays);
        this.parkLimit = parkLimit;
    }

    int count() {
        return delays.size();
    }

    /** The hold time of tier {@code tier} (1-based). */
    Duration delay(int tier) {
        return delays.get(tier - 1);
    }

    /** The tier a record waiting {@code wait} from now is produced to. */
    int tierFor(Duration wait) {
        int below = 0;
        int above = 0;
        for (int k = 1; k <= delays.size(); k++) {
            Duration d = delay(k);
            if (d.compareTo(wait) <= 0 && (below == 0 || d.compareTo(delay(below)) > 0)) {
                below = k;
            }
            if (d.compareTo(wait) > 0 && (above == 0 || d.compareTo(delay(above)) < 0)) {
                above = k;
            }
        }
        if (below == 0) {
            return above;
        }
        Duration remainder = wait.minus(delay(below));
        if (remainder.compareTo(parkLimit) <= 0 || above == 0) {
            return below;
        }
        long hops = ceilDiv(wait.minus(parkLimit), delay(below));
        return hops > MAX_GREEDY_HOPS ? above : below;
    }

    /**
     * What to do with a record met on tier {@code tier} (0 = the delivery topic, where records are eligible at
     * once), appended at {@code timestamp}, due at {@code dueAt} ({@code null}: at once).
     */
    Verdict decide(int tier, Instant timestamp, Instant dueAt, Instant now) {
        if (tier > 0) {
            Instant held = timestamp.plus(delay(tier));
            Instant eligibleAt = dueAt != null && dueAt.isBefore(held) ? dueAt : held;
            if (eligibleAt.isAfter(now)) {
                return new Verdict.WaitUntil(eligibleAt);
            }
        }
        if (dueAt == null || !dueAt.isAfter(now)) {
            return new Verdict.Attempt();
        }
        Duration remaining = Duration.between(now, dueAt);
        if (remaining.compareTo(parkLimit) <= 0) {
            return new Verdict.Park(dueAt);
        }
        return new Verdict.Forward(tierFor(remaining));
    }

    private static long ceilDiv(Duration a, Duration b) {
        return Math.ceilDiv(Math.max(0, a.toMillis()), Math.max(1, b.toMillis()));
    }
}
