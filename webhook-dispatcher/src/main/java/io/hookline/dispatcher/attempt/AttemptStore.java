package io.hookline.dispatcher.attempt;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of attempts in one transaction: the rows of {@code delivery_attempts} and the per-endpoint,
 * per-minute counters of {@code endpoint_attempt_counts} that {@code /endpoint-stats} reads, so the two never
 * disagree. All or nothing; a failure is thrown to the caller (the writer), which keeps the batch and tries again.
 * Two instances adding the first counter of the same minute at once make one batch fail on the primary key; its
 * retry finds the row. Thread-safe.
 */
@Repository
class AttemptStore {

    private static final String INSERT = """
            insert into delivery_attempts (delivery_id, event_id, event_type, endpoint_id, attempt, attempted_at,
                succeeded, status, latency_ms, response_body, error)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ADD_COUNTS = """
            update endpoint_attempt_counts set attempts = attempts + ?, succeeded = succeeded + ?
            where endpoint_id = ? and minute_start = ?""";
    private static final String NEW_COUNTS = """
            insert into endpoint_attempt_counts (endpoint_id, minute_start, attempts, succeeded) values (?, ?, ?, ?)""";

    /** One counter row's increment. */
    record Counts(String endpointId, Instant minute, long attempts, long succeeded) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AttemptStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AttemptLogProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setTimeout(Math.toIntExact(Math.max(1, properties.statementTimeout().toSeconds())));
    }

    /** Stores the attempts and adds them to their counters, in one transaction. */
    void write(List<DeliveryAttempt> attempts) {
        transaction.executeWithoutResult(status -> {
            insert(attempts);
            count(counts(attempts));
        });
    }

    /** The batch's increments per (endpoint, minute of the attempt). Pure. */
    static List<Counts> counts(List<DeliveryAttempt> attempts) {
        record Key(String endpointId, Instant minute) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (DeliveryAttempt a : attempts) {
            long[] sum = sums.computeIfAbsent(new Key(a.endpointId(), a.attemptedAt().truncatedTo(ChronoUnit.MINUTES)),
                    key -> new long[2]);
            sum[0]++;
            sum[1] += a.succeeded() ? 1 : 0;
        }
        List<Counts> counts = new ArrayList<>();
        sums.forEach((key, sum) -> counts.add(new Counts(key.endpointId(), key.minute(), sum[0], sum[1])));
        return counts;
    }

    private void insert(List<DeliveryAttempt> attempts) {
        jdbc.batchUpdate(INSERT, attempts, attempts.size(), (statement, a) -> {
            statement.setString(1, a.deliveryId());
            statement.setString(2, a.eventId());
            statement.setString(3, a.eventType());
            statement.setString(4, a.endpointId());
            statement.setInt(5, a.attempt());
            statement.setObject(6, utc(a.attemptedAt()));
            statement.setBoolean(7, a.succeeded());
            statement.setObject(8, a.status(), Types.INTEGER);
            statement.setLong(9, a.latencyMs());
            statement.setString(10, a.responseBody());
            statement.setString(11, a.error() == null ? null : truncate(a.error(), 500));
        });
    }

    private void count(List<Counts> counts) {
        int[][] updated = jdbc.batchUpdate(ADD_COUNTS, counts, counts.size(), (statement, c) -> {
            statement.setLong(1, c.attempts());
            statement.setLong(2, c.succeeded());
            statement.setString(3, c.endpointId());
            statement.setObject(4, utc(c.minute()));
        });
        List<Counts> fresh = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            if (updated[0][i] == 0) {
                fresh.add(counts.get(i));
            }
        }
        if (!fresh.isEmpty()) {
            jdbc.batchUpdate(NEW_COUNTS, fresh, fresh.size(), (statement, c) -> {
                statement.setString(1, c.endpointId());
                statement.setObject(2, utc(c.minute()));
                statement.setLong(3, c.attempts());
                statement.setLong(4, c.succeeded());
            });
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
