package io.hookline.orders.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes committed outbox rows to Kafka: one loop on its own thread ({@code outbox-relay}).
 *
 * <p>Each round claims the oldest unpublished rows (up to {@code batch-size}, by id), sends them, waits for
 * every acknowledgement, then marks them published in one UPDATE. Only one batch is ever in flight, so rows
 * are published in id order. When a round fails (Kafka down, database error) nothing is marked, a WARN is
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
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private volatile Thread thread;

    OutboxRelay(OutboxRepository repository, OutboxSender sender, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAppended(OutboxAppended appended) {
        wake();
    }

    private void run() {
        Backoff backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        try {
            while (!isStopping()) {
                if (relayRound(backoff) < properties.batchSize()) {
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

    /** Claims, sends and marks one batch; returns how many rows it published. */
    private int publishBatch() throws OutboxPublishException, InterruptedException {
        List<OutboxRecord> batch = repository.claimBatch(properties.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        sender.sendAll(batch);
        repository.markPublished(batch.stream().map(OutboxRecord::id).toList(), clock.instant());
        return batch.size();
    }

    private boolean isStopping() {
        return stopped.getCount() == 0;
    }
}
