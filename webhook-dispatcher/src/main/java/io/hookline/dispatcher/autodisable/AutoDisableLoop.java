package io.hookline.dispatcher.autodisable;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link AutoDisableJob} every {@code hookline.dispatcher.auto-disable.check-interval} (the first check one interval
 * after start) as the supervised loop {@value #LOOP_NAME}. The job itself survives a failing endpoint and a failing
 * run (logged, the next run as usual); anything that still escapes it kills the loop, which readiness then reports
 * DOWN by name until the {@link LoopSupervisor} has restarted it. Between checks the loop reports progress while it
 * pauses, so a live loop is never reported dead. Off when {@code hookline.dispatcher.auto-disable.enabled} is false.
 */
@Component
class AutoDisableLoop extends SupervisedLifecycle {

    static final String LOOP_NAME = "auto-disable";

    private final AutoDisableJob job;
    private final AutoDisableProperties properties;

    AutoDisableLoop(AutoDisableJob job, AutoDisableProperties properties, LoopSupervisor supervisor) {
        super(supervisor);
        this.job = job;
        this.properties = properties;
    }

    @Override
    protected String loopName() {
        return LOOP_NAME;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected void run(LoopContext context) throws InterruptedException {
        context.progress();
        while (!context.stopping()) {
            context.pause(properties.checkInterval());
            if (!context.stopping()) {
                job.run();
            }
        }
    }
}
