package io.hookline.support.supervision;

/**
 * One run of a supervised background loop: it runs until it is asked to stop, calling
 * {@link LoopContext#progress()} once per iteration. Returning while the loop is not being stopped, or
 * throwing, counts as the loop dying: the supervisor restarts it with back-off. Each run should create what
 * it needs afresh (a Kafka consumer, a connection), because the previous run may have left them broken.
 */
@FunctionalInterface
public interface LoopBody {

    void run(LoopContext context) throws Exception;
}
