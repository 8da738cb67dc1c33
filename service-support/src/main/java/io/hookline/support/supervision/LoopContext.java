package io.hookline.support.supervision;

import java.time.Duration;

/** What a running {@link LoopBody} tells its supervisor, and asks of it. Thread-safe. */
public interface LoopContext {

    /** One iteration finished: the loop is alive and making progress. Cheap (one volatile write). */
    void progress();

    /** True once the loop has been asked to stop; a body should then finish its current work and return. */
    boolean stopping();

    /**
     * Waits {@code duration}, or less if the loop is asked to stop meanwhile (then it returns at once), reporting
     * progress along the way so a loop that waits on purpose is never reported stalled.
     */
    default void pause(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while (!stopping() && (left = deadline - System.nanoTime()) > 0) {
            progress();
            Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
        }
    }
}
