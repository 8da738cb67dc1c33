package io.hookline.dispatcher.deadletter;

import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.RetryProperties;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.dispatcher.delivery.LocalHttp;
import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.UsesTestKafka;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of the dead-letter tests (shared through Spring's context cache): the real
 * dispatcher on the shared test broker with its own topics and groups ({@code ${test.namespace}.*}, docs/testing.md) and H2 database, and a
 * real HTTP server as the configured endpoints {@code alpha} (order.paid) and {@code omega} (every type). The
 * retry schedule is 300 ms, 600 ms (three attempts); the circuit breaker is off so that many dead letters to one
 * endpoint do not defer its replays. Tests isolate themselves by order id, or by an event type of their own on
 * dead letters they produce straight to the dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.retry.delays=300ms,600ms",
        "hookline.dispatcher.http.connect-timeout=500ms",
        "hookline.dispatcher.http.response-timeout=2s",
        "hookline.dispatcher.circuit.enabled=false",
        "hookline.dispatcher.admin.token=" + DeadLetterIntegrationTestSupport.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true",
        "hookline.dispatcher.dead-letters.claim-timeout=2s",
        "hookline.dispatcher.dead-letters.partition-check-interval=1s",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "hookline.dispatcher.dead-letters.inbox-topic=${test.namespace}.notifications.inbox",
        "hookline.dispatcher.dead-letters.inbox-dead-letter-topic=${test.namespace}.notifications.inbox.dlt",
        "spring.datasource.url=jdbc:h2:mem:dead-letter-tests;DB_CLOSE_DELAY=-1",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
abstract class DeadLetterIntegrationTestSupport {

    static final String ADMIN_TOKEN = "dead-letter-test-token";
    static final String ALPHA_SECRET = "whsec_YWxwaGEtc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==";
    static final String OMEGA_SECRET = "whsec_b21lZ2Etc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==";

    /** Started once per test JVM. */
    static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    JdbcClient jdbc;

    /** The context's topic names. */
    @Autowired
    DeliveryTopicsProperties topics;

    @Autowired
    RetryProperties retry;

    @Autowired
    DeadLetterProperties deadLetters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("hookline.dispatcher.endpoints[0].name", () -> "alpha");
        registry.add("hookline.dispatcher.endpoints[0].url", () -> webhooks.url("/alpha"));
        registry.add("hookline.dispatcher.endpoints[0].secret", () -> ALPHA_SECRET);
        registry.add("hookline.dispatcher.endpoints[0].event-types[0]", () -> EventTypes.ORDER_PAID);
        registry.add("hookline.dispatcher.endpoints[1].name", () -> "omega");
        registry.add("hookline.dispatcher.endpoints[1].url", () -> webhooks.url("/omega"));
        registry.add("hookline.dispatcher.endpoints[1].secret", () -> OMEGA_SECRET);
    }

    static String newOrderId() {
        return "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static EventEnvelope<OrderPaid> orderPaid(String orderId) {
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OrderPaid data = new OrderPaid(orderId, "ada@example.com", "Mechanical keyboard", 2,
                new BigDecimal("29.99"), "EUR", new BigDecimal("59.98"), paidAt, null);
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PAID, paidAt, data);
    }

    /** Publishes an event as the orders API does (key = order id, event headers) and waits for the ack. */
    void publish(EventEnvelope<?> event, String orderId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), orderId,
                jsonMapper.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(record).join();
    }

    /**
     * An order.paid event whose delivery to {@code alpha} fails three times (500), so it is dead-lettered; only
     * omega (every type) also gets it, once. Answers the event; the dead letter is {@link #awaitOnlyDeadLetter}.
     */
    EventEnvelope<OrderPaid> deadLetteredAtAlpha(String orderId) {
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 500, 500, 500);
        publish(event, orderId);
        return event;
    }

    /** Waits until the index lists exactly one dead letter for the order in this status, and answers it. */
    JsonNode awaitOnlyDeadLetter(String orderId, String status) {
        String query = "/dead-letters?order_id=" + orderId + "&status=" + status;
        await().atMost(Duration.ofSeconds(20)).until(() -> list(query).get("data").size() == 1);
        return list(query).get("data").get(0);
    }

    /** Waits until {@code GET /dead-letters/{id}} satisfies the condition, and answers it. */
    JsonNode awaitState(String id, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> condition.test(json(admin("GET", "/dead-letters/" + id,
                null))));
        return json(admin("GET", "/dead-letters/" + id, null));
    }

    /** Waits until the index lists this many dead letters of the event type (in any status). */
    JsonNode awaitListed(String eventType, int count) {
        String query = "/dead-letters?limit=200&event_type=" + eventType;
        await().atMost(Duration.ofSeconds(20)).until(() -> list(query).get("data").size() == count);
        return list(query);
    }

    static String newEventType(String name) {
        return "test." + name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    JsonNode list(String pathAndQuery) {
        HttpResponse<String> response = admin("GET", pathAndQuery, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response);
    }

    /**
     * A dead letter produced straight to the dead-letter topic, as the engine writes them (8 attempts, endpoint
     * URL on example.com, a small JSON body); answers its event id, the {@code webhook-id} a replay carries.
     */
    UUID produceDeadLetter(String key, String eventType, String endpointId, Integer lastStatus, Instant timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        UUID event = UUID.randomUUID();
        String eventId = event.toString();
        headers.put(DeliveryHeaders.DELIVERY_ID, "dlv_" + UUID.randomUUID().toString().replace("-", ""));
        headers.put(DeliveryHeaders.EVENT_ID, eventId);
        headers.put(DeliveryHeaders.EVENT_TYPE, eventType);
        headers.put(DeliveryHeaders.ENDPOINT_ID, endpointId);
        headers.put(DeliveryHeaders.ENDPOINT_URL, "https://example.com/" + endpointId);
        headers.put(DeliveryHeaders.ATTEMPTS, "8");
        headers.put(DeliveryHeaders.FIRST_ATTEMPT_AT, timestamp.minus(Duration.ofHours(27)).toString());
        headers.put(DeliveryHeaders.LAST_ATTEMPT_AT, timestamp.toString());
        if (lastStatus != null) {
            headers.put(DeliveryHeaders.LAST_STATUS, lastStatus.toString());
        }
        headers.put(DeliveryHeaders.LAST_ERROR, lastStatus == null ? "connection refused" : "HTTP " + lastStatus);
        headers.put(DeliveryHeaders.DLT_REASON, "not delivered after 8 attempts");
        produceRaw(key, "{\"type\":\"" + eventType + "\",\"data\":{\"id\":\"" + eventId + "\"}}", headers, timestamp);
        return event;
    }

    void produceRaw(String key, String value, Map<String, String> headers, Instant timestamp) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.deliveriesDeadLetter(), null,
                timestamp == null ? null : timestamp.toEpochMilli(), key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        kafkaTemplate.send(record).join();
    }

    /**
     * How many replays of the dead letter were queued: the records carrying {@code replay_of} = its id on the
     * delivery and retry topics, read to their end. A replay call answers after its record is acknowledged, so
     * once the calls returned this count is final, without waiting for anything not to happen.
     */
    long replaysQueued(String deadLetterId) {
        List<String> deliveryTopics = new ArrayList<>(List.of(topics.deliveries()));
        IntStream.rangeClosed(1, retry.delays().size()).mapToObj(topics::retry).forEach(deliveryTopics::add);
        return KafkaTopics.readToEnd(deliveryTopics).stream().filter(record -> {
            Header replayOf = record.headers().lastHeader(DeliveryHeaders.REPLAY_OF);
            return replayOf != null && deadLetterId.equals(new String(replayOf.value(), StandardCharsets.UTF_8));
        }).count();
    }

    /** The context's inbox topics, as the receiver declares them (the dispatcher only reads and replays). */
    void createInboxTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            for (String topic : List.of(deadLetters.inboxTopic(), deadLetters.inboxDeadLetterTopic())) {
                if (!admin.listTopics().names().get().contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                }
            }
        }
    }

    /** An inbox record parked as Spring Kafka's DeadLetterPublishingRecoverer writes it (binary offset headers). */
    void parkInboxRecord(String orderId, String webhookId, long originalOffset) {
        ProducerRecord<String, String> record = new ProducerRecord<>(deadLetters.inboxDeadLetterTopic(), orderId,
                "{\"order_id\":\"" + orderId + "\"}");
        record.headers().add("webhook-id", webhookId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-original-topic", deadLetters.inboxTopic().getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
        record.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(originalOffset).array());
        record.headers().add("kafka_dlt-exception-message",
                "SMTP 550 mailbox unavailable".getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-exception-stacktrace", "at Secret.line(1)".getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(record).join();
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
}
