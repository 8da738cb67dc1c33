package io.hookline.receiver.notification;

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
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes old notifications ({@link RetentionProperties}): every {@code interval}, {@code sent} rows whose
 * {@code sent_at} and parked or {@code recorded} rows whose {@code processed_at} is older than {@code age}, in
 * batches of {@code batch-size} (each its own statement) until a batch comes back short. Never a {@code pending},
 * {@code sending} or {@code retrying} row, however old.
 *
 * <p>Runs as the supervised loop {@code notification-retention}: a failed run (the database away) restarts it with
 * back-off and readiness names it until it runs again. {@link #purge(Instant)} is the whole work and is called by
 * tests directly with the time they choose. Thread-safe.
 */
@Component
public class NotificationRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);
    static final String LOOP = "notification-retention";

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final LoopSupervisor supervisor;
    private final Clock clock;
    private volatile SupervisedLoop loop;
    private volatile CountDownLatch stopped = new CountDownLatch(1);

    NotificationRetention(JdbcClient jdbc, RetentionProperties properties, LoopSupervisor supervisor, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.supervisor = supervisor;
        this.clock = clock;
    }

    /** Deletes every notification past retention at {@code now}; returns how many. */
    public int purge(Instant now) {
        Instant cutoff = now.minus(properties.age());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM notifications WHERE event_id IN (SELECT event_id FROM notifications "
                            + "WHERE (status = 'sent' AND sent_at < ?) OR (status IN ('failed', 'expired', 'recorded') "
                            + "AND processed_at < ?) ORDER BY event_id LIMIT ?)")
                    .params(NotificationStore.utc(cutoff), NotificationStore.utc(cutoff), properties.batchSize())
                    .update();
            total += deleted;
        } while (deleted == properties.batchSize());
        if (total > 0) {
            log.info("Deleted {} notifications older than {}", total, properties.age());
        }
        return total;
    }

    private void run(LoopContext context) throws InterruptedException {
        while (!context.stopping()) {
            purge(clock.instant());
            context.progress();
            stopped.await(properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            stopped = new CountDownLatch(1);
            loop = supervisor.start(LOOP, this::run);
        }
    }

    @Override
    public void stop() {
        SupervisedLoop current = loop;
        if (current != null) {
            current.stop();
            stopped.countDown();
            try {
                current.await(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
