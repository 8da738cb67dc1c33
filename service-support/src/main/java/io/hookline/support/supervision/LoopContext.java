package io.hookline.support.supervision;

/** What a running {@link LoopBody} tells its supervisor, and asks of it. Thread-safe. */
public interface LoopContext {

    /** One iteration finished: the loop is alive and making progress. Cheap (one volatile write). */
    void progress();

    /** True once the loop has been asked to stop; a body should then finish its current work and return. */
    boolean stopping();
}
