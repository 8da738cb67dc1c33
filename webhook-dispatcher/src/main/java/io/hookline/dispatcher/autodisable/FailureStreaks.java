package io.hookline.dispatcher.autodisable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads an endpoint's current failure streak from {@code delivery_attempts} with three short walks of the existing
 * {@code (endpoint_id, attempted_at)} index, newest first or oldest first, each stopping at its first row: the
 * latest attempt, the latest success (which walks back only over the failures since it), and the first attempt
 * after that. No index is added for this: the attempt log is the dispatcher's busiest write and every index costs
 * each insert (docs/delivery-engine.md). Thread-safe.
 */
@Repository
class FailureStreaks {

    private record Latest(Instant at, boolean succeeded) {
    }

    private final JdbcClient jdbc;

    FailureStreaks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The streak of failures that ends with the endpoint's latest attempt, counting only attempts at or after
     * {@code countFrom} ({@code null}: all); empty when the latest attempt succeeded or there is none.
     */
    Optional<FailureStreak> current(String endpointId, Instant countFrom) {
        Instant from = countFrom == null ? Instant.EPOCH : countFrom;
        Optional<Latest> latest = jdbc.sql("""
                select attempted_at, succeeded from delivery_attempts where endpoint_id = ? and attempted_at >= ?
                order by attempted_at desc fetch first 1 rows only""")
                .params(endpointId, utc(from))
                .query((rs, row) -> new Latest(instant(rs, 1), rs.getBoolean(2))).optional();
        if (latest.isEmpty() || latest.get().succeeded()) {
            return Optional.empty();
        }
        Optional<Instant> lastSuccess = jdbc.sql("""
                select attempted_at from delivery_attempts where endpoint_id = ? and attempted_at >= ? and succeeded
                order by attempted_at desc fetch first 1 rows only""")
                .params(endpointId, utc(from)).query((rs, row) -> instant(rs, 1)).optional();
        String after = lastSuccess.isPresent() ? "attempted_at > ?" : "attempted_at >= ?";
        Instant first = jdbc.sql("select attempted_at from delivery_attempts where endpoint_id = ? and " + after
                        + " order by attempted_at fetch first 1 rows only")
                .params(endpointId, utc(lastSuccess.orElse(from))).query((rs, row) -> instant(rs, 1)).single();
        return Optional.of(new FailureStreak(first, latest.get().at()));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
