package io.hookline.dispatcher.retention;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs {@link RetentionDeletes} every {@code dispatcher.retention.interval} on the supervised loop {@value #LOOP}
 * (when {@code dispatcher.retention.enabled}). A round the database fails is simply tried again next interval;
 * anything else ends the run, and the supervisor restarts it with back-off (readiness names the loop until then).
 * Several instances may run it at once: their deletes overlap harmlessly.
 */
@Component
class RetentionLoop implements SmartLifecycle {

    static final String LOOP = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionLoop.class);

    private final RetentionDeletes deletes;
    private final RetentionProperties properties;
    private final LoopSupervisor supervisor;
    private SupervisedLoop loop;

    RetentionLoop(RetentionDeletes deletes, RetentionProperties properties, LoopSupervisor supervisor) {
        this.deletes = deletes;
        this.properties = properties;
        this.supervisor = supervisor;
    }

    @Override
    public synchronized void start() {
        if (properties.enabled()) {
            loop = supervisor.start(LOOP, this::run);
        }
    }

    private void run(LoopContext context) throws InterruptedException {
        while (!context.stopping()) {
            try {
                RetentionDeletes.Deleted deleted = deletes.round();
                if (deleted.attempts() + deleted.counters() + deleted.deadLetters() > 0) {
                    log.info("Retention deleted {} attempts, {} attempt counters, {} resolved dead letters",
                            deleted.attempts(), deleted.counters(), deleted.deadLetters());
                }
            } catch (DataAccessException | TransactionException e) {
                log.warn("Retention round failed; trying again in {}: {}", properties.interval(), e.toString());
            }
            context.progress();
            pause(properties.interval(), context);
        }
    }

    private static void pause(Duration duration, LoopContext context) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (!context.stopping() && System.nanoTime() < until) {
            Thread.sleep(Math.max(1, Math.min(200, (until - System.nanoTime()) / 1_000_000)));
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
