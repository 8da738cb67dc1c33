package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.springframework.kafka.core.ProducerFactory;

/**
 * The {@code prod} profile's Kafka settings, read back from the producer factory the service really builds
 * (Boot's auto-configuration plus the service's Kafka wiring, from {@code application.yml} and
 * {@code application-prod.yml}) and parsed by Kafka's own {@link ProducerConfig}, which also refuses
 * combinations idempotence does not allow. No broker is contacted.
 */
class ProdProfileKafkaSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KafkaAutoConfiguration.class)
    @EnableConfigurationProperties(TopicProperties.class)
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
            assertThat(producer.getString(ProducerConfig.CLIENT_ID_CONFIG)).startsWith("orders-api");
        }
    }

    @Test
    void ordersEventsIsDeclaredWithThreeReplicasAndTheWebServerShutsDownGracefully() {
        try (ConfigurableApplicationContext context = prod()) {
            NewTopic topic = context.getBean(NewTopic.class);
            Binder binder = Binder.get(context.getEnvironment());

            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(binder.bind("server.shutdown", String.class).get()).isEqualTo("graceful");
            assertThat(binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).get())
                    .isLessThan(Duration.ofSeconds(20));
        }
    }

    private static ConfigurableApplicationContext prod() {
        return new SpringApplicationBuilder(KafkaWiring.class).web(WebApplicationType.NONE).profiles("prod")
                .properties("spring.kafka.admin.auto-create=false").run();
    }
}
