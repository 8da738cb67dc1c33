package io.hookline.dispatcher.delivery;

import static io.hookline.testsupport.KafkaTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.UsesTestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * No head-of-line blocking between endpoints: an endpoint answering 503 with {@code Retry-After: 3600} to every
 * delivery, next to one failing every first attempt, on the same partitions (own topics and groups). Schedule
 * 1 s, 2 s, 2 h, so an hour's wait is within a delivery's life. The hour-long waits go to the tier that covers
 * them; every retry of the other endpoint is attempted within a second of its {@code due_at}. The circuits stay
 * closed (minimum volume 1,000), so every retry is the scheduled one, not a deferral.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries",
        "spring.datasource.url=jdbc:h2:mem:long-retry-after-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.retry.delays=1s,2s,2h",
        "hookline.dispatcher.circuit.minimum-attempts=1000",
        "hookline.dispatcher.admin.token=" + LongRetryAfterIntegrationTests.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true"})
@UsesTestKafka
class LongRetryAfterIntegrationTests {

    /** The context's own topics ({@code ${test.namespace}.…}, docs/testing.md). */
    @Autowired
    DeliveryTopicsProperties topics;

    static final String ADMIN_TOKEN = "long-retry-after-admin-token";
    private static final int EVENT_COUNT = 30;

    private static final FaultyEndpointServer server = FaultyEndpointServer.start();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void anHourLongRetryAfterDelaysNoOtherEndpointsRetryByMoreThanASecond() {
        String throttled = endpoint(server.url("/retry-after"));
        String firstFails = endpoint(server.url("/first-fails"));
        List<EventEnvelope<OrderPaid>> events = publish(EVENT_COUNT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events).allSatisfy(event ->
                assertThat(server.received("/first-fails", event.id().toString())).hasSize(2)));

        // the latest record of each delivery on retry.1 is the one its second attempt followed (a delivery that
        // waited over half a second for a slot was deferred once more, with a new due time)
        Map<String, Instant> dueOf = KafkaTopics.readToEnd(List.of(topics.retry(1))).stream()
                .filter(record -> firstFails.equals(header(record, DeliveryHeaders.ENDPOINT_ID)))
                .collect(Collectors.toMap(record -> header(record, DeliveryHeaders.EVENT_ID),
                        record -> Instant.parse(header(record, DeliveryHeaders.DUE_AT)),
                        (one, other) -> one.isAfter(other) ? one : other));
        assertThat(dueOf).hasSize(EVENT_COUNT);
        dueOf.forEach((eventId, due) -> assertThat(server.received("/first-fails", eventId).get(1).at())
                .isAfterOrEqualTo(due.minusMillis(5)).isBefore(due.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = KafkaTopics.readToEnd(List.of(topics.retry(3))).stream()
                    .filter(record -> throttled.equals(header(record, DeliveryHeaders.ENDPOINT_ID))).toList();
            assertThat(parked).hasSize(EVENT_COUNT).allSatisfy(record -> assertThat(
                    Instant.parse(header(record, DeliveryHeaders.DUE_AT))).isAfterOrEqualTo(
                            Instant.parse(header(record, DeliveryHeaders.LAST_ATTEMPT_AT)).plusSeconds(3600)));
        });
        assertThat(events).allSatisfy(event ->
                assertThat(server.received("/retry-after", event.id().toString())).hasSize(1));
    }

    private String endpoint(String url) {
        String body = "{\"url\":\"" + url + "\",\"event_types\":[\"order.paid\"]}";
        String created = LocalHttp.call(port, "POST", "/endpoints", body, "Bearer " + ADMIN_TOKEN).body();
        return json.readTree(created).get("id").asString();
    }

    private List<EventEnvelope<OrderPaid>> publish(int count) {
        List<EventEnvelope<OrderPaid>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = DispatcherIntegrationTestSupport.newOrderId();
            EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(orderId);
            ProducerRecord<String, String> record = new ProducerRecord<>(topics.events(), orderId,
                    json.writeValueAsString(event));
            record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
            kafka.send(record).join();
            events.add(event);
        }
        return events;
    }
}
