package io.hookline.support.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testsupport.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A service's start-up against the real (embedded, single-node) test broker with the check on: each test uses
 * its own topic of {@code topics.conf}. The broker has one node, so the expected replication is 1 here, except
 * where a test wants it to differ.
 */
class TopicVerificationIntegrationTests {

    @Test
    void aServiceWhoseTopicMatchesStarts() throws Exception {
        create(new NewTopic("orders.events", 3, (short) 1));

        try (ConfigurableApplicationContext context = start("orders.events", 1, 1)) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void aMissingTopicStopsTheStartAndIsNotCreatedWithTheServicesDefaults() throws Exception {
        assertThatThrownBy(() -> start("orders.events.dlt", 1, 1).close())
                .isInstanceOf(TopicSettingsException.class).hasMessageContaining("orders.events.dlt: missing from the cluster");

        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain("orders.events.dlt");
        }
    }

    @Test
    void anotherPartitionCountStopsTheStart() throws Exception {
        create(new NewTopic("webhooks.deliveries.retry.5", 1, (short) 1));

        assertThatThrownBy(() -> start("webhooks.deliveries.retry.5", 1, 1).close())
                .isInstanceOf(TopicSettingsException.class).hasMessageContaining("webhooks.deliveries.retry.5: partitions 1, expected 3");
    }

    @Test
    void anotherReplicationFactorStopsTheStart() throws Exception {
        create(new NewTopic("notifications.inbox", 3, (short) 1));

        assertThatThrownBy(() -> start("notifications.inbox", 3, 2).close())
                .isInstanceOf(TopicSettingsException.class).hasMessageContaining("notifications.inbox: replication factor 1, expected 3")
                .hasMessageContaining("notifications.inbox: min.insync.replicas 1, expected 2");
    }

    @Test
    void anotherMinInsyncReplicasStopsTheStart() throws Exception {
        create(new NewTopic("notifications.inbox.dlt", Optional.of(3), Optional.of((short) 1))
                .configs(Map.of("min.insync.replicas", "2")));

        assertThatThrownBy(() -> start("notifications.inbox.dlt", 1, 1).close())
                .isInstanceOf(TopicSettingsException.class).hasMessage("Refusing to start: the Kafka topics this service uses do not match "
                        + "topics.conf (hookline.topics.verify): notifications.inbox.dlt: min.insync.replicas 2, "
                        + "expected 1");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, TopicVerificationAutoConfiguration.class})
    static class Service {

        @Bean
        NewTopic usedTopic(org.springframework.core.env.Environment environment) {
            // declared with a single partition: were the service allowed to create it, it would differ
            return TopicBuilder.name(environment.getRequiredProperty("used.topic")).partitions(1).replicas(1).build();
        }
    }

    private static ConfigurableApplicationContext start(String topic, int replicationFactor, int minIsr) {
        return new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE).properties(
                "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "used.topic=" + topic,
                "hookline.topics.verify.enabled=true",
                "hookline.topics.verify.replication-factor=" + replicationFactor,
                "hookline.topics.verify.min-insync-replicas=" + minIsr,
                "hookline.topics.verify.timeout=60s").run();
    }

    private static void create(NewTopic topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }
}
