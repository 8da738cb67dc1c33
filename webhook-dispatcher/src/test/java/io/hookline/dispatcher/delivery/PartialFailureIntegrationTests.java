package io.hookline.dispatcher.delivery;

import static io.hookline.testsupport.KafkaTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.UsesTestKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery engine under partial failure, against the real broker and real HTTP: 60 {@code order.paid}
 * events fan out to seven endpoints at once (its own topics and groups): one that refuses connections, one that
 * hangs, one failing 30 % at random, one failing every first attempt, one always answering 500, and a healthy one
 * beside them. Schedule 1 s, 2 s, 4 s (four attempts); first attempts time out after 1 s, retries after 3 s; a
 * delivery's life is the span plus its jitter plus 5 s (13.4 s). Each test asserts one behaviour of that one run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries",
        "spring.datasource.url=jdbc:h2:mem:partial-failure-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.retry.delays=1s,2s,4s",
        "hookline.dispatcher.retry.deadline-slack=5s",
        "hookline.dispatcher.http.connect-timeout=500ms",
        "hookline.dispatcher.http.response-timeout=3s",
        "hookline.dispatcher.http.first-attempt-timeout=1s",
        "hookline.dispatcher.circuit.open-duration=1s",
        "hookline.dispatcher.circuit.max-open-duration=4s",
        "hookline.dispatcher.circuit.probe-timeout=4s",
        "hookline.dispatcher.admin.token=" + PartialFailureIntegrationTests.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true"})
@UsesTestKafka
class PartialFailureIntegrationTests {

    /** The context's own topics ({@code ${test.namespace}.…}, docs/testing.md). */
    @Autowired
    DeliveryTopicsProperties topics;

    static final String ADMIN_TOKEN = "partial-failure-admin-token";
    private static final int EVENT_COUNT = 60;
    /**
     * How long after its deadline a delivery may still end: the deadline bounds when its last attempt may be due;
     * that attempt may wait up to 0.5 s for a slot and take its 3 s budget; plus 1.5 s for this shared machine.
     */
    private static final Duration LAST_ATTEMPT = Duration.ofSeconds(5);

    private static final FaultyEndpointServer server = FaultyEndpointServer.start();
    private static final Map<String, String> endpointIds = new ConcurrentHashMap<>();
    private static final List<EventEnvelope<OrderPaid>> events = new ArrayList<>();
    private static Instant publishedAt;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    RetryPolicy retryPolicy;

    @Autowired
    EndpointCircuits circuits;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void deadLettersEveryDeliveryToAnEndpointThatRefusesConnectionsWithinItsLife() {
        scenario();

        assertEveryDeliveryDeadLetteredWithinItsLife("refused");
    }

    @Test
    void givesUpOnAHangingEndpointAfterTheFirstAttemptBudgetAndDeadLettersWithinItsLife() {
        scenario();

        assertEveryDeliveryDeadLetteredWithinItsLife("hang");
        List<JsonNode> attempts = attempts("hang");
        assertThat(attempts).filteredOn(attempt -> attempt.get("attempt").asInt() == 1).isNotEmpty()
                .allSatisfy(attempt -> assertThat(attempt.get("error").asString()).isEqualTo("timed out after 1000 ms"));
    }

    @Test
    void deliversEveryDeliveryToAThirtyPercentFlakyEndpointWithinTheFirstThreeRetriesWithoutOpeningItsCircuit() {
        scenario();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(events).allSatisfy(event ->
                assertThat(server.received("/flaky", event.id().toString()))
                        .anySatisfy(request -> assertThat(request.status()).isEqualTo(200))));
        assertDeliveredOnceWithEveryRequestAnAttempt("flaky", 4);
        assertThat(deadLetters("flaky")).isEmpty();
        JsonNode health = json.readTree(admin("/endpoints/" + endpointIds.get("flaky"))).get("health");
        assertThat(health.get("state").asString()).isEqualTo("closed");
        assertThat(health.get("concurrency_limit").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(health.get("failure_rate").asDouble()).isLessThan(0.9);
        assertThat(health.has("attempts_in_window")).isTrue();
        assertThat(health.has("in_flight")).isTrue();
    }

    @Test
    void deliversEachDeliveryToAnEndpointFailingEveryFirstAttemptOnExactlyItsSecondAttempt() {
        scenario();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(events).allSatisfy(event ->
                assertThat(server.received("/first-fails", event.id().toString()))
                        .anySatisfy(request -> assertThat(request.status()).isEqualTo(200))));
        Map<String, List<JsonNode>> attempts = assertDeliveredOnceWithEveryRequestAnAttempt("first-fails", 4);
        for (EventEnvelope<OrderPaid> event : events) {
            assertThat(server.received("/first-fails", event.id().toString()).getFirst().status()).isEqualTo(500);
            assertThat(attempts.get(event.id().toString()))
                    .filteredOn(attempt -> attempt.get("attempt").asInt() > 1 && !attempt.get("succeeded").asBoolean())
                    .as("after the first, only answers that came too late may have failed")
                    .allSatisfy(attempt -> assertThat(attempt.get("error").asString()).startsWith("timed out"));
        }
        assertThat(circuits.state(endpointIds.get("first-fails"))).isEqualTo(CircuitPolicy.State.CLOSED);
    }

    @Test
    void deadLettersEveryDeliveryToAnEndpointAlwaysAnswering500WithinTheSchedulesSpan() {
        scenario();

        assertEveryDeliveryDeadLetteredWithinItsLife("always-500");
        assertThat(deadLetters("always-500")).extracting(dead -> header(dead, DeliveryHeaders.DLT_REASON))
                .allSatisfy(reason -> assertThat(reason).matches(
                        "not delivered after 4 attempts; last: HTTP 500|expired after .*: [0-4] attempts?, last: .*"));
    }

    @Test
    void keepsDeliveringToTheHealthyEndpointBesideAllOfThem() {
        scenario();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events).allSatisfy(event ->
                assertThat(server.received("/healthy", event.id().toString()))
                        .anySatisfy(request -> assertThat(request.status()).isEqualTo(200))));
        assertDeliveredOnceWithEveryRequestAnAttempt("healthy", 4);
        JsonNode health = json.readTree(admin("/endpoints/" + endpointIds.get("healthy"))).get("health");
        assertThat(health.get("state").asString()).isEqualTo("closed");
        assertThat(health.get("failure_rate").asDouble()).isZero();
    }

    private void assertEveryDeliveryDeadLetteredWithinItsLife(String endpoint) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(deadLetters(endpoint)).hasSize(EVENT_COUNT));
        for (ConsumerRecord<String, String> dead : deadLetters(endpoint)) {
            Instant enqueued = Instant.parse(header(dead, DeliveryHeaders.ENQUEUED_AT));
            assertThat(enqueued).isAfterOrEqualTo(publishedAt.minusSeconds(1));
            Instant deadline = retryPolicy.deadline(DeliveryRecord.first("dlv", "evt", "order.paid", endpoint, "k", "{}")
                    .enqueued(enqueued));
            assertThat(Instant.ofEpochMilli(dead.timestamp())).isBefore(deadline.plus(LAST_ATTEMPT));
        }
    }

    /**
     * Each event delivered once as the dispatcher sees it: exactly one successful attempt in the attempt log, at
     * least as many attempts as requests the endpoint received (so every extra request is a recorded failed
     * attempt, e.g. a 200 that came after the attempt's budget on a loaded machine; a timed-out attempt may also
     * never have reached the endpoint), and at most {@code maxAttempts}.
     *
     * @return the attempts per event id
     */
    private Map<String, List<JsonNode>> assertDeliveredOnceWithEveryRequestAnAttempt(String endpoint, int maxAttempts) {
        Map<String, List<JsonNode>> byEvent = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            byEvent.clear();
            byEvent.putAll(attempts(endpoint).stream()
                    .collect(Collectors.groupingBy(attempt -> attempt.get("event_id").asString())));
            assertThat(events).allSatisfy(event -> assertThat(byEvent.get(event.id().toString()))
                    .filteredOn(attempt -> attempt.get("succeeded").asBoolean()).hasSize(1));
        });
        assertThat(events).allSatisfy(event -> {
            List<JsonNode> attempts = byEvent.get(event.id().toString());
            assertThat(attempts).hasSizeLessThanOrEqualTo(maxAttempts)
                    .hasSizeGreaterThanOrEqualTo(server.received("/" + endpoint, event.id().toString()).size());
        });
        return byEvent;
    }

    /** Creates the endpoints and publishes the events, once for all tests of the class. */
    private synchronized void scenario() {
        synchronized (PartialFailureIntegrationTests.class) {
            if (publishedAt != null) {
                return;
            }
            endpoint("healthy", server.url("/healthy"));
            endpoint("refused", "http://127.0.0.1:" + freePort() + "/refused");
            endpoint("hang", server.url("/hang"));
            endpoint("flaky", server.url("/flaky"));
            endpoint("first-fails", server.url("/first-fails"));
            endpoint("always-500", server.url("/always-500"));
            publishedAt = Instant.now();
            for (int i = 0; i < EVENT_COUNT; i++) {
                String orderId = DispatcherIntegrationTestSupport.newOrderId();
                EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(orderId);
                ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), orderId,
                        json.writeValueAsString(event));
                record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
                kafka.send(record).join();
                events.add(event);
            }
        }
    }

    private void endpoint(String name, String url) {
        String body = "{\"url\":\"" + url + "\",\"description\":\"" + name + "\",\"event_types\":[\"order.paid\"]}";
        String created = LocalHttp.call(port, "POST", "/endpoints", body, "Bearer " + ADMIN_TOKEN).body();
        endpointIds.put(name, json.readTree(created).get("id").asString());
    }

    private String admin(String path) {
        return LocalHttp.call(port, "GET", path, null, "Bearer " + ADMIN_TOKEN).body();
    }

    private List<JsonNode> attempts(String endpoint) {
        return json.readTree(admin("/endpoints/" + endpointIds.get(endpoint) + "/attempts?limit=1000")).get("data")
                .valueStream().toList();
    }

    private List<ConsumerRecord<String, String>> deadLetters(String endpoint) {
        String id = endpointIds.get(endpoint);
        Map<String, ConsumerRecord<String, String>> byDelivery = KafkaTopics
                .readToEnd(List.of(topics.deliveriesDeadLetter())).stream()
                .filter(record -> id.equals(header(record, DeliveryHeaders.ENDPOINT_ID)))
                .collect(Collectors.toMap(record -> header(record, DeliveryHeaders.DELIVERY_ID), record -> record,
                        (first, second) -> first));
        return List.copyOf(byDelivery.values());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
