package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stopping the dispatcher (closing its application context, as SIGTERM does) while deliveries are in flight
 * to a slow endpoint: within {@code hookline.dispatcher.delivery.shutdown-timeout} they finish and their offsets are
 * committed; beyond it the committed position of the deliveries group stays at the first unfinished record,
 * so the next dispatcher delivers those records again and none is lost. Each test runs its own dispatcher
 * (own topics, groups and file database) on the shared broker.
 */
class GracefulShutdownIntegrationTests {

    private static final String SECRET = "whsec_c2h1dGRvd24tc2VjcmV0LWtleS1mb3ItdGVzdHMh";
    private static final int EVENTS = 5;
    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void deliveriesInFlightFinishBeforeTheStopAndTheirOffsetsAreCommitted() throws Exception {
        String path = "/held/2000/finishing";
        ConfigurableApplicationContext dispatcher = start("finishing", path, "10s");
        List<EventEnvelope<OrderPaid>> events = publish("finishing", EVENTS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.stream()
                .allMatch(event -> webhooks.received(path, event.id()).size() == 1));

        long closing = System.nanoTime();
        dispatcher.close();
        Duration closed = Duration.ofNanos(System.nanoTime() - closing);

        assertThat(closed).isLessThan(Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = endOffsets("finishing.webhooks.deliveries");
        assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
        assertThat(committed("finishing-deliveries", ends.keySet()))
                .as("every delivery finished, so the group is committed to the end of each partition")
                .isEqualTo(ends);
    }

    @Test
    void deliveriesSlowerThanTheShutdownTimeoutAreNotCommittedAndTheNextDispatcherDeliversThem() throws Exception {
        String path = "/held/5000/unfinished";
        ConfigurableApplicationContext first = start("unfinished", path, "1s");
        List<EventEnvelope<OrderPaid>> events = publish("unfinished", EVENTS);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.stream()
                .allMatch(event -> webhooks.received(path, event.id()).size() == 1));

        first.close();

        Map<TopicPartition, Long> ends = endOffsets("unfinished.webhooks.deliveries");
        Map<TopicPartition, Long> committed = committed("unfinished-deliveries", ends.keySet());
        assertThat(committed).as("no partition is committed past its first unfinished record (offset 0)")
                .hasSize(ends.size()).allSatisfy((partition, offset) -> assertThat(offset).isZero());
        assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
        ConfigurableApplicationContext second = start("unfinished", path, "10s");
        try {
            // Bounds for a loaded machine (the second dispatcher joins the group, then each held request takes 5 s);
            // a passing run waits only as long as the redelivery takes.
            await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
                    .allMatch(event -> webhooks.received(path, event.id()).size() == 2));
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> committed("unfinished-deliveries", ends.keySet()).equals(ends));
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start(String name, String path, String shutdownTimeout) {
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve(name) + ";WRITE_DELAY=0",
                "--hookline.dispatcher.topics.events=" + name + ".orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=" + name + ".orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=" + name + ".webhooks.deliveries",
                "--spring.kafka.consumer.group-id=" + name,
                "--hookline.dispatcher.delivery.group-id=" + name + "-deliveries",
                "--hookline.dispatcher.delivery.shutdown-timeout=" + shutdownTimeout,
                "--hookline.dispatcher.http.response-timeout=10s",
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--hookline.dispatcher.endpoints[0].name=" + name,
                "--hookline.dispatcher.endpoints[0].url=" + webhooks.url(path),
                "--hookline.dispatcher.endpoints[0].secret=" + SECRET);
    }

    private static List<EventEnvelope<OrderPaid>> publish(String name, int count) throws Exception {
        List<EventEnvelope<OrderPaid>> events = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < count; i++) {
                EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(
                        DispatcherIntegrationTestSupport.newOrderId());
                ProducerRecord<String, String> record = new ProducerRecord<>(name + ".orders.events",
                        event.data().orderId(), json.writeValueAsString(event));
                record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
                events.add(event);
            }
        }
        return events;
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(topic, info.partition()),
                            info -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    /** The group's committed offsets of these partitions; 0 for a partition without a commit. */
    private static Map<TopicPartition, Long> committed(String group, Set<TopicPartition> partitions)
            throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return partitions.stream().collect(Collectors.toMap(Function.identity(),
                    partition -> offsets.get(partition) == null ? 0L : offsets.get(partition).offset()));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }
}
