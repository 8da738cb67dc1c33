package io.hookline.orders.bench;

import java.util.Arrays;
import java.util.Locale;

/** Nearest-rank percentiles of a set of samples in microseconds, printed in milliseconds. */
record Percentiles(int count, double p50, double p90, double p99, double max) {

    static Percentiles of(long[] micros) {
        if (micros.length == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }

    String describe() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", count, p50, p90,
                p99, max);
    }
}
