package io.hookline.dispatcher.autodisable;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link AutoDisableJob} every {@code dispatcher.auto-disable.check-interval} (the first check one interval
 * after start) as the supervised loop {@value #LOOP_NAME}. The job itself survives a failing endpoint and a failing
 * run (logged, the next run as usual); anything that still escapes it kills the loop, which readiness then reports
 * DOWN by name until the {@link LoopSupervisor} has restarted it. Between checks the loop reports progress every
 * {@link #TICK}, so a live loop is never reported dead. Off when {@code dispatcher.auto-disable.enabled} is false.
 * {@link #start()}/{@link #stop()} are called by the container's lifecycle thread.
 */
@Component
class AutoDisableLoop implements SmartLifecycle {

    static final String LOOP_NAME = "auto-disable";
    static final Duration TICK = Duration.ofMillis(100);

    private final AutoDisableJob job;
    private final AutoDisableProperties properties;
    private final LoopSupervisor supervisor;
    private SupervisedLoop loop;

    AutoDisableLoop(AutoDisableJob job, AutoDisableProperties properties, LoopSupervisor supervisor) {
        this.job = job;
        this.properties = properties;
        this.supervisor = supervisor;
    }

    @Override
    public synchronized void start() {
        if (properties.enabled()) {
            loop = supervisor.start(LOOP_NAME, this::run);
        }
    }

    private void run(LoopContext context) throws InterruptedException {
        long interval = properties.checkInterval().toNanos();
        long next = System.nanoTime() + interval;
        while (!context.stopping()) {
            if (System.nanoTime() - next >= 0) {
                job.run();
                next = System.nanoTime() + interval;
            }
            context.progress();
            Thread.sleep(Math.max(0, Math.min(TICK.toNanos(), next - System.nanoTime())) / 1_000_000 + 1);
        }
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            loop.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
