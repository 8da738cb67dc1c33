package io.hookline.support.supervision;

/** Where a supervised loop stands, as readiness reports it. */
public enum LoopState {
    /** Started, not yet through its first iteration. */
    STARTING,
    /** Making progress. */
    RUNNING,
    /** Alive, but no iteration finished within its stall limit. */
    STALLED,
    /** Died; waiting out its back-off before the next run, or restarted and not yet through an iteration. */
    RESTARTING,
    /** Stopped on request (application shutdown). */
    STOPPED;

    /** Whether readiness may report UP while a loop is in this state. */
    public boolean ready() {
        return this == RUNNING || this == STARTING || this == STOPPED;
    }
}
