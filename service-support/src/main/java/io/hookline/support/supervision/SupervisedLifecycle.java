package io.hookline.support.supervision;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A Spring lifecycle bean whose work is one supervised loop: {@link #start()} runs {@link #run(LoopContext)} under
 * the {@link LoopSupervisor} as {@link #loopName()} (unless {@link #enabled()} is false), {@link #stop()} asks it
 * to stop and waits up to {@link #stopTimeout()}. Subclasses hold only the loop's body.
 *
 * <p>Threading: {@link #start()}, {@link #stop()} and {@link #isRunning()} are called by the container's lifecycle
 * thread; the body runs on the loop's own thread.
 */
public abstract class SupervisedLifecycle implements SmartLifecycle {

    private final LoopSupervisor supervisor;
    private SupervisedLoop loop;

    protected SupervisedLifecycle(LoopSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** The loop's name: its thread, its readiness component and its metric tag. */
    protected abstract String loopName();

    /** One run of the loop (see {@link LoopBody}). */
    protected abstract void run(LoopContext context) throws Exception;

    /** Whether the loop runs at all (configuration); {@code true} unless overridden. */
    protected boolean enabled() {
        return true;
    }

    /** How long {@link #stop()} waits for the loop to end. */
    protected Duration stopTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public synchronized void start() {
        if (loop == null && enabled()) {
            loop = supervisor.start(loopName(), this::run);
        }
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            loop.await(stopTimeout());
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
