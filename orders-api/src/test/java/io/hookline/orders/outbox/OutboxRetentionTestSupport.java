package io.hookline.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisionProperties;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;


/** Retention of published outbox rows, on a real database of its own, with an injected clock. */
abstract class OutboxRetentionTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private OutboxRepository repository;
    private OutboxRetention retention;

    /** A fresh, empty database. */
    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        repository = new OutboxRepository(JdbcClient.create(dataSource));
        LoopSupervisor supervisor = new LoopSupervisor(clock, new SupervisionProperties(Duration.ofMillis(10),
                Duration.ofMillis(100)), null);
        retention = new OutboxRetention(repository, new OutboxRetentionProperties(Duration.ofDays(7),
                Duration.ofHours(1), 2), clock, supervisor);
    }

    @Test
    void rowsPublishedLongerAgoThanTheRetentionGoInBoundedBatchesAndTheOthersStay() {
        List<String> old = List.of("ord_old1", "ord_old2", "ord_old3", "ord_old4", "ord_old5");
        old.forEach(id -> publish(id, NOW.minus(Duration.ofDays(7)).minusSeconds(1)));
        publish("ord_recent", NOW.minus(Duration.ofDays(6)));
        append("ord_unpublished", NOW.minus(Duration.ofDays(30)));

        assertThat(retention.purge()).as("five rows in statements of at most two").isEqualTo(5);

        assertThat(old).allSatisfy(id -> assertThat(repository.findByAggregateId(id)).isEmpty());
        assertThat(repository.findByAggregateId("ord_recent")).hasSize(1);
        assertThat(repository.findByAggregateId("ord_unpublished")).singleElement()
                .satisfies(row -> assertThat(row.publishedAt()).isNull());

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(retention.purge()).isEqualTo(1);
        assertThat(repository.findByAggregateId("ord_recent")).isEmpty();
        clock.advance(Duration.ofDays(365));
        assertThat(retention.purge()).as("an unpublished row is never deleted").isZero();
        assertThat(repository.countUnpublished()).isEqualTo(1);
    }

    private void publish(String orderId, Instant publishedAt) {
        long id = append(orderId, publishedAt.minusSeconds(1));
        repository.markPublished(List.of(id), publishedAt);
    }

    private long append(String orderId, Instant createdAt) {
        repository.insert(UUID.randomUUID(), orderId, "order.paid", "{}", createdAt);
        return repository.findByAggregateId(orderId).getFirst().id();
    }
}
