package io.hookline.receiver.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.hookline.receiver.support.TestDatabases;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention on each database engine: sent and parked notifications older than the age go, in batches; younger
 * ones and open ones (pending, sending, retrying), however old, stay. Time is an injected clock.
 */
class NotificationRetentionTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration AGE = Duration.ofDays(30);

    private final MutableClock clock = new MutableClock(T0);
    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        pool.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void deletesSentAndParkedNotificationsPastTheAgeInBatchesAndNeverOpenOnes(String engine) {
        String url = TestDatabases.fresh(engine);
        pool = TestDatabases.pool(engine, url);
        JdbcClient jdbc = JdbcClient.create(pool);
        NotificationStore store = new NotificationStore(jdbc);
        NotificationRetention retention = new NotificationRetention(jdbc,
                new RetentionProperties(true, AGE, Duration.ofHours(1), 2), null, clock);

        List<String> oldSent = List.of(sent(store), sent(store), sent(store), sent(store), sent(store));
        String oldFailed = parked(store, NotificationStatus.FAILED);
        String oldExpired = parked(store, NotificationStatus.EXPIRED);
        String oldPending = pending(store);
        String oldRetrying = retrying(store);
        String oldSending = claimed(store);
        clock.advance(Duration.ofDays(2));
        String youngSent = sent(store);

        clock.advance(AGE.minusDays(1));
        assertThat(retention.purge(clock.instant())).as("31 days after the first rows").isEqualTo(7);

        List<String> gone = new java.util.ArrayList<>(oldSent);
        gone.addAll(List.of(oldFailed, oldExpired));
        gone.forEach(id -> assertThat(store.find(id)).as(id).isEmpty());
        for (String kept : List.of(oldPending, oldRetrying, oldSending, youngSent)) {
            assertThat(store.find(kept)).as(kept).isPresent();
        }

        clock.advance(Duration.ofDays(365));
        assertThat(retention.purge(clock.instant())).isEqualTo(1);
        assertThat(store.find(youngSent)).isEmpty();
        assertThat(List.of(oldPending, oldRetrying, oldSending)).allSatisfy(id -> assertThat(store.find(id)).isPresent());
    }

    private String pending(NotificationStore store) {
        String id = "evt_" + UUID.randomUUID();
        store.recordIfAbsent(Notification.received(id, "ord_retention", "ada@example.com", "Keyboard", 1, "1.00", "USD",
                clock.instant(), clock.instant()), "{}");
        return id;
    }

    private String claimed(NotificationStore store) {
        String id = pending(store);
        store.claim(id, clock.instant(), clock.instant().plusSeconds(60)).orElseThrow();
        return id;
    }

    private String sent(NotificationStore store) {
        String id = claimed(store);
        store.markSent(id, 1, clock.instant(), "subject", "<" + id + "@x>");
        return id;
    }

    private String retrying(NotificationStore store) {
        String id = claimed(store);
        store.markRetrying(id, 1, clock.instant().plusSeconds(10), "451");
        return id;
    }

    private String parked(NotificationStore store, NotificationStatus status) {
        String id = claimed(store);
        store.markParked(id, 1, status, "550");
        return id;
    }
}
