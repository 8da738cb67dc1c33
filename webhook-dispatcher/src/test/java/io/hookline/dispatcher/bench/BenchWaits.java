package io.hookline.dispatcher.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling waits of the benchmark (5 ms steps), always bounded. */
final class BenchWaits {

    private BenchWaits() {
    }

    /** Waits for {@code condition}; a benchmark step that does not finish within {@code limit} is an error. */
    static void awaitUntil(BooleanSupplier condition, Duration limit) {
        if (!waitFor(condition, limit)) {
            throw new IllegalStateException("benchmark step did not finish within " + limit);
        }
    }

    /** Waits for {@code condition} at most {@code limit}; says whether it became true. */
    static boolean waitFor(BooleanSupplier condition, Duration limit) {
        return waitUntilNanos(condition, System.nanoTime() + limit.toNanos());
    }

    /** Waits for {@code condition} until {@code deadline} ({@link System#nanoTime()}); says whether it became true. */
    static boolean waitUntilNanos(BooleanSupplier condition, long deadline) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            pause(Duration.ofMillis(5));
        }
        return true;
    }

    /** Sleeps until {@code deadline} ({@link System#nanoTime()}); returns at once if it has passed. */
    static void pauseUntilNanos(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
