package io.hookline.dispatcher.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The retention round against a real, freshly migrated database (H2 or PostgreSQL), with an injected clock and
 * batches of 2 rows so that every delete takes several statements: what is past its age goes, what is not stays,
 * pending and claimed dead letters stay, and moving the clock on deletes the rest.
 */
final class RetentionScenario {

    private static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");

    private final JdbcClient jdbc;
    private final MutableClock clock = new MutableClock(NOW);
    private final RetentionDeletes deletes;

    RetentionScenario(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.deletes = new RetentionDeletes(jdbc, new DataSourceTransactionManager(dataSource),
                new RetentionProperties(true, Duration.ofDays(30), Duration.ofDays(30), Duration.ofMinutes(1), 2, 50),
                clock);
    }

    void run() {
        for (int i = 0; i < 5; i++) {
            attempt(days(40).plusSeconds(i));
        }
        for (int i = 0; i < 3; i++) {
            attempt(days(10).plusSeconds(i));
        }
        counter(days(40));
        counter(days(40).plus(Duration.ofHours(3)));
        counter(days(35));
        counter(days(10));
        deadLetter("dl_0_1", "replayed", days(41), days(40), null, null);
        deadLetter("dl_0_2", "discarded", days(41), null, days(40), null);
        deadLetter("dl_0_3", "dead", days(41), null, null, null);
        deadLetter("dl_0_4", "replayed", days(41), days(10), null, null);
        deadLetter("dl_0_5", "replayed", days(41), days(40), null, days(40));
        action("dl_0_2", 1);
        action("dl_0_4", 2);

        RetentionDeletes.Deleted first = deletes.round();

        assertThat(first).isEqualTo(new RetentionDeletes.Deleted(5, 3, 2));
        assertThat(jdbc.sql("select count(*) from delivery_attempts").query(Long.class).single()).isEqualTo(3);
        assertThat(ids()).containsExactly("dl_0_3", "dl_0_4", "dl_0_5");
        assertThat(jdbc.sql("select dead_letter_id from dead_letter_actions").query(String.class).list())
                .containsExactly("dl_0_4");

        clock.advance(Duration.ofDays(25));
        RetentionDeletes.Deleted second = deletes.round();

        assertThat(second).isEqualTo(new RetentionDeletes.Deleted(3, 1, 1));
        assertThat(jdbc.sql("select count(*) from delivery_attempts").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from endpoint_attempt_counts").query(Long.class).single()).isZero();
        assertThat(ids()).as("pending and claimed dead letters stay").containsExactly("dl_0_3", "dl_0_5");
        assertThat(deletes.round()).isEqualTo(new RetentionDeletes.Deleted(0, 0, 0));
    }

    private List<String> ids() {
        return jdbc.sql("select id from dead_letters order by id").query(String.class).list();
    }

    private static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago));
    }

    private void attempt(Instant at) {
        jdbc.sql("""
                insert into delivery_attempts (delivery_id, event_id, event_type, endpoint_id, attempt, attempted_at,
                    succeeded, status, latency_ms) values ('dlv_1', 'evt_1', 'order.paid', 'alpha', 1, ?, true, 200, 5)""")
                .param(utc(at)).update();
    }

    private void counter(Instant minute) {
        jdbc.sql("insert into endpoint_attempt_counts (endpoint_id, minute_start, attempts, succeeded) "
                + "values ('alpha', ?, 3, 2)").param(utc(minute)).update();
    }

    private void deadLetter(String id, String status, Instant at, Instant replayed, Instant discarded, Instant claim) {
        jdbc.sql("""
                insert into dead_letters (id, topic, record_partition, record_offset, dead_lettered_at, status,
                    replay_queued_at, discarded_at, claim_at) values (?, 'webhooks.deliveries.dlt', 0, ?, ?, ?, ?, ?, ?)""")
                .params(id, Long.parseLong(id.substring(5)), utc(at), status, utc(replayed), utc(discarded), utc(claim))
                .update();
    }

    private void action(String id, long offset) {
        jdbc.sql("""
                insert into dead_letter_actions (topic, record_partition, record_offset, dead_letter_id, action,
                    acted_at) values ('webhooks.deliveries.dlt.actions', 0, ?, ?, 'replayed', ?)""")
                .params(offset, id, utc(NOW)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
