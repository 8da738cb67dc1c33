package io.hookline.dispatcher.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The attempt store against a real, freshly migrated database (H2 or PostgreSQL): each batch's rows and its
 * per-endpoint, per-minute counters land together; a later batch adds to an existing minute's counter.
 */
final class AttemptCountsScenario {

    private static final Instant MINUTE = Instant.parse("2031-03-01T12:00:00Z");

    private final JdbcClient jdbc;
    private final AttemptStore store;

    AttemptCountsScenario(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.store = new AttemptStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                new AttemptLogProperties(10, 10, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    void run() {
        store.write(List.of(attempt("alpha", 0, true), attempt("alpha", 10, false), attempt("alpha", 59, true),
                attempt("beta", 5, true)));
        store.write(List.of(attempt("alpha", 30, true), attempt("alpha", 61, false)));

        assertThat(jdbc.sql("select count(*) from delivery_attempts").query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("""
                select endpoint_id, attempts, succeeded from endpoint_attempt_counts
                order by endpoint_id, minute_start""")
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3)).list())
                .containsExactly("alpha 4 3", "alpha 1 0", "beta 1 1");
    }

    private static DeliveryAttempt attempt(String endpoint, int seconds, boolean succeeded) {
        return new DeliveryAttempt("dlv_1", "evt_1", "order.paid", endpoint, 1, MINUTE.plusSeconds(seconds), succeeded,
                succeeded ? 200 : 500, 12, null, succeeded ? null : "HTTP 500");
    }
}
