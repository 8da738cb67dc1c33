package io.hookline.dispatcher.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.LocalHttp;
import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.UsesTestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attempt log off the critical path, against a real outage: the dispatcher's database (H2) refuses every
 * connection while deliveries go on over a real broker and real HTTP. During the outage every webhook reaches the
 * endpoint and the delivery group commits past it; the attempts wait in the buffer (backlog gauge) and are all
 * written when the database is back, counters included. The buffer is small here (20, batches of 10) so that a
 * second outage overflows it: what is dropped is counted, exactly what is not dropped is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.admin.token=" + AttemptLogOutageIntegrationTests.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true",
        "hookline.dispatcher.attempts.buffer-capacity=20",
        "hookline.dispatcher.attempts.batch-size=10",
        "hookline.dispatcher.attempts.retry-backoff=100ms",
        "hookline.dispatcher.attempts.max-retry-backoff=200ms",
        "spring.datasource.url=jdbc:h2:mem:attempt-outage-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
@Import(SwitchableDataSource.Installer.class)
class AttemptLogOutageIntegrationTests {

    static final String ADMIN_TOKEN = "outage-admin-token";
    private static final String ENDPOINT = "outage";
    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    DeliveryTopicsProperties topics;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.consumer.group-id}")
    String fanOutGroup;

    @Value("${hookline.dispatcher.delivery.group-id}")
    String deliveryGroup;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("hookline.dispatcher.endpoints[0].name", () -> ENDPOINT);
        registry.add("hookline.dispatcher.endpoints[0].url", () -> webhooks.url("/" + ENDPOINT));
        registry.add("hookline.dispatcher.endpoints[0].secret", () -> "whsec_YWxwaGEtc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==");
    }

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @BeforeEach
    void groupsOwnTheirPartitions() {
        KafkaGroups.awaitAssigned(fanOutGroup, List.of(topics.events()));
        KafkaGroups.awaitAssigned(deliveryGroup, List.of(topics.deliveries()));
    }

    @Test
    void deliversThroughADatabaseOutageAndWritesEveryAttemptWhenItIsBack() {
        SwitchableDataSource database = (SwitchableDataSource) dataSource;
        database.down(true);
        List<UUID> events = publish(15);

        awaitDeliveredAndCommitted(events);
        assertThat(storedAttempts(database, events)).isZero();
        assertThat(backlog()).isEqualTo(15);

        database.down(false);
        // every attempt made (one per request the endpoint got; a retry after a slow answer is one more) is stored
        await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0
                && storedAttempts(database, events) == requests(events));
        assertThat(storedAttempts(database, events)).isGreaterThanOrEqualTo(15);
        assertThat(JdbcClient.create(database.raw()).sql("select sum(attempts) from endpoint_attempt_counts "
                + "where endpoint_id = ?").param(ENDPOINT).query(Long.class).single()).isGreaterThanOrEqualTo(15);
        assertThat(json.readTree(LocalHttp.call(port, "GET", "/endpoint-stats?window=PT1H", null,
                "Bearer " + ADMIN_TOKEN).body()).get("data").get(0).get("attempts").asLong())
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void dropsAndCountsWhatDoesNotFitTheBufferAndWritesTheRest() {
        SwitchableDataSource database = (SwitchableDataSource) dataSource;
        double droppedBefore = dropped();
        database.down(true);
        List<UUID> events = publish(50);

        awaitDeliveredAndCommitted(events);
        double dropped = dropped() - droppedBefore;
        // at most the buffer (20) and one batch in the writer's hands (10) wait for the database
        assertThat(dropped).isGreaterThanOrEqualTo(20);

        database.down(false);
        // every attempt made is either stored or counted as dropped, none twice
        await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0
                && storedAttempts(database, events) + (long) (dropped() - droppedBefore) == requests(events));
        assertThat(storedAttempts(database, events)).isPositive();
    }

    private void awaitDeliveredAndCommitted(List<UUID> events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                .allMatch(event -> webhooks.received("/" + ENDPOINT, event).size() == 1));
        endOffsets(topics.deliveries()).forEach((partition, end) ->
                KafkaGroups.awaitCommitted(deliveryGroup, partition, end));
    }

    private static long requests(List<UUID> events) {
        return events.stream().mapToLong(event -> webhooks.received("/" + ENDPOINT, event).size()).sum();
    }

    private List<UUID> publish(int count) {
        return IntStream.range(0, count).mapToObj(i -> publishOne()).toList();
    }

    private UUID publishOne() {
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<OrderPaid> event = new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PAID, paidAt,
                new OrderPaid(orderId, "ada@example.com", "Keyboard", 1, new BigDecimal("9.99"), "EUR",
                        new BigDecimal("9.99"), paidAt, null));
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), orderId,
                json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
        return event.id();
    }

    private static long storedAttempts(SwitchableDataSource database, List<UUID> events) {
        return JdbcClient.create(database.raw()).sql("select event_id from delivery_attempts where endpoint_id = ?")
                .param(ENDPOINT).query(String.class).list().stream()
                .filter(id -> events.contains(UUID.fromString(id))).count();
    }

    private double backlog() {
        return meters.get("hookline.attempts.backlog").gauge().value();
    }

    private double dropped() {
        return meters.get("hookline.attempts.dropped").tag("reason", "buffer_full").counter().count();
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }
}
