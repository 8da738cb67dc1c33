package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.LoopsHealthIndicator;
import io.hookline.support.supervision.SupervisionProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The retention loop under a real supervisor: batches until a short one, and a failure that escapes it. */
class PurgeLoopTests {

    private final LoopSupervisor supervisor = new LoopSupervisor(Clock.systemUTC(),
            new SupervisionProperties(Duration.ofMillis(20), Duration.ofMillis(200)), null);
    private final LoopsHealthIndicator readiness = new LoopsHealthIndicator(supervisor);

    @Test
    void onePassDeletesBatchAfterBatchUntilAShortOne() {
        AtomicInteger left = new AtomicInteger(7);
        PurgeLoop loop = new PurgeLoop("purge-test", supervisor, Clock.systemUTC(), Duration.ofHours(1), 3,
                (now, limit) -> {
                    int deleted = Math.min(limit, left.get());
                    left.addAndGet(-deleted);
                    return deleted;
                });

        assertThat(loop.purgeNow()).isEqualTo(7);
        assertThat(left).hasValue(0);
    }

    @Test
    void aFailureThatEscapesTakesReadinessDownNamingTheLoopUntilTheRestartedLoopPurges() {
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicInteger passes = new AtomicInteger();
        PurgeLoop loop = new PurgeLoop("retention-test", supervisor, Clock.systemUTC(), Duration.ofMillis(50), 10,
                (now, limit) -> {
                    if (broken.get()) {
                        throw new IllegalStateException("injected purge failure");
                    }
                    passes.incrementAndGet();
                    return 0;
                });
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> readiness.health().getStatus().equals(Status.DOWN));
            Health down = readiness.health();
            assertThat(down.getDetails()).containsKey("retention-test");
            assertThat(((Map<?, ?>) down.getDetails().get("retention-test")).get("last_failure").toString())
                    .contains("injected purge failure");

            broken.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> readiness.health().getStatus().equals(Status.UP));
            await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() >= 2);
        } finally {
            loop.stop();
        }
        assertThat(supervisor.statuses()).singleElement().satisfies(status -> assertThat(status.restarts()).isPositive());
    }
}
