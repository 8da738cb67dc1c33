package io.hookline.orders.idempotency;

import io.hookline.orders.system.PurgeLoop;
import io.hookline.support.supervision.LoopSupervisor;
import java.time.Clock;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired {@code Idempotency-Key} rows (older than {@code hookline.orders.idempotency.ttl}, 24 h as Stripe keeps
 * keys) at start and every {@code hookline.orders.idempotency.purge-interval}, at most {@code purge-batch-size} rows per
 * statement: the supervised loop {@value #LOOP}. Expired keys are already ignored when looked up; this only
 * keeps the table small. Thread-safe.
 */
@Component
class IdempotencyKeyPurger implements SmartLifecycle {

    static final String LOOP = "idempotency-key-purger";

    private final PurgeLoop loop;

    IdempotencyKeyPurger(IdempotencyKeyRepository repository, IdempotencyProperties properties, Clock clock,
            LoopSupervisor supervisor) {
        this.loop = new PurgeLoop(LOOP, supervisor, clock, properties.purgeInterval(), properties.purgeBatchSize(),
                repository::deleteExpired);
    }

    /** One pass now, on the caller's thread; returns how many keys went. */
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
