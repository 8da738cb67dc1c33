package io.hookline.dispatcher.attempt;

import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores attempts in {@code delivery_attempts} in batches: callers enqueue and get a future; one writer
 * thread inserts what arrives within 20 ms (up to {@value #MAX_BATCH} rows) in one transaction and
 * completes the futures. At thousands of attempts a second that is a few inserts a second, not thousands of
 * transactions. Thread-safe.
 */
@Component
class JdbcAttemptLog implements AttemptLog, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcAttemptLog.class);
    private static final int MAX_BATCH = 1000;
    /**
     * How long the writer gathers attempts into one transaction. Each commit of a file database is a write
     * to disk; one per 20 ms instead of one per attempt is what lets the log keep up with thousands of
     * attempts a second. It delays only the offset commit behind the attempt, not the delivery.
     */
    private static final Duration GATHER = Duration.ofMillis(20);
    private static final String INSERT = """
            insert into delivery_attempts (delivery_id, event_id, event_type, endpoint_id, attempt, attempted_at,
                succeeded, status, latency_ms, response_body, error)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Pending(DeliveryAttempt attempt, CompletableFuture<Void> stored) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    JdbcAttemptLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.writer = Thread.ofPlatform().name("attempt-log").daemon().start(this::writeLoop);
    }

    @Override
    public CompletableFuture<Void> record(DeliveryAttempt attempt) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        queue.add(new Pending(attempt, stored));
        return stored;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                collectMore(batch);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    /** Gathers what arrives within {@link #GATHER} of the first attempt (up to {@value #MAX_BATCH}). */
    private void collectMore(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + GATHER.toNanos();
        queue.drainTo(batch, MAX_BATCH - batch.size());
        while (batch.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        try {
            transaction.executeWithoutResult(status -> insert(batch));
            batch.forEach(pending -> pending.stored().complete(null));
        } catch (RuntimeException e) {
            log.warn("Could not store {} delivery attempts: {}", batch.size(), e.toString());
            batch.forEach(pending -> pending.stored().completeExceptionally(e));
        }
    }

    /** One transaction per batch: one commit (and one log write) for up to {@value #MAX_BATCH} rows. */
    private void insert(List<Pending> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (statement, pending) -> {
            DeliveryAttempt a = pending.attempt();
            statement.setString(1, a.deliveryId());
            statement.setString(2, a.eventId());
            statement.setString(3, a.eventType());
            statement.setString(4, a.endpointId());
            statement.setInt(5, a.attempt());
            statement.setObject(6, OffsetDateTime.ofInstant(a.attemptedAt(), ZoneOffset.UTC));
            statement.setBoolean(7, a.succeeded());
            statement.setObject(8, a.status(), Types.INTEGER);
            statement.setLong(9, a.latencyMs());
            statement.setString(10, a.responseBody());
            statement.setString(11, a.error() == null ? null : truncate(a.error(), 500));
        });
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(5000);
    }
}
