package io.hookline.dispatcher.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of retention: deletes what is older than its age, in statements of at most {@code batch-size} rows,
 * each its own short transaction, so no statement holds locks for long or scans a table:
 * <ul>
 * <li>{@code delivery_attempts}: walked from its smallest id (the primary key; attempts are inserted roughly in time
 * order), one id range of {@code batch-size} at a time, deleting the rows of the range older than the cutoff,
 * until a range has none. An attempt written late (after a database outage) with an old time is deleted when the
 * walk reaches its id.</li>
 * <li>{@code endpoint_attempt_counts}: one hour of minutes at a time, from the oldest, by its time index.</li>
 * <li>{@code dead_letters} replayed or discarded (and not claimed) longer ago than their age, with their actions,
 * oldest first, by the status index.</li>
 * </ul>
 * Time comes from the injected clock. Thread-safe; failures are thrown to the caller (the retention loop).
 */
@Component
class RetentionDeletes {

    /** What one round deleted. */
    record Deleted(long attempts, long counters, long deadLetters) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionDeletes(JdbcClient jdbc, PlatformTransactionManager transactionManager, RetentionProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    Deleted round() {
        Instant now = clock.instant();
        return new Deleted(attempts(now.minus(properties.attempts())), counters(now.minus(properties.attempts())),
                deadLetters(now.minus(properties.resolvedDeadLetters())));
    }

    private long attempts(Instant cutoff) {
        long deleted = 0;
        for (int batch = 0; batch < properties.maxBatchesPerRound(); batch++) {
            Long first = jdbc.sql("select min(id) from delivery_attempts").query(Long.class).optional().orElse(null);
            if (first == null) {
                break;
            }
            int removed = jdbc.sql("delete from delivery_attempts where id >= ? and id < ? and attempted_at < ?")
                    .params(first, first + properties.batchSize(), utc(cutoff)).update();
            deleted += removed;
            if (removed == 0) {
                break;
            }
        }
        return deleted;
    }

    private long counters(Instant cutoff) {
        long deleted = 0;
        for (int batch = 0; batch < properties.maxBatchesPerRound(); batch++) {
            OffsetDateTime oldest = jdbc.sql("select min(minute_start) from endpoint_attempt_counts")
                    .query(OffsetDateTime.class).optional().orElse(null);
            if (oldest == null || !oldest.toInstant().isBefore(cutoff)) {
                break;
            }
            Instant upTo = min(oldest.toInstant().plus(Duration.ofHours(1)), cutoff);
            deleted += jdbc.sql("delete from endpoint_attempt_counts where minute_start < ?").param(utc(upTo)).update();
        }
        return deleted;
    }

    private long deadLetters(Instant cutoff) {
        long deleted = 0;
        for (int batch = 0; batch < properties.maxBatchesPerRound(); batch++) {
            List<String> ids = jdbc.sql("""
                    select id from dead_letters
                    where status in ('replayed', 'discarded') and dead_lettered_at < ? and claim_at is null
                        and coalesce(replay_queued_at, discarded_at, dead_lettered_at) < ?
                    order by dead_lettered_at""" + " fetch first " + properties.batchSize() + " rows only")
                    .params(utc(cutoff), utc(cutoff)).query(String.class).list();
            if (ids.isEmpty()) {
                break;
            }
            String in = String.join(", ", ids.stream().map(id -> "?").toList());
            transaction.executeWithoutResult(status -> {
                jdbc.sql("delete from dead_letter_actions where dead_letter_id in (" + in + ")").params(ids).update();
                jdbc.sql("delete from dead_letters where id in (" + in + ")").params(ids).update();
            });
            deleted += ids.size();
            if (ids.size() < properties.batchSize()) {
                break;
            }
        }
        return deleted;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
