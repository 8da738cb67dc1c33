package io.hookline.dispatcher.health;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One endpoint's outcomes in one minute: counts of delivered, failed and deferred deliveries, the largest
 * latency, and a fixed latency histogram ({@link #BOUNDS_MS}, plus one bin above the last bound), all in one
 * {@link AtomicLongArray}: recording is a couple of lock-free increments, about 170 bytes a bucket. Thread-safe.
 */
final class MinuteBucket {

    /** Upper bounds (inclusive) of the latency bins, in milliseconds; a last bin takes everything above. */
    static final long[] BOUNDS_MS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000};

    private static final int DELIVERED = 0;
    private static final int FAILED = 1;
    private static final int DEFERRED = 2;
    private static final int MAX = 3;
    private static final int BINS = 4;

    private final long minute;
    private final AtomicLongArray values = new AtomicLongArray(BINS + BOUNDS_MS.length + 1);

    MinuteBucket(long minute) {
        this.minute = minute;
    }

    /** Minutes since the epoch. */
    long minute() {
        return minute;
    }

    void delivered(long latencyMs) {
        values.incrementAndGet(DELIVERED);
        latency(latencyMs);
    }

    void failed(long latencyMs) {
        values.incrementAndGet(FAILED);
        latency(latencyMs);
    }

    void deferred() {
        values.incrementAndGet(DEFERRED);
    }

    /** What the minute holds now (a consistent enough view: counters are read one by one). */
    MinuteOutcomes snapshot() {
        long attempts = 0;
        long[] bins = new long[BOUNDS_MS.length + 1];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = values.get(BINS + i);
            attempts += bins[i];
        }
        long max = values.get(MAX);
        Long p50 = attempts == 0 ? null : Math.min(max, median(bins, attempts));
        return new MinuteOutcomes(Instant.ofEpochSecond(minute * 60), values.get(DELIVERED), values.get(FAILED),
                values.get(DEFERRED), p50, attempts == 0 ? null : max);
    }

    static MinuteOutcomes empty(long minute) {
        return new MinuteOutcomes(Instant.ofEpochSecond(minute * 60), 0, 0, 0, null, null);
    }

    /** The upper bound of the bin holding the middle attempt (the bin above the last bound: no bound). */
    private static long median(long[] bins, long attempts) {
        long middle = (attempts + 1) / 2;
        long seen = 0;
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            seen += bins[i];
            if (seen >= middle) {
                return BOUNDS_MS[i];
            }
        }
        return Long.MAX_VALUE;
    }

    private void latency(long latencyMs) {
        long ms = Math.max(0, latencyMs);
        values.incrementAndGet(BINS + bin(ms));
        long max;
        do {
            max = values.get(MAX);
        } while (ms > max && !values.compareAndSet(MAX, max, ms));
    }

    static int bin(long ms) {
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (ms <= BOUNDS_MS[i]) {
                return i;
            }
        }
        return BOUNDS_MS.length;
    }
}
