package io.hookline.dispatcher.retention;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs {@link RetentionDeletes} every {@code hookline.dispatcher.retention.interval} on the supervised loop {@value #LOOP}
 * (when {@code hookline.dispatcher.retention.enabled}). A round the database fails is simply tried again next interval;
 * anything else ends the run, and the supervisor restarts it with back-off (readiness names the loop until then).
 * Several instances may run it at once: their deletes overlap harmlessly.
 */
@Component
class RetentionLoop extends SupervisedLifecycle {

    static final String LOOP = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionLoop.class);

    private final RetentionDeletes deletes;
    private final RetentionProperties properties;

    RetentionLoop(RetentionDeletes deletes, RetentionProperties properties, LoopSupervisor supervisor) {
        super(supervisor);
        this.deletes = deletes;
        this.properties = properties;
    }

    @Override
    protected String loopName() {
        return LOOP;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected void run(LoopContext context) throws InterruptedException {
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
            context.pause(properties.interval());
        }
    }
}
