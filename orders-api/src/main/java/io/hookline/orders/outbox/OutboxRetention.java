package io.hookline.orders.outbox;

import io.hookline.orders.system.PurgeLoop;
import io.hookline.support.supervision.LoopSupervisor;
import java.time.Clock;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox rows published more than {@code hookline.orders.outbox.retention.published-for} ago (7 days), at start
 * and every {@code purge-interval}, at most {@code batch-size} rows per statement, oldest first through the
 * {@code (published_at, id)} index: the supervised loop {@value #LOOP}. Unpublished rows are never touched.
 * Thread-safe.
 */
@Component
class OutboxRetention implements SmartLifecycle {

    static final String LOOP = "outbox-retention";

    private final PurgeLoop loop;

    OutboxRetention(OutboxRepository repository, OutboxRetentionProperties properties, Clock clock,
            LoopSupervisor supervisor) {
        this.loop = new PurgeLoop(LOOP, supervisor, clock, properties.purgeInterval(), properties.batchSize(),
                (now, limit) -> repository.deletePublishedBefore(now.minus(properties.publishedFor()), limit));
    }

    /** One pass now, on the caller's thread; returns how many rows went. */
    int purge() {
        return loop.purgeNow();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
