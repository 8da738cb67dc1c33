package io.hookline.support.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.kafka.embedded.KraftBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Against a broker of its own (stopped and restarted here), never the shared test broker. */
class KafkaHealthIndicatorIntegrationTests {

    private static final Duration CACHE = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger adminsCreated = new AtomicInteger();
    private KraftBroker broker;
    private KafkaHealthIndicator indicator;

    @AfterEach
    void stop() {
        if (indicator != null) {
            indicator.destroy();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void reportsUpWhileTheBrokerServesDownOnceItStopsAndUpAgainAfterItsRestart() {
        broker = KraftBroker.create(0, dataDir).start();
        indicator = indicator(broker.bootstrapServers());

        Health up = awaitUp();
        assertThat(up.getDetails()).containsEntry("brokers", 1).containsKey("cluster_id");

        broker.stop();
        assertThat(indicator.health().getStatus()).as("within cache-for the last answer stands")
                .isEqualTo(Status.UP);
        nanos.addAndGet(CACHE.toNanos());
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsKey("error");

        broker.start();
        awaitUp();
        assertThat(adminsCreated).as("one admin client, reconnecting by itself").hasValue(1);
    }

    @Test
    void reportsDownWithinTheTimeoutWhenNothingListens() {
        indicator = indicator("localhost:1");

        long started = System.nanoTime();
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        // Bounded by the 1 s timeout, not by the admin client's 60 s default; the ceiling leaves room for a busy
        // machine without letting a missing timeout pass.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    /**
     * Asks until the answer is UP, moving the injected clock past the cache before each question: the admin
     * client (re)connects in the background and a busy machine may need more than one 1 s timeout for it.
     */
    private Health awaitUp() {
        AtomicReference<Health> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            nanos.addAndGet(CACHE.toNanos());
            last.set(indicator.health());
            return last.get().getStatus().equals(Status.UP);
        });
        return last.get();
    }

    private KafkaHealthIndicator indicator(String bootstrapServers) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaHealthIndicator(() -> {
            adminsCreated.incrementAndGet();
            return Admin.create(config);
        }, new KafkaHealthProperties(Duration.ofSeconds(1), CACHE), nanos::get);
    }
}
