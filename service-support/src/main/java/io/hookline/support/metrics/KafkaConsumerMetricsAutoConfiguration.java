package io.hookline.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * Replaces the consumer metrics binder Spring Boot adds to the consumer factory (every consumer it creates: the
 * listener containers' and hand-made ones like the dispatcher's delivery engine) with a
 * {@link RefreshingConsumerMetrics}, so consumer lag ({@code kafka_consumer_fetch_manager_records_lag{topic,
 * partition}}) appears within {@code hookline.metrics.kafka.refresh-interval} (default 5s) of an assignment.
 * Runs after Boot's customizer (this configuration is ordered after Boot's), removing the listener it added.
 */
@AutoConfiguration(after = KafkaMetricsAutoConfiguration.class)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(KafkaMetricsProperties.class)
public class KafkaConsumerMetricsAutoConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer refreshingKafkaConsumerMetrics(MeterRegistry registry,
            KafkaMetricsProperties properties) {
        return factory -> replaceMetricsListener(factory, registry, properties.refreshInterval());
    }

    private static <K, V> void replaceMetricsListener(DefaultKafkaConsumerFactory<K, V> factory,
            MeterRegistry registry, Duration refresh) {
        List<ConsumerFactory.Listener<K, V>> boots = factory.getListeners().stream()
                .filter(listener -> listener instanceof MicrometerConsumerListener
                        && !(listener instanceof RefreshingConsumerMetrics))
                .toList();
        boots.forEach(factory::removeListener);
        factory.addListener(new RefreshingConsumerMetrics<>(registry, refresh));
    }
}
