package io.hookline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafka.embedded.KraftBroker;
import io.hookline.schemas.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicDeclarationsTests {

    private static final Path TOPICS_CONF = Path.of("..", "topics.conf");

    @TempDir
    Path brokerDir;

    @Test
    void declaresEveryTopicThePlatformUsesWithThreePartitions() {
        TopicDeclarations declarations = TopicDeclarations.read(TOPICS_CONF);

        assertThat(declarations.topics()).extracting(TopicDeclarations.Topic::name)
                .contains(Topics.ORDERS_EVENTS, Topics.ORDERS_EVENTS_DLT, Topics.NOTIFICATIONS_INBOX,
                        Topics.NOTIFICATIONS_INBOX_DLT, Topics.OPERATIONAL_EVENTS, "webhooks.deliveries", "webhooks.deliveries.dlt",
                        "webhooks.deliveries.dlt.actions")
                .contains(IntStream.rangeClosed(1, 7).mapToObj(n -> "webhooks.deliveries.retry." + n)
                        .toArray(String[]::new))
                .doesNotHaveDuplicates();
        assertThat(declarations.topics()).allSatisfy(topic -> assertThat(topic.partitions()).isEqualTo(3));
    }

    @Test
    void createsTheMissingTopicsWithTheirRetentionAndLeavesExistingOnesAlone() throws Exception {
        TopicDeclarations declarations = TopicDeclarations.read(TOPICS_CONF);
        try (KraftBroker broker = KraftBroker.create(0, brokerDir).start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers()))) {
            declarations.createMissing(broker.bootstrapServers(), (short) 1);
            declarations.createMissing(broker.bootstrapServers(), (short) 1);

            Set<String> names = admin.listTopics().names().get();
            assertThat(names).containsAll(declarations.topics().stream().map(TopicDeclarations.Topic::name).toList());
            for (String kept : List.of("webhooks.deliveries.dlt", "webhooks.deliveries.dlt.actions")) {
                ConfigResource dlt = new ConfigResource(ConfigResource.Type.TOPIC, kept);
                Config config = admin.describeConfigs(Set.of(dlt)).all().get().get(dlt);
                assertThat(config.get("retention.ms").value()).as(kept).isEqualTo("-1");
            }
        }
    }
}
