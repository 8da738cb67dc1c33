package io.hookline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three KRaft nodes as separate JVMs: topics get three replicas and {@code min.insync.replicas} 2, a node killed
 * with SIGKILL costs no acknowledged record (acks=all goes on with two in sync), and the restarted node catches
 * up until every partition's ISR is full again. One cluster per test: each costs three JVM starts.
 */
class KraftClusterIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aNodeKilledWithSigkillLosesNoAcknowledgedRecordAndRejoinsTheIsrAfterARestart() throws Exception {
        try (KraftCluster cluster = KraftCluster.create(3, dataDir).start()) {
            try (Admin admin = admin(cluster)) {
                admin.createTopics(List.of(new NewTopic("replicated", Optional.of(3), Optional.empty()))).all().get();
                TopicDescription topic = admin.describeTopics(List.of("replicated")).allTopicNames().get()
                        .get("replicated");
                assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                        "replicated"))).all().get().values().iterator().next();
                assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            }
            cluster.awaitFullIsr(Duration.ofSeconds(60));
            long pid;
            try (KafkaProducer<String, String> producer = producer(cluster)) {
                for (int i = 0; i < 50; i++) {
                    producer.send(new ProducerRecord<>("replicated", "key-" + i, "before-" + i)).get();
                }
                pid = cluster.kill(2);
                assertThat(ProcessHandle.of(pid)).as("the node's JVM is gone").isEmpty();
                for (int i = 0; i < 50; i++) {
                    producer.send(new ProducerRecord<>("replicated", "key-" + i, "during-" + i)).get();
                }
            }
            cluster.restart(2);
            cluster.awaitRejoined(2, Duration.ofSeconds(90));

            assertThat(cluster.isRunning(2)).isTrue();
            assertThat(readAll(cluster, "replicated", 100)).hasSize(100);
        }
        assertThat(Files.exists(dataDir.resolve("nodes.pid"))).as("pid file removed on close").isFalse();
    }

    private static Admin admin(KraftCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(KraftCluster cluster) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KraftCluster cluster, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
