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
    void pause(Duration duration) throws InterruptedException;
}
