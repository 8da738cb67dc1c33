package io.hookline.orders.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisionProperties;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Retention of idempotency keys (24 h by default), on a real H2 database of its own, with an injected clock. */
class IdempotencyKeyPurgerTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private JdbcClient jdbc;
    private IdempotencyKeyPurger purger;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:keys_"
                + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        LoopSupervisor supervisor = new LoopSupervisor(clock, new SupervisionProperties(Duration.ofMillis(10),
                Duration.ofMillis(100)), null);
        purger = new IdempotencyKeyPurger(new IdempotencyKeyRepository(jdbc), new IdempotencyProperties(
                Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofHours(1), 2), clock, supervisor);
    }

    @Test
    void expiredKeysGoInBoundedBatchesAndLiveOnesStay() {
        for (int i = 0; i < 5; i++) {
            key("expired-" + i, NOW.minus(Duration.ofHours(25)));
        }
        key("live", NOW.minus(Duration.ofHours(23)));

        assertThat(purger.purge()).as("five keys in statements of at most two").isEqualTo(5);
        assertThat(keys()).containsExactly("live");

        clock.advance(Duration.ofHours(1));
        assertThat(purger.purge()).isEqualTo(1);
        assertThat(keys()).isEmpty();
    }

    /** A key first used at {@code createdAt}, remembered for 24 h. */
    private void key(String key, Instant createdAt) {
        jdbc.sql("INSERT INTO idempotency_key (owner_id, idem_key, request_method, request_path, request_hash, "
                        + "state, response_status, created_at, locked_until, expires_at) VALUES ('cli_development', "
                        + ":key, 'POST', '/orders', 'x', 'complete', 201, :created, :created, :expires)")
                .param("key", key)
                .param("created", createdAt.atOffset(ZoneOffset.UTC))
                .param("expires", createdAt.plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC))
                .update();
    }

    private java.util.List<String> keys() {
        return jdbc.sql("SELECT idem_key FROM idempotency_key ORDER BY idem_key").query(String.class).list();
    }
}
