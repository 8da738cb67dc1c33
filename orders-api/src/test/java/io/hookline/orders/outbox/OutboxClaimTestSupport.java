package io.hookline.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's claim query, against a real database of its own (no application, no Kafka): what two relays in
 * two instances see when they claim at the same time. Subclasses supply the database.
 */
abstract class OutboxClaimTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(45);

    private OutboxRepository repository;
    private TransactionTemplate transactions;

    /** A fresh, empty database. */
    abstract DataSource dataSource();

    /**
     * Whether a second relay gets the rows the first did not lock (PostgreSQL). H2 2.4 skips conservatively: while
     * another transaction holds claimed rows, a claim through the {@code published_at} index comes back empty
     * rather than waiting or returning locked rows: still exactly once, just not in parallel.
     */
    abstract boolean claimsInParallel();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        repository = new OutboxRepository(JdbcClient.create(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void concurrentClaimsGetDisjointRowsWithoutWaiting() throws Exception {
        List<Long> rows = List.of(append("ord_a"), append("ord_b"), append("ord_c"), append("ord_d"),
                append("ord_e"));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            List<Long> ids = ids(claim(3));
            claimed.countDown();
            await(release);
            return ids;
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        List<Long> second = claimedAt(NOW);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(rows.subList(0, 3));
        if (claimsInParallel()) {
            assertThat(second).containsExactlyElementsOf(rows.subList(3, 5));
        } else {
            assertThat(rows.subList(3, 5)).containsAll(second);
        }
        assertThat(waitedMillis).as("SKIP LOCKED never waits for the other relay").isLessThan(2_000);
    }

    @Test
    void laterEventOfAnOrderIsClaimableOnlyAfterTheEarlierOneIsPublished() throws Exception {
        long x1 = append("ord_x");
        long y1 = append("ord_y");
        long x2 = append("ord_x");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            List<Long> ids = ids(claim(1));
            claimed.countDown();
            await(release);
            repository.markPublished(ids, Instant.now());
            return ids;
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        List<Long> whileFirstIsInFlight = claimedAt(NOW);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(x1);
        List<Long> afterFirstIsPublished = claimedAt(NOW);

        if (claimsInParallel()) {
            assertThat(whileFirstIsInFlight).containsExactly(y1);
        } else {
            assertThat(List.of(y1)).containsAll(whileFirstIsInFlight);
        }
        List<Long> expected = new java.util.ArrayList<>(List.of(y1, x2));
        expected.removeAll(whileFirstIsInFlight); // what the second relay claimed is leased to it
        assertThat(afterFirstIsPublished).containsExactlyElementsOf(expected);
    }

    @Test
    void oneBatchHoldsAtMostOneUnpublishedEventPerOrder() {
        long x1 = append("ord_x");
        append("ord_x");
        long y1 = append("ord_y");

        List<Long> claimed = claimedAt(NOW);

        assertThat(claimed).containsExactly(x1, y1);
    }

    @Test
    void aRolledBackClaimLeavesTheRowsForTheNextRelay() {
        long a = append("ord_a");
        long b = append("ord_b");

        transactions.executeWithoutResult(status -> {
            assertThat(ids(claim(10))).containsExactly(a, b);
            status.setRollbackOnly();
        });

        List<Long> again = claimedAt(NOW);
        assertThat(again).containsExactly(a, b);
        assertThat(repository.countUnpublished()).isEqualTo(2);
    }

    @Test
    void aClaimedRowIsNotClaimedAgainWhileItsLeaseRuns() {
        long a = append("ord_a");
        assertThat(claimedAt(NOW)).containsExactly(a);

        assertThat(claimedAt(NOW.plus(LEASE).minusMillis(1))).isEmpty();
        assertThat(claimedAt(NOW.plus(LEASE)))
                .as("a relay that died leaves its rows to the others once the lease ran out").containsExactly(a);
    }

    @Test
    void aReleasedRowIsClaimableFromItsRetryTimeAndHoldsBackTheLaterEventsOfItsOrder() {
        long x1 = append("ord_x");
        append("ord_x");
        long y1 = append("ord_y");
        assertThat(claimedAt(NOW)).containsExactly(x1, y1);

        transactions.executeWithoutResult(status -> {
            repository.release(List.of(x1), NOW.plusSeconds(5));
            repository.markPublished(List.of(y1), NOW);
        });

        assertThat(claimedAt(NOW.plusSeconds(4))).isEmpty();
        assertThat(claimedAt(NOW.plusSeconds(5))).containsExactly(x1);
    }

    /** Claims up to 10 rows at {@code now} in a transaction of its own (committed). */
    private List<Long> claimedAt(Instant now) {
        List<Long> claimed = transactions.execute(status -> ids(claimAt(now, 10)));
        return claimed;
    }

    private List<OutboxRecord> claim(int limit) {
        return claimAt(NOW, limit);
    }

    private List<OutboxRecord> claimAt(Instant now, int limit) {
        return repository.claimBatch(limit, now, now.plus(LEASE));
    }

    private long append(String orderId) {
        UUID eventId = UUID.randomUUID();
        repository.insert(eventId, orderId, "order.paid", "{}", Instant.now());
        return repository.findByAggregateId(orderId).stream().filter(r -> r.eventId().equals(eventId))
                .findFirst().orElseThrow().id();
    }

    private static List<Long> ids(List<OutboxRecord> rows) {
        return rows.stream().map(OutboxRecord::id).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test did not release the first claim");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
