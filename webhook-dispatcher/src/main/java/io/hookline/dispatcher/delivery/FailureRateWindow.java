package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Attempts and failures of one endpoint over a sliding time window (Resilience4j's time-based window): the
 * window is cut into {@code buckets} equal slots; a slot older than the window is cleared before it is reused,
 * so the counts always cover the last {@code window} (to the precision of one slot). Time is passed in, never
 * read. Not thread-safe: its owner holds the lock.
 */
final class FailureRateWindow {

    private final long slotMillis;
    private final long[] slotOf;
    private final int[] attempts;
    private final int[] failures;

    FailureRateWindow(Duration window, int buckets) {
        this.slotMillis = Math.max(1, window.toMillis() / buckets);
        this.slotOf = new long[buckets];
        this.attempts = new int[buckets];
        this.failures = new int[buckets];
        java.util.Arrays.fill(slotOf, Long.MIN_VALUE);
    }

    void record(Instant now, boolean failed) {
        int index = current(now);
        attempts[index]++;
        if (failed) {
            failures[index]++;
        }
    }

    /** Attempts recorded in the window ending now. */
    int attempts(Instant now) {
        return sum(attempts, now);
    }

    int failures(Instant now) {
        return sum(failures, now);
    }

    /** Failed share of the attempts in the window, 0 when there were none. */
    double failureRate(Instant now) {
        int made = attempts(now);
        return made == 0 ? 0 : (double) failures(now) / made;
    }

    void clear() {
        java.util.Arrays.fill(slotOf, Long.MIN_VALUE);
        java.util.Arrays.fill(attempts, 0);
        java.util.Arrays.fill(failures, 0);
    }

    private int current(Instant now) {
        long slot = Math.floorDiv(now.toEpochMilli(), slotMillis);
        int index = (int) Math.floorMod(slot, (long) slotOf.length);
        if (slotOf[index] != slot) {
            slotOf[index] = slot;
            attempts[index] = 0;
            failures[index] = 0;
        }
        return index;
    }

    private int sum(int[] counts, Instant now) {
        long slot = Math.floorDiv(now.toEpochMilli(), slotMillis);
        int total = 0;
        for (int i = 0; i < slotOf.length; i++) {
            if (slotOf[i] > slot - slotOf.length && slotOf[i] <= slot) {
                total += counts[i];
            }
        }
        return total;
    }
}
