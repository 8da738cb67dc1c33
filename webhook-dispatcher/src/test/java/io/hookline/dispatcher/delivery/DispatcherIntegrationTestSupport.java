package io.hookline.dispatcher.delivery;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.UsesTestKafka;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of the integration tests (shared through Spring's context cache: subclasses
 * add no configuration): the real dispatcher on the shared test broker, with three endpoints on a real HTTP
 * server: {@code alpha} (order.paid), {@code beta} (every type) and {@code gamma} (order.payment_failed),
 * plus whatever the tests create through the admin API. The retry schedule is 300 ms, 600 ms (three
 * attempts); a circuit's first cool-down is 8 s, so a delivery's life is stretched by a deadline slack of 60 s
 * (a delivery may wait out a cool-down or two). Tests use their own event ids and record keys. The context's
 * topics and consumer groups are its own ({@code ${test.namespace}.…}, see docs/testing.md): tests read the names
 * from {@link #topics}. Before the first test of a context publishes, both consumer groups own their partitions,
 * so no start-up rebalance redelivers a test's first records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.retry.delays=300ms,600ms",
        "hookline.dispatcher.retry.deadline-slack=60s",
        "hookline.dispatcher.http.connect-timeout=500ms",
        "hookline.dispatcher.http.response-timeout=2s",
        "hookline.dispatcher.circuit.open-duration=8s",
        "hookline.dispatcher.admin.token=" + DispatcherIntegrationTestSupport.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true",
        "hookline.dispatcher.callbacks.secret=" + DispatcherIntegrationTestSupport.CALLBACK_SECRET,
        "spring.datasource.url=jdbc:h2:mem:dispatcher-integration-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
abstract class DispatcherIntegrationTestSupport {

    static final String ALPHA_SECRET = "whsec_YWxwaGEtc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==";
    static final String BETA_SECRET = "whsec_YmV0YS1zZWNyZXQta2V5LWZvci10ZXN0cyEhIQ==";
    static final String GAMMA_SECRET = "whsec_Z2FtbWEtc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==";
    static final String ADMIN_TOKEN = "test-admin-token";
    static final String CALLBACK_SECRET = "whsec_Y2FsbGJhY2stc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==";

    /** Started once per test JVM, like the broker. */
    static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    DeliveryTopicsProperties topics;

    @Autowired
    DeliveryEngine engine;

    @Value("${spring.kafka.consumer.group-id}")
    String fanOutGroup;

    @Autowired
    EngineProperties engineProperties;

    @LocalServerPort
    int port;

    private static final Set<String> settledGroups = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void consumerGroupsOwnTheirPartitions() {
        if (settledGroups.add(fanOutGroup)) {
            KafkaGroups.awaitAssigned(fanOutGroup, List.of(topics.events()));
            KafkaGroups.awaitAssigned(engineProperties.groupId(), engine.consumedTopics());
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        endpoint(registry, 0, "alpha", ALPHA_SECRET, EventTypes.ORDER_PAID);
        endpoint(registry, 1, "beta", BETA_SECRET, null);
        endpoint(registry, 2, "gamma", GAMMA_SECRET, EventTypes.ORDER_PAYMENT_FAILED);
    }

    private static void endpoint(DynamicPropertyRegistry registry, int index, String name, String secret,
            String eventType) {
        String prefix = "hookline.dispatcher.endpoints[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "url", () -> webhooks.url("/" + name));
        registry.add(prefix + "secret", () -> secret);
        if (eventType != null) {
            registry.add(prefix + "event-types[0]", () -> eventType);
        }
    }

    static EventEnvelope<OrderPaid> orderPaid(String orderId) {
        return orderPaid(orderId, null);
    }

    static EventEnvelope<OrderPaid> orderPaid(String orderId, String callbackUrl) {
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OrderPaid data = new OrderPaid(orderId, "ada@example.com", "Mechanical keyboard", 2,
                new BigDecimal("29.99"), "EUR", new BigDecimal("59.98"), paidAt, callbackUrl);
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PAID, paidAt, data);
    }

    static String newOrderId() {
        return "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Publishes an event as the orders API does (key = order id, event headers) and waits for the ack. */
    RecordMetadata publish(EventEnvelope<?> event, String orderId) {
        return publish(orderId, jsonMapper.writeValueAsString(event), event.id(), event.type());
    }

    RecordMetadata publish(String key, String value, UUID eventId, String eventType) {
        return publish(key, value, eventId, eventType, Map.of());
    }

    /** Publishes an event with these extra record headers (e.g. the orders API's client headers). */
    RecordMetadata publish(EventEnvelope<?> event, String orderId, Map<String, String> headers) {
        return publish(orderId, jsonMapper.writeValueAsString(event), event.id(), event.type(), headers);
    }

    private RecordMetadata publish(String key, String value, UUID eventId, String eventType,
            Map<String, String> extra) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), key, value);
        if (eventId != null) {
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        }
        extra.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return kafkaTemplate.send(record).join().getRecordMetadata();
    }

    /**
     * The endpoints the fan-out made deliveries of the event for: waits until the fan-out has committed past the
     * published record (so every delivery of it is produced and acknowledged), then reads the delivery and retry
     * topics to their end. Complete, not a snapshot in time: an endpoint missing here never gets the event.
     */
    Set<String> fannedOutTo(RecordMetadata published, UUID eventId) {
        KafkaGroups.awaitCommitted(fanOutGroup, new TopicPartition(published.topic(), published.partition()),
                published.offset() + 1);
        return KafkaTopics.readToEnd(engine.consumedTopics()).stream()
                .filter(record -> eventId.toString().equals(header(record, DeliveryHeaders.EVENT_ID)))
                .map(record -> header(record, DeliveryHeaders.ENDPOINT_ID))
                .collect(Collectors.toSet());
    }

    /** Waits for the dead-lettered record with this key on the context's {@code orders.events.dlt}. */
    ConsumerRecord<String, String> awaitDeadLetter(String key) {
        return awaitRecord(topics.eventsDeadLetter(), record -> key.equals(record.key()));
    }

    /** Waits for the first record on the topic (read from the beginning) that matches. */
    static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return Awaitility.await().atMost(20, TimeUnit.SECONDS).until(
                    () -> StreamSupport.stream(consumer.poll(Duration.ofMillis(200)).spliterator(), false)
                            .filter(match).findFirst(),
                    Optional::isPresent).orElseThrow();
        }
    }

    /** Calls the admin API with the admin token; {@code body} may be null. */
    HttpResponse<String> admin(String method, String path, String body) {
        return call(method, path, body, "Bearer " + ADMIN_TOKEN);
    }

    HttpResponse<String> call(String method, String path, String body, String authorization) {
        return LocalHttp.call(port, method, path, body, authorization);
    }

    JsonNode json(HttpResponse<String> response) {
        return jsonMapper.readTree(response.body());
    }

    /** The recorded attempts of an event, as the admin API lists them. */
    JsonNode attempts(UUID eventId) {
        return json(admin("GET", "/events/" + eventId + "/attempts", null)).get("data");
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
