package io.hookline.orders.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;

/**
 * Outbox meters on {@code /actuator/prometheus}: {@code hookline_outbox_unpublished} (rows waiting, read from the
 * database at scrape time, so it counts every instance's backlog), {@code hookline_outbox_published_total} (rows
 * this instance published) and {@code hookline_outbox_relay_consecutive_failures}.
 */
@Configuration(proxyBeanMethods = false)
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, OutboxRepository repository, OutboxRelay relay) {
        Gauge.builder("hookline.outbox.unpublished", repository, OutboxRepository::countUnpublished)
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(registry);
        FunctionCounter.builder("hookline.outbox.published", relay, OutboxRelay::publishedCount)
                .description("Outbox rows this instance published to Kafka")
                .register(registry);
        Gauge.builder("hookline.outbox.relay.consecutive.failures", relay, OutboxRelay::consecutiveFailures)
                .description("Failed relay rounds in a row; 0 when Kafka is reachable")
                .register(registry);
    }
}
