package io.hookline.dispatcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.EngineProperties;
import io.hookline.dispatcher.delivery.HttpProperties;
import io.hookline.dispatcher.delivery.RetryProperties;
import io.hookline.dispatcher.kafka.KafkaConfiguration;
import io.hookline.dispatcher.operations.OperationsProperties;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The {@code prod} profile's Kafka settings, read back from the producer and consumer factories the
 * dispatcher really builds (Boot's auto-configuration plus the dispatcher's Kafka wiring, from
 * {@code application.yml} and {@code application-prod.yml}) and parsed by Kafka's own config classes, which
 * also refuse combinations idempotence does not allow. The delivery engine's consumer comes from the same
 * consumer factory. No broker is contacted.
 */
class ProdProfileKafkaSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KafkaAutoConfiguration.class)
    @EnableConfigurationProperties({DeliveryTopicsProperties.class, RetryProperties.class, EngineProperties.class,
            HttpProperties.class, OperationsProperties.class})
    @Import(KafkaConfiguration.class)
    static class KafkaWiring {
    }

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndIsBoundedInTime() {
        try (ConfigurableApplicationContext context = prod()) {
            ProducerConfig producer = new ProducerConfig(
                    context.getBean(ProducerFactory.class).getConfigurationProperties());

            assertThat(producer.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
            assertThat(producer.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
            assertThat(producer.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isBetween(1, 5);
            assertThat(producer.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(30_000);
            assertThat(producer.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo(10_000);
            assertThat(producer.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(5_000);
            assertThat(producer.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
            assertThat(producer.getString(ProducerConfig.CLIENT_ID_CONFIG)).startsWith("webhook-dispatcher");
        }
    }

    @Test
    void consumersReadCommittedRecordsFromTheEarliestOffsetAndCommitOnlyThemselves() {
        try (ConfigurableApplicationContext context = prod()) {
            ConsumerConfig consumer = new ConsumerConfig(
                    context.getBean(ConsumerFactory.class).getConfigurationProperties());

            assertThat(consumer.getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
            assertThat(consumer.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
            assertThat(consumer.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isFalse();
            assertThat(consumer.getInt(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo(30_000);
            assertThat(consumer.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)).isEqualTo(120_000);
            assertThat(consumer.getString(ConsumerConfig.CLIENT_ID_CONFIG)).startsWith("webhook-dispatcher");
        }
    }

    @Test
    void topicsAreDeclaredWithThreeReplicasAndShutdownFitsComposesGracePeriod() {
        try (ConfigurableApplicationContext context = prod()) {
            Binder binder = Binder.get(context.getEnvironment());
            Duration phase = binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).get();
            EngineProperties engine = context.getBean(EngineProperties.class);

            assertThat(context.getBean(DeliveryTopicsProperties.class).replicationFactor())
                    .as("the replication factor of every topic KafkaConfiguration declares").isEqualTo((short) 3);
            assertThat(binder.bind("server.shutdown", String.class).get()).isEqualTo("graceful");
            assertThat(engine.shutdownTimeout()).isGreaterThan(context.getBean(HttpProperties.class).responseTimeout());
            assertThat(engine.shutdownTimeout().plus(phase).plus(phase))
                    .as("the engine's drain, the listener phase and the web server phase, within compose's 40s")
                    .isLessThan(Duration.ofSeconds(40));
        }
    }

    private static ConfigurableApplicationContext prod() {
        return new SpringApplicationBuilder(KafkaWiring.class).web(WebApplicationType.NONE).profiles("prod")
                .properties("spring.kafka.admin.auto-create=false").run();
    }
}
