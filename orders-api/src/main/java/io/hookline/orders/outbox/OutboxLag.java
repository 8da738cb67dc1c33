package io.hookline.orders.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The timer {@code hookline.outbox.lag} (Prometheus {@code hookline_outbox_lag_seconds}, with histogram buckets),
 * tagged by event {@code type}: how long each published event waited between its commit and Kafka's
 * acknowledgement. Its count is the number of events this instance published, per type. Thread-safe.
 */
@Component
class OutboxLag {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    OutboxLag(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records the rows of a batch Kafka acknowledged at {@code publishedAt}. */
    void published(List<OutboxRecord> batch, Instant publishedAt) {
        for (OutboxRecord row : batch) {
            Duration lag = Duration.between(row.createdAt(), publishedAt);
            timer(row.eventType()).record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private Timer timer(String type) {
        return timers.computeIfAbsent(type, t -> Timer.builder("hookline.outbox.lag")
                .description("Time from an event's commit to Kafka's acknowledgement of it")
                .tag("type", t)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry));
    }
}
