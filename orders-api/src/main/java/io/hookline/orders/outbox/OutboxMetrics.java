package io.hookline.orders.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Configuration;

/**
 * Outbox meters on {@code /actuator/prometheus}: {@code hookline_outbox_unpublished} (rows waiting, read from the
 * database at scrape time, so it counts every instance's backlog), {@code hookline_outbox_published_total} (rows
 * this instance published), {@code hookline_outbox_oldest_unpublished_age_seconds} (how long the oldest waiting
 * row has waited, also read at scrape time: it grows while Kafka is unreachable) and
 * {@code hookline_outbox_relay_consecutive_failures}. The commit-to-acknowledgement time of each published event
 * is {@link OutboxLag}'s.
 */
@Configuration(proxyBeanMethods = false)
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, OutboxRepository repository, OutboxRelay relay, Clock clock) {
        Gauge.builder("hookline.outbox.unpublished", repository, OutboxRepository::countUnpublished)
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(registry);
        FunctionCounter.builder("hookline.outbox.published", relay, OutboxRelay::publishedCount)
                .description("Outbox rows this instance published to Kafka")
                .register(registry);
        Gauge.builder("hookline.outbox.oldest.unpublished.age", repository, r -> ageSeconds(r, clock))
                .description("Seconds the oldest unpublished outbox row has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("hookline.outbox.relay.consecutive.failures", relay, OutboxRelay::consecutiveFailures)
                .description("Failed relay rounds in a row; 0 when Kafka is reachable")
                .register(registry);
    }

    private static double ageSeconds(OutboxRepository repository, Clock clock) {
        Instant oldest = repository.oldestUnpublishedCreatedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
