package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.attempt.FailingAttemptStore;
import io.hookline.dispatcher.deadletter.index.FailingDeadLetterIndex;
import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.LocalHttp;
import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.dispatcher.retention.FailingRetentionDeletes;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.support.supervision.LoopsHealthIndicator;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.UsesTestKafka;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attempt-log writer, the dead-letter index loop and the retention loop under the LoopSupervisor, with a
 * failure injected that their per-batch handling does not catch (an IllegalStateException from the store they
 * write to): readiness goes DOWN (503) and the {@code loops} contributor names the loop as restarting; once the
 * failure stops, the restarted run makes progress, readiness is UP again, and the work held back is done (the
 * attempt stored, the dead letter indexed, the expired dead letter deleted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hookline.dispatcher.admin.token=" + SupervisedLoopsIntegrationTests.ADMIN_TOKEN,
        "hookline.dispatcher.directory.allow-private-urls=true",
        "hookline.dispatcher.retention.interval=200ms",
        "hookline.supervision.initial-backoff=200ms",
        "hookline.supervision.max-backoff=1s",
        "spring.datasource.url=jdbc:h2:mem:supervised-loops-tests;DB_CLOSE_DELAY=-1",
        "hookline.dispatcher.topics.events=${test.namespace}.orders.events",
        "hookline.dispatcher.topics.events-dead-letter=${test.namespace}.orders.events.dlt",
        "hookline.dispatcher.topics.deliveries=${test.namespace}.webhooks.deliveries",
        "hookline.dispatcher.dead-letters.inbox-topic=${test.namespace}.notifications.inbox",
        "hookline.dispatcher.dead-letters.inbox-dead-letter-topic=${test.namespace}.notifications.inbox.dlt",
        "spring.kafka.consumer.group-id=${test.namespace}.fanout",
        "hookline.dispatcher.delivery.group-id=${test.namespace}.deliveries"})
@UsesTestKafka
@Import({FailingAttemptStore.Config.class, FailingDeadLetterIndex.Config.class, FailingRetentionDeletes.Config.class})
class SupervisedLoopsIntegrationTests {

    static final String ADMIN_TOKEN = "loops-admin-token";
    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();

    @Autowired
    LoopsHealthIndicator loops;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryTopicsProperties topics;

    @Value("${spring.kafka.consumer.group-id}")
    String fanOutGroup;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("hookline.dispatcher.endpoints[0].name", () -> "loops");
        registry.add("hookline.dispatcher.endpoints[0].url", () -> webhooks.url("/loops"));
        registry.add("hookline.dispatcher.endpoints[0].secret", () -> "whsec_YWxwaGEtc2VjcmV0LWtleS1mb3ItdGVzdHMhIQ==");
    }

    @AfterEach
    void stopFailing() {
        FailingAttemptStore.FAILING.set(false);
        FailingDeadLetterIndex.FAILING.set(false);
        FailingRetentionDeletes.FAILING.set(false);
    }

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void theAttemptWriterIsRestartedAndStoresTheAttemptItHeld() {
        KafkaGroups.awaitAssigned(fanOutGroup, List.of(topics.events()));
        FailingAttemptStore.FAILING.set(true);
        UUID event = publishOrderPaid();
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/loops", event).size() == 1);

        awaitDownNaming("attempt-log-writer", FailingAttemptStore.FAILING);

        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(event).size() == 1);
        assertThat(attempts(event).get(0).get("succeeded").asBoolean()).isTrue();
    }

    @Test
    void theDeadLetterIndexIsRestartedAndIndexesWhatArrivedMeanwhile() {
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        FailingDeadLetterIndex.FAILING.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> restarting("dead-letter-index"));
        ProducerRecord<String, String> dead = new ProducerRecord<>(topics.deliveriesDeadLetter(), orderId, "{}");
        dead.headers().add(DeliveryHeaders.DLT_REASON, "test".getBytes(StandardCharsets.UTF_8));
        kafka.send(dead).join();

        awaitDownNaming("dead-letter-index", FailingDeadLetterIndex.FAILING);

        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(admin("/dead-letters?order_id=" + orderId))
                .get("data").size() == 1);
    }

    @Test
    void theRetentionLoopIsRestartedAndDeletesWhatExpired() {
        FailingRetentionDeletes.FAILING.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> restarting("retention"));
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(40);
        jdbc.sql("""
                insert into dead_letters (id, topic, record_partition, record_offset, dead_lettered_at, status,
                    discarded_at) values ('dl_9_999', ?, 9, 999, ?, 'discarded', ?)""")
                .params(topics.deliveriesDeadLetter(), longAgo, longAgo).update();

        awaitDownNaming("retention", FailingRetentionDeletes.FAILING);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from dead_letters where id = "
                + "'dl_9_999'").query(Long.class).single() == 0);
    }

    /**
     * While the failure lasts, readiness is DOWN (503) and names the loop; once it stops, the loop runs again and
     * readiness is UP.
     */
    private void awaitDownNaming(String loop, AtomicBoolean failing) {
        await().atMost(Duration.ofSeconds(20)).until(() -> restarting(loop)
                && LocalHttp.call(port, "GET", "/actuator/health/readiness", null, null).statusCode() == 503);
        assertThat(String.valueOf(details(loop).get("last_failure"))).contains("IllegalStateException",
                "injected");
        failing.set(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(details(loop).get("state"))
                && LocalHttp.call(port, "GET", "/actuator/health/readiness", null, null).statusCode() == 200);
        assertThat((Integer) details(loop).get("restarts")).isPositive();
    }

    private boolean restarting(String loop) {
        return "RESTARTING".equals(details(loop).get("state"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String loop) {
        return (Map<String, Object>) loops.health().getDetails().get(loop);
    }

    private UUID publishOrderPaid() {
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

    private List<JsonNode> attempts(UUID event) {
        return json.readTree(admin("/events/" + event + "/attempts")).get("data").valueStream().toList();
    }

    private String admin(String path) {
        return LocalHttp.call(port, "GET", path, null, "Bearer " + ADMIN_TOKEN).body();
    }
}
