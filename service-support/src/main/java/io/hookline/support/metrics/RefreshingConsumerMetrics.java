package io.hookline.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * Spring Kafka's consumer metrics binder, looking for new client metrics every {@code refreshInterval} instead of
 * Micrometer's 60 s. A consumer registers its per-partition metrics ({@code records-lag}, {@code records-lead})
 * only once partitions are assigned and fetched, so with the default they reach {@code /actuator/prometheus} up
 * to a minute after every start and rebalance. Each consumer's metrics get their own refresh thread (a daemon),
 * which they stop when the consumer closes.
 */
public class RefreshingConsumerMetrics<K, V> extends MicrometerConsumerListener<K, V> {

    private final Duration refreshInterval;

    public RefreshingConsumerMetrics(MeterRegistry registry, Duration refreshInterval) {
        super(registry);
        this.refreshInterval = refreshInterval;
    }

    @Override
    protected MeterBinder createClientMetrics(Consumer<K, V> client, List<Tag> tags) {
        return new KafkaClientMetrics(client, tags, Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("kafka-metrics-refresh").daemon().factory()), refreshInterval);
    }
}
