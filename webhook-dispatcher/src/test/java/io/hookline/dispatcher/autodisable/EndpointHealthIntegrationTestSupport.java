package io.hookline.dispatcher.autodisable;

import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.LocalHttp;
import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.dispatcher.operations.OperationsProperties;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.UsesTestKafka;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of the endpoint-health tests (auto-disable, operational events, enable and
 * replay, outcome history, the console's chart): the real dispatcher on the shared test broker with its own
 * topics and groups ({@code ${test.namespace}.*}, docs/testing.md) and H2 database; the application's clock is a {@link ShiftedClock} the tests
 * move days back and forth. Auto-disable checks every 200 ms with the default span (5 days); the operator webhook
 * is {@code /operator} on the real HTTP server that also plays every endpoint. Retries: 300 ms, 600 ms; circuit
 * off. Tests create the endpoints they need through the API (each subscribed to every type, so each test also
 * gets the others' events: tests read attempts of their own endpoint only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.retry.delays=300ms,600ms",
        "hookline.dispatcher.http.connect-timeout=500ms",
        "hookline.dispatcher.http.response-timeout=2s",
        "hookline.dispatcher.circuit.enabled=false",
        "hookline.dispatcher.admin.token=" + EndpointHealthIntegrationTestSupport.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true",
        "hookline.dispatcher.auto-disable.check-interval=200ms",
        "hookline.dispatcher.operations.topic=${test.namespace}.operational-events",
        "hookline.dispatcher.operations.webhook-secret=" + EndpointHealthIntegrationTestSupport.OPERATOR_SECRET,
        "hookline.dispatcher.operations.webhook-backoff=200ms",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.datasource.url=jdbc:h2:mem:${test.namespace};DB_CLOSE_DELAY=-1",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
@Import(EndpointHealthIntegrationTestSupport.ShiftedClockConfiguration.class)
abstract class EndpointHealthIntegrationTestSupport {

    static final String ADMIN_TOKEN = "endpoint-health-test-token";
    static final String OPERATOR_SECRET = "whsec_b3BlcmF0b3Itd2ViaG9vay1zZWNyZXQhIQ==";
    static final Duration DISABLE_AFTER = Duration.ofDays(5);

    /** Started once per test JVM. */
    static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();
    static final ShiftedClock clock = new ShiftedClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class ShiftedClockConfiguration {

        @Bean
        @Primary
        Clock shiftedClock() {
            return clock;
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    JsonMapper jsonMapper;

    /** This context's topic names ({@code ${test.namespace}.…}, docs/testing.md). */
    @Autowired
    DeliveryTopicsProperties topics;

    @Autowired
    OperationsProperties operations;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void operatorWebhook(DynamicPropertyRegistry registry) {
        registry.add("hookline.dispatcher.operations.webhook-url", () -> webhooks.url("/operator"));
    }

    /** Creates an endpoint for every event type at a path of its own on the recording server; answers its id. */
    String createEndpoint(String path) {
        HttpResponse<String> created = admin("POST", "/endpoints", "{\"url\": \"" + webhooks.url(path) + "\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("POST /endpoints answered " + created.statusCode() + ": " + created.body());
        }
        return json(created).get("id").asString();
    }

    static String newPath(String name) {
        return "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static EventEnvelope<OrderPaid> orderPaid() {
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        OrderPaid data = new OrderPaid(orderId, "ada@example.com", "Mechanical keyboard", 2,
                new BigDecimal("29.99"), "EUR", new BigDecimal("59.98"), paidAt, null);
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PAID, paidAt, data);
    }

    /** Publishes an event as the orders API does (key = order id, event headers) and waits for the ack. */
    void publish(EventEnvelope<OrderPaid> event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), event.data().orderId(),
                jsonMapper.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(record).join();
    }

    /** The recorded attempts of the event at this endpoint, oldest first, once there are {@code count}. */
    List<JsonNode> awaitAttempts(UUID eventId, String endpointId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(eventId, endpointId).size() >= count);
        return attempts(eventId, endpointId);
    }

    List<JsonNode> attempts(UUID eventId, String endpointId) {
        List<JsonNode> mine = new ArrayList<>();
        json(admin("GET", "/events/" + eventId + "/attempts", null)).get("data").values().stream()
                .filter(attempt -> endpointId.equals(attempt.get("endpoint_id").asString())).forEach(mine::add);
        return mine;
    }

    /** Every record with this key on the topic, from the beginning to its current end. */
    static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return KafkaTopics.readToEnd(List.of(topic)).stream().filter(record -> key.equals(record.key())).toList();
    }

    JsonNode endpoint(String id) {
        return json(admin("GET", "/endpoints/" + id, null));
    }

    HttpResponse<String> admin(String method, String path, String body) {
        return LocalHttp.call(port, method, path, body, "Bearer " + ADMIN_TOKEN);
    }

    JsonNode json(HttpResponse<String> response) {
        return jsonMapper.readTree(response.body());
    }
}
