package io.hookline.orders.system;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A retention loop: every {@code interval} (and once at start) it deletes what has aged out, in statements of at
 * most {@code batchSize} rows each, until a statement deletes fewer, so no statement locks or logs much and a
 * large backlog drains across short transactions. Runs under the {@link LoopSupervisor} as {@code name}: a
 * database error is logged and retried at the next interval; anything else kills the loop (readiness DOWN
 * naming it) and the supervisor restarts it.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} from one thread (the lifecycle's); the deletes run on the
 * loop's own thread. {@link #purgeNow()} runs one pass on the caller's thread (tests, operators).
 */
public final class PurgeLoop {

    private static final Logger log = LoggerFactory.getLogger(PurgeLoop.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** Deletes at most {@code limit} rows that aged out as of {@code now}; returns how many it deleted. */
    @FunctionalInterface
    public interface Step {
        int deleteBatch(Instant now, int limit);
    }

    private final String name;
    private final LoopSupervisor supervisor;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final Step step;
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private volatile boolean stopping;
    private SupervisedLoop loop;

    public PurgeLoop(String name, LoopSupervisor supervisor, Clock clock, Duration interval, int batchSize,
            Step step) {
        this.name = name;
        this.supervisor = supervisor;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.step = step;
    }

    public synchronized void start() {
        if (loop == null) {
            stopping = false;
            stopped = new CountDownLatch(1);
            loop = supervisor.start(name, this::run);
        }
    }

    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        stopping = true;
        loop.stop();
        stopped.countDown();
        try {
            loop.await(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    public synchronized boolean isRunning() {
        return loop != null;
    }

    /** One pass: deletes batch after batch of what aged out by now; returns how many rows went. */
    public int purgeNow() {
        Instant now = clock.instant();
        int total = 0;
        int deleted;
        do {
            deleted = step.deleteBatch(now, batchSize);
            total += deleted;
        } while (deleted >= batchSize && !stopping);
        return total;
    }

    private void run(LoopContext context) throws InterruptedException {
        while (!context.stopping()) {
            try {
                int purged = purgeNow();
                if (purged > 0) {
                    log.info("{}: deleted {} row(s) past their retention", name, purged);
                }
            } catch (DataAccessException e) {
                log.warn("{}: could not delete ({}); trying again in {}", name, e.getMessage(), interval);
            }
            context.progress();
            stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
