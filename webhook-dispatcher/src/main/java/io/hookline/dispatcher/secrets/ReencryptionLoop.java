package io.hookline.dispatcher.secrets;

import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Keeps every stored endpoint secret encrypted under the active key, on the supervised loop {@value #LOOP}: right
 * at startup (so an upgrade encrypts the clear-text rows of before) and then every
 * {@code hookline.dispatcher.secrets.reencryption.interval}, each pass running {@link SecretReencryption} batch after batch
 * until nothing is left. {@code hookline_secrets_reencryption_pending} is the number of stored secrets not yet
 * under the active key (0: done, the older keys may be removed), {@code hookline_secrets_reencrypted_total} counts
 * re-encrypted values, and the pass that finishes the work logs it once. A database failure is retried next
 * interval; a value that does not decrypt (its key id is not configured, or it was changed) ends the run, and the
 * supervisor restarts it with back-off while readiness names the loop and the failure names the key id.
 */
@Component
class ReencryptionLoop extends SupervisedLifecycle {

    static final String LOOP = "secret-reencryption";
    private static final Logger log = LoggerFactory.getLogger(ReencryptionLoop.class);

    private final SecretReencryption reencryption;
    private final ReencryptionProperties properties;
    private final AtomicLong pending = new AtomicLong(-1);
    private final Counter reencrypted;
    private volatile boolean reportedDone;

    ReencryptionLoop(SecretReencryption reencryption, ReencryptionProperties properties, LoopSupervisor supervisor,
            MeterRegistry meters) {
        super(supervisor);
        this.reencryption = reencryption;
        this.properties = properties;
        Gauge.builder("hookline.secrets.reencryption.pending", pending, AtomicLong::get)
                .description("Stored endpoint secrets not yet encrypted under the active key (0: done; -1: not "
                        + "counted yet)")
                .register(meters);
        this.reencrypted = Counter.builder("hookline.secrets.reencrypted")
                .description("Stored endpoint secrets (re-)encrypted under the active key").register(meters);
    }

    @Override
    protected String loopName() {
        return LOOP;
    }

    @Override
    protected void run(LoopContext context) throws InterruptedException {
        while (!context.stopping()) {
            try {
                pass(context);
            } catch (DataAccessException | TransactionException e) {
                log.warn("Re-encrypting stored secrets failed; trying again in {}: {}", properties.interval(),
                        e.toString());
            }
            context.progress();
            context.pause(properties.interval());
        }
    }

    private void pass(LoopContext context) {
        pending.set(reencryption.pending());
        long done = 0;
        int found;
        while (!context.stopping() && (found = reencryption.batch()) > 0) {
            done += found;
            reencrypted.increment(found);
            pending.set(reencryption.pending());
            context.progress();
        }
        long left = reencryption.pending();
        pending.set(left);
        String key = reencryption.activeKeyId();
        if (left == 0 && (done > 0 || !reportedDone)) {
            log.info("Every stored endpoint secret is encrypted under key {} ({} re-encrypted by this pass); keys "
                    + "other than {} may now be removed from hookline.secrets.keys", key, done, key);
            reportedDone = true;
        } else if (left > 0) {
            reportedDone = false;
        }
    }
}
