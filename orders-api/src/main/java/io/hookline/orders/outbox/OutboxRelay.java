package io.hookline.orders.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka: one loop on its own thread ({@code outbox-relay}).
 *
 * <p>Each round runs in one database transaction: it claims the oldest claimable rows (up to {@code batch-size},
 * by id, {@code FOR UPDATE SKIP LOCKED}, see {@link OutboxRepository}), sends them, waits for every
 * acknowledgement, marks them published in one UPDATE and commits. Several instances on one database therefore
 * publish disjoint rows, each once; within one relay only one batch is ever in flight, and an order's next event
 * is claimable only once its previous one is published, so each order's events reach Kafka in order. When a round fails (Kafka down, database error) nothing is marked, a WARN is
 * logged and the relay backs off ({@code initial-backoff} doubling to {@code max-backoff}) before retrying;
 * the HTTP API is unaffected. Delivery is at least once: a crash between the acknowledgement and the UPDATE
 * publishes those rows again, and consumers dedupe on the event id.
 *
 * <p>Threading: {@link #start()}, {@link #stop()} and {@link #wake()} may be called from any thread; all
 * database and Kafka work happens on the relay thread. {@link #wake()} is called after each commit that
 * appended a row, so events leave within milliseconds; {@code poll-interval} is the safety net.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRepository repository;
    private final OutboxSender sender;
    private final OutboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OutboxLag lag;
    private final AtomicLong published = new AtomicLong();
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private volatile Thread thread;

    OutboxRelay(OutboxRepository repository, OutboxSender sender, OutboxProperties properties, Clock clock,
            TransactionTemplate transactions, OutboxLag lag) {
        this.lag = lag;
        this.repository = repository;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopped = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("outbox-relay").start(this::run);
    }

    /** Lets the current round finish (up to 10 s), then interrupts it; unfinished rows stay unpublished. */
    @Override
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopped.countDown();
        wakeUps.release();
        try {
            if (!running.join(STOP_TIMEOUT)) {
                running.interrupt();
                running.join(STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /**
     * Started before and stopped after the web server (whose graceful shutdown drains requests in flight), so
     * the events of requests that finish during that drain are published before the relay stops, not at the next
     * start.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    }

    /** Asks the relay to look for rows now rather than at the next poll. Cheap; never blocks. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** How many rounds in a row have failed; 0 after a successful round. For monitoring and tests. */
    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /** How many rows this relay has published since it was created. For monitoring and tests. */
    public long publishedCount() {
        return published.get();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAppended(OutboxAppended appended) {
        wake();
    }

    private void run() {
        Backoff backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        try {
            while (!isStopping()) {
                if (relayRound(backoff) == 0) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.debug("Outbox relay stopped");
    }

    /** One round: publish a batch; on failure log, back off and report 0. */
    private int relayRound(Backoff backoff) throws InterruptedException {
        try {
            int published = publishBatch();
            backoff.reset();
            consecutiveFailures.set(0);
            return published;
        } catch (OutboxPublishException | RuntimeException e) {
            Duration delay = backoff.next();
            consecutiveFailures.incrementAndGet();
            log.warn("Outbox relay could not publish to Kafka or reach the database ({}); retrying in {} ms",
                    e instanceof OutboxPublishException ? e.getMessage() : e.toString(), delay.toMillis());
            stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        }
    }

    /** Claims, sends and marks one batch in one transaction; returns how many rows it published. */
    private int publishBatch() throws OutboxPublishException, InterruptedException {
        try {
            Integer count = transactions.execute(status -> {
                List<OutboxRecord> batch = repository.claimBatch(properties.batchSize());
                if (batch.isEmpty()) {
                    return 0;
                }
                try {
                    sender.sendAll(batch);
                } catch (OutboxPublishException | InterruptedException e) {
                    throw new RoundFailed(e);
                }
                Instant publishedAt = clock.instant();
                repository.markPublished(batch.stream().map(OutboxRecord::id).toList(), publishedAt);
                lag.published(batch, publishedAt);
                return batch.size();
            });
            published.addAndGet(count);
            return count;
        } catch (RoundFailed failed) {
            if (failed.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw (OutboxPublishException) failed.getCause();
        }
    }

    /** Carries a checked failure out of the transaction callback (and rolls the claim back). */
    private static final class RoundFailed extends RuntimeException {

        RoundFailed(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private boolean isStopping() {
        return stopped.getCount() == 0;
    }
}
