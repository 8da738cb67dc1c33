package io.hookline.orders.outbox;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka: one loop ({@value #LOOP}) run by the {@link LoopSupervisor}.
 *
 * <p>Each iteration first records what Kafka answered since the last one: the acknowledged rows are marked
 * published in one UPDATE, each as soon as its own acknowledgement is in, whatever became of the others; the
 * failed rows are released, claimable again after a back-off ({@code initial-backoff} doubling to
 * {@code max-backoff} while failures follow each other). Then it claims up to {@code batch-size} rows less those
 * still in flight ({@link OutboxRepository#claimBatch}: oldest first, {@code FOR UPDATE SKIP LOCKED}, a lease of
 * {@code claim-lease} committed at once) and hands them to the producer without waiting. So one partition that
 * is slow or unavailable holds back only the rows sent to it (and the later events of their orders); the
 * others keep flowing, and no acknowledged row is ever sent again by this relay.
 *
 * <p>Order: an order's next event is claimable only once its previous one is published, so each order's events
 * reach Kafka in order, across failures and instances. Instances on one database claim disjoint rows; the lease
 * outlasts the producer's {@code delivery.timeout.ms}, so no other relay sends a row whose send may still succeed.
 * Delivery is at least once: a crash between an acknowledgement and its UPDATE publishes that row again once
 * its lease ran out, and consumers dedupe on the event id.
 *
 * <p>Failures: Kafka unreachable and database errors are handled in the iteration (WARN, back-off, the HTTP API
 * is unaffected). Anything else escapes it: the loop dies, readiness is DOWN naming {@value #LOOP}, and the
 * supervisor restarts it; rows it had claimed but not sent are released first.
 *
 * <p>Threading: {@link #start()}, {@link #stop()} and {@link #wake()} may be called from any thread; all
 * database work happens on the loop's thread. {@link #wake()} is called after each commit that appended a row
 * and on each acknowledgement, so events leave within milliseconds; {@code poll-interval} is the safety net.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    /** The supervised loop's name, as readiness and {@code hookline_loop_up{loop}} show it. */
    public static final String LOOP = "outbox-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRepository repository;
    private final OutboxSender sender;
    private final OutboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OutboxLag lag;
    private final LoopSupervisor supervisor;
    private final AtomicLong published = new AtomicLong();
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final InFlightSends inFlight = new InFlightSends(this::wake);
    private final Backoff retries;
    private InFlightSends.Outcomes unrecorded = new InFlightSends.Outcomes(List.of(), List.of());
    private volatile SupervisedLoop loop;

    OutboxRelay(OutboxRepository repository, OutboxSender sender, OutboxProperties properties, Clock clock,
            TransactionTemplate transactions, OutboxLag lag, LoopSupervisor supervisor) {
        this.repository = repository;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
        this.lag = lag;
        this.supervisor = supervisor;
        this.retries = new Backoff(properties.initialBackoff(), properties.maxBackoff());
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            loop = supervisor.start(LOOP, this::run);
        }
    }

    /**
     * Lets the current iteration finish, then waits (up to 10 s each) for the loop to end and for the sends in
     * flight to be answered, and records their outcome; rows still unanswered stay claimed until their lease ends.
     */
    @Override
    public synchronized void stop() {
        SupervisedLoop running = loop;
        if (running == null) {
            return;
        }
        running.stop();
        wake();
        try {
            if (running.await(STOP_TIMEOUT)) {
                drainInFlight();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
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

    /** Asks the relay to look for rows and answers now rather than at the next poll. Cheap; never blocks. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** How many failures (sends, database) in a row there were; 0 after an acknowledgement. For monitoring. */
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

    private void run(LoopContext context) throws InterruptedException {
        while (!context.stopping()) {
            int work;
            try {
                work = record() + claimAndSend();
            } catch (DataAccessException e) {
                Duration delay = failed();
                log.warn("Outbox relay could not reach the database ({}); retrying in {} ms", e.getMessage(),
                        delay.toMillis());
                pause(context, delay);
                work = 0;
            }
            context.progress();
            if (work == 0 && !context.stopping()) {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            }
        }
    }

    /** Marks the acknowledged rows published and releases the failed ones; returns how many it recorded. */
    private int record() {
        unrecorded = unrecorded.plus(inFlight.drain());
        if (unrecorded.isEmpty()) {
            return 0;
        }
        List<OutboxRecord> acks = unrecorded.acknowledged();
        List<OutboxRecord> failures = unrecorded.failed();
        Instant now = clock.instant();
        if (!acks.isEmpty()) {
            consecutiveFailures.set(0);
            retries.reset();
        }
        Instant retryAt = failures.isEmpty() ? now : now.plus(failed());
        transactions.executeWithoutResult(status -> {
            if (!acks.isEmpty()) {
                repository.markPublished(ids(acks), now);
            }
            if (!failures.isEmpty()) {
                repository.release(ids(failures), retryAt);
            }
        });
        unrecorded = new InFlightSends.Outcomes(List.of(), List.of());
        published.addAndGet(acks.size());
        lag.published(acks, now);
        if (!failures.isEmpty()) {
            log.warn("Kafka did not acknowledge {} outbox row(s) (first: event {} of order {}); they are retried "
                    + "from {}", failures.size(), failures.getFirst().eventId(), failures.getFirst().aggregateId(),
                    retryAt);
        }
        return acks.size() + failures.size();
    }

    /** Claims what the in-flight limit allows and hands it to the producer; returns how many rows it claimed. */
    private int claimAndSend() {
        int room = properties.batchSize() - inFlight.outstanding();
        if (room <= 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxRecord> claimed = transactions.execute(status ->
                repository.claimBatch(room, now, now.plus(properties.claimLease())));
        for (int i = 0; i < claimed.size(); i++) {
            try {
                inFlight.track(claimed.get(i), sender.send(claimed.get(i)));
            } catch (OutboxPublishException e) {
                Duration delay = failed();
                release(claimed.subList(i, claimed.size()), now.plus(delay));
                log.warn("Outbox relay could not publish to Kafka ({}); retrying in {} ms", e.getMessage(),
                        delay.toMillis());
                break;
            } catch (RuntimeException | Error escaping) {
                release(claimed.subList(i, claimed.size()), now);
                throw escaping;
            }
        }
        return claimed.size();
    }

    private void release(List<OutboxRecord> rows, Instant retryAt) {
        transactions.executeWithoutResult(status -> repository.release(ids(rows), retryAt));
    }

    private Duration failed() {
        consecutiveFailures.incrementAndGet();
        return retries.next();
    }

    private void pause(LoopContext context, Duration delay) throws InterruptedException {
        if (!context.stopping()) {
            wakeUps.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** At stop: waits for the answers to the sends in flight, then records them (best effort). */
    private void drainInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (inFlight.outstanding() > 0 && System.nanoTime() < deadline) {
            wakeUps.tryAcquire(50, TimeUnit.MILLISECONDS);
            unrecorded = unrecorded.plus(inFlight.drain());
        }
        try {
            record();
        } catch (DataAccessException e) {
            log.warn("Outbox relay could not record its last acknowledgements ({}); those rows are published "
                    + "again after their lease", e.getMessage());
        }
    }

    private static List<Long> ids(List<OutboxRecord> rows) {
        return rows.stream().map(OutboxRecord::id).toList();
    }
}
