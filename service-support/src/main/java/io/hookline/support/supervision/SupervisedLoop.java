package io.hookline.support.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background loop on its own platform thread, restarted whenever its {@link LoopBody} throws or returns
 * before {@link #stop()}: back-off from {@code initialBackoff} doubling to {@code maxBackoff}, reset once a
 * restarted run finishes an iteration. Until then the loop reports {@link LoopState#RESTARTING}, which takes
 * readiness DOWN with the loop's name. A loop with a stall limit reports {@link LoopState#STALLED} when no
 * iteration finished within it.
 *
 * <p>Threading: {@link #status()} may be called from any thread; {@link #stop()} and {@link #await(Duration)}
 * from one (the lifecycle's). Created by {@link LoopSupervisor}.
 */
public final class SupervisedLoop {

    private static final Logger log = LoggerFactory.getLogger(SupervisedLoop.class);
    private static final int MAX_MESSAGE = 300;
    /** How often a pausing loop reports progress. */
    private static final Duration PAUSE_TICK = Duration.ofSeconds(1);

    private final String name;
    private final LoopBody body;
    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration stallAfter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopRequested = lock.newCondition();
    private final Context context = new Context();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile boolean dead;
    private volatile int restarts;
    private volatile Instant lastProgress;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    SupervisedLoop(String name, LoopBody body, Clock clock, Duration initialBackoff, Duration maxBackoff,
            Duration stallAfter) {
        this.name = name;
        this.body = body;
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.stallAfter = stallAfter;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::supervise);
    }

    void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    /** Asks the loop to stop: no further restart, {@link LoopContext#stopping()} turns true, back-off ends. */
    public void stop() {
        stopping = true;
        lock.lock();
        try {
            stopRequested.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for the loop's thread to end; true if it did. */
    public boolean await(Duration timeout) throws InterruptedException {
        thread.join(timeout);
        return !thread.isAlive();
    }

    public LoopStatus status() {
        return new LoopStatus(name, state(), restarts, lastProgress, lastFailure, lastFailureAt);
    }

    private LoopState state() {
        if (stopped) {
            return LoopState.STOPPED;
        }
        if (dead) {
            return LoopState.RESTARTING;
        }
        Instant progress = lastProgress;
        if (progress == null) {
            return LoopState.STARTING;
        }
        if (stallAfter != null && progress.plus(stallAfter).isBefore(clock.instant())) {
            return LoopState.STALLED;
        }
        return LoopState.RUNNING;
    }

    private void supervise() {
        Duration backoff = initialBackoff;
        while (!stopping) {
            try {
                body.run(context);
                if (stopping) {
                    break;
                }
                died(new IllegalStateException("the loop returned without being stopped"));
            } catch (Throwable failure) {
                died(failure);
                if (failure instanceof Error && !(failure instanceof StackOverflowError)) {
                    log.error("Loop {} died of an error the JVM may not survive; restarting anyway", name);
                }
            }
            if (context.progressedSinceStart) {
                backoff = initialBackoff;
            }
            waitOut(backoff);
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            if (!stopping) {
                restarts++;
                context.progressedSinceStart = false;
                log.warn("Restarting loop {} (restart {})", name, restarts);
            }
        }
        stopped = true;
    }

    private void died(Throwable failure) {
        dead = true;
        lastFailureAt = clock.instant();
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        lastFailure = truncate(failure.getClass().getName() + message);
        log.error("Loop {} died; readiness is DOWN until it runs again", name, failure);
    }

    private void waitOut(Duration backoff) {
        lock.lock();
        try {
            long nanos = backoff.toNanos();
            while (!stopping && nanos > 0) {
                nanos = stopRequested.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    private final class Context implements LoopContext {

        private volatile boolean progressedSinceStart;

        @Override
        public void progress() {
            lastProgress = clock.instant();
            if (!progressedSinceStart) {
                progressedSinceStart = true;
                dead = false;
            }
        }

        @Override
        public boolean stopping() {
            return stopping;
        }

        @Override
        public void pause(Duration duration) throws InterruptedException {
            long deadline = System.nanoTime() + duration.toNanos();
            lock.lock();
            try {
                long left;
                while (!stopping && (left = deadline - System.nanoTime()) > 0) {
                    stopRequested.awaitNanos(Math.min(left, PAUSE_TICK.toNanos()));
                    progress();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
