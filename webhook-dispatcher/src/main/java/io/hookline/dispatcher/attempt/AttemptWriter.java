package io.hookline.dispatcher.attempt;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores the {@link AttemptBuffer}'s attempts, in batches ({@link AttemptStore}), on the supervised loop
 * {@value #LOOP}. A batch that cannot be written (database down, slow, a conflict with another instance) stays in
 * the writer's hands and is tried again after a back-off that doubles up to {@code max-retry-backoff}; meanwhile
 * the deliveries go on and their attempts wait in the buffer. A batch the database refuses for its data is written
 * row by row, and only the rows it still refuses are dropped (and counted). Anything else that goes wrong ends the
 * loop's run: the supervisor restarts it (readiness DOWN naming the loop until it runs again) and the batch in hand
 * is written by the next run. Stops after the delivery engine (lower phase) and writes what is left on the way.
 */
@Component
class AttemptWriter implements SmartLifecycle {

    static final String LOOP = "attempt-log-writer";
    private static final Logger log = LoggerFactory.getLogger(AttemptWriter.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(100);

    private final AttemptBuffer buffer;
    private final AttemptStore store;
    private final AttemptLogProperties properties;
    private final LoopSupervisor supervisor;
    /** The batch being written; touched by one run of the loop at a time, and by {@link #stop()} once it ended. */
    private final List<DeliveryAttempt> inHand = new ArrayList<>();
    private volatile SupervisedLoop loop;

    AttemptWriter(AttemptBuffer buffer, AttemptStore store, AttemptLogProperties properties,
            LoopSupervisor supervisor) {
        this.buffer = buffer;
        this.store = store;
        this.properties = properties;
        this.supervisor = supervisor;
    }

    @Override
    public synchronized void start() {
        loop = supervisor.start(LOOP, this::run);
    }

    private void run(LoopContext context) throws InterruptedException {
        Duration backoff = properties.retryBackoff();
        while (!context.stopping()) {
            if (inHand.isEmpty()) {
                buffer.take(inHand, properties.batchSize(), IDLE_WAIT, properties.gather());
                buffer.inHand(inHand.size());
            }
            if (inHand.isEmpty() || writeInHand()) {
                backoff = properties.retryBackoff();
            } else {
                pause(backoff, context);
                backoff = min(backoff.multipliedBy(2), properties.maxRetryBackoff());
            }
            context.progress();
        }
    }

    /** Writes the batch in hand; false when it must be tried again later (it is still in hand). */
    private boolean writeInHand() {
        try {
            store.write(inHand);
            done(inHand.size());
            return true;
        } catch (DuplicateKeyException e) {
            log.info("Attempt counters conflicted with another instance; writing the batch again");
            return false;
        } catch (DataIntegrityViolationException e) {
            writeRowByRow();
            return true;
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            log.warn("Could not store {} delivery attempts ({} waiting); trying again: {}", inHand.size(),
                    buffer.backlog(), e.toString());
            return false;
        }
    }

    /** Writes one attempt per transaction, dropping (and counting) those the database refuses. */
    private void writeRowByRow() {
        Iterator<DeliveryAttempt> rows = inHand.iterator();
        while (rows.hasNext()) {
            DeliveryAttempt attempt = rows.next();
            try {
                store.write(List.of(attempt));
                buffer.written(1);
            } catch (DataIntegrityViolationException e) {
                log.warn("Dropping attempt {} of delivery {}: the database refused it: {}", attempt.attempt(),
                        attempt.deliveryId(), e.getMostSpecificCause().toString());
                buffer.rejected();
            }
            rows.remove();
            buffer.inHand(inHand.size());
        }
    }

    private void done(int count) {
        buffer.written(count);
        inHand.clear();
        buffer.inHand(0);
    }

    private static void pause(Duration backoff, LoopContext context) throws InterruptedException {
        long until = System.nanoTime() + backoff.toNanos();
        while (!context.stopping() && System.nanoTime() < until) {
            Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the loop, then writes what is still buffered, for at most {@code shutdown-timeout}. */
    @Override
    public synchronized void stop() {
        SupervisedLoop running = loop;
        if (running == null) {
            return;
        }
        loop = null;
        running.stop();
        long deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        try {
            if (!running.await(properties.shutdownTimeout())) {
                log.warn("The attempt-log writer did not stop in time; {} attempts are not stored", buffer.backlog());
                return;
            }
            flush(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush(long deadline) throws InterruptedException {
        while ((!inHand.isEmpty() || !buffer.isEmpty()) && System.nanoTime() < deadline) {
            if (inHand.isEmpty()) {
                buffer.take(inHand, properties.batchSize(), Duration.ZERO, Duration.ZERO);
            }
            if (!writeInHand()) {
                Thread.sleep(100);
            }
        }
        if (buffer.backlog() > 0) {
            log.warn("Stopping with {} delivery attempts not stored (the database did not take them)",
                    buffer.backlog());
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** After the delivery engine (default phase), which records attempts until it has stopped. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1000;
    }
}
