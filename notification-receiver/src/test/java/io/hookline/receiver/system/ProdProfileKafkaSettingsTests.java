package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.kafka.KafkaConfiguration;
import io.hookline.receiver.mail.ConfirmationMailProperties;
import io.hookline.receiver.notification.NotificationStore;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The {@code prod} profile's Kafka settings, read back from the producer and consumer factories the receiver
 * really builds (Boot's auto-configuration plus the receiver's Kafka wiring, from {@code application.yml} and
 * {@code application-prod.yml}) and parsed by Kafka's own config classes, which also refuse combinations
 * idempotence does not allow. No broker is contacted.
 */
class ProdProfileKafkaSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KafkaAutoConfiguration.class)
    @EnableConfigurationProperties({TopicProperties.class, InboxProperties.class, ConfirmationMailProperties.class})
    @Import(KafkaConfiguration.class)
    static class KafkaWiring {

        @Bean
        NotificationStore notificationStore() {
            return new NotificationStore(JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:prod-settings")));
        }
    }

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndAnswersWithinTheSendTimeout() {
        try (ConfigurableApplicationContext context = prod()) {
            ProducerConfig producer = new ProducerConfig(
                    context.getBean(ProducerFactory.class).getConfigurationProperties());

            assertThat(producer.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
            assertThat(producer.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
            assertThat(producer.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isBetween(1, 5);
            assertThat(producer.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5_000);
            assertThat(producer.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo(5_000);
            // a request thread waits inside send() at most hookline.receiver.inbox.hand-off.max-block (metadata, buffer)
            assertThat(producer.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(250);
            assertThat(producer.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
            assertThat(producer.getString(ProducerConfig.CLIENT_ID_CONFIG)).startsWith("notification-receiver");
        }
    }

    @Test
    void theInboxWorkerReadsCommittedRecordsFromTheEarliestOffsetInSmallPolls() {
        try (ConfigurableApplicationContext context = prod()) {
            ConsumerConfig consumer = new ConsumerConfig(
                    context.getBean(ConsumerFactory.class).getConfigurationProperties());

            assertThat(consumer.getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
            assertThat(consumer.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
            assertThat(consumer.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isFalse();
            assertThat(consumer.getInt(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo(50);
            assertThat(consumer.getInt(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo(30_000);
            assertThat(consumer.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)).isEqualTo(300_000);
        }
    }

    @Test
    void theInboxTopicsAreDeclaredWithThreeReplicasAndTheWebServerShutsDownGracefully() {
        try (ConfigurableApplicationContext context = prod()) {
            Binder binder = Binder.get(context.getEnvironment());

            assertThat(context.getBeansOfType(NewTopic.class).values()).hasSize(2)
                    .extracting(NewTopic::replicationFactor).containsOnly((short) 3);
            assertThat(binder.bind("server.shutdown", String.class).get()).isEqualTo("graceful");
            assertThat(binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).get().multipliedBy(2))
                    .as("the listener phase and the web server phase, within compose's 40s")
                    .isLessThan(Duration.ofSeconds(40));
        }
    }

    private static ConfigurableApplicationContext prod() {
        return new SpringApplicationBuilder(KafkaWiring.class).web(WebApplicationType.NONE).profiles("prod")
                .properties("spring.kafka.admin.auto-create=false").run();
    }
}
