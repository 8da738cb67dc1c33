package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The webhook's trace goes through the receiver's own queue to the notification ({@code trace_id}); the
 * acknowledgement timer and the inbox consumer's lag are on {@code /actuator/prometheus}; readiness covers Kafka
 * and the database.
 */
@ReceiverIntegrationTest
class ObservabilityIntegrationTests {

    /** The context's own inbox topics (docs/testing.md). */
    @Autowired
    InboxProperties inbox;

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
    }

    @Test
    void theWebhooksTraceReachesTheInboxRecordAndTheNotification() {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();

        assertThat(postTraced(webhookId, OrderPaidBodies.valid(orderId), "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .status()).isEqualTo(202);

        List<JsonNode> notifications = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.notifications(orderId), list -> list.size() == 1);
        assertThat(notifications.getFirst().get("trace_id").asString()).isEqualTo(TRACE_ID);
        ConsumerRecord<String, String> queued = TopicProbe.awaitRecords(inbox.topic(), 1,
                record -> webhookId.equals(TopicProbe.header(record, WebhookHeaders.ID))).getFirst();
        assertThat(TopicProbe.header(queued, EventHeaders.TRACEPARENT)).startsWith("00-" + TRACE_ID + "-");
    }

    @Test
    void aWebhookWithoutTraceContextGetsATraceOfItsOwn() {
        String orderId = OrderPaidBodies.newOrderId();

        assertThat(client.postSigned(OrderPaidBodies.newWebhookId(), OrderPaidBodies.valid(orderId)).status())
                .isEqualTo(202);

        List<JsonNode> notifications = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.notifications(orderId), list -> list.size() == 1);
        assertThat(notifications.getFirst().get("trace_id").asString()).matches("[0-9a-f]{32}")
                .isNotEqualTo(TRACE_ID);
    }

    @Test
    void anAcknowledgedWebhookMovesTheAcknowledgementTimerAndTheInboxLagIsExported() {
        String before = client.get("/actuator/prometheus").body();

        assertThat(client.postSigned(OrderPaidBodies.newWebhookId(), OrderPaidBodies.valid(OrderPaidBodies.newOrderId()))
                .status()).isEqualTo(202);

        String after = client.get("/actuator/prometheus").body();
        assertThat(value(after, "hookline_receiver_acknowledgement_seconds_count"))
                .isGreaterThan(value(before, "hookline_receiver_acknowledgement_seconds_count"));
        assertThat(after).contains("hookline_receiver_acknowledgement_seconds_bucket{le=");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get("/actuator/prometheus").body())
                .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"" + Pattern.quote(inbox.topic())
                        + "\"[^}]*} "));
    }

    @Test
    void readinessIncludesKafkaAndTheDatabaseAndLivenessNeither() {
        JsonNode readiness = client.get("/actuator/health/readiness").json();
        JsonNode liveness = client.get("/actuator/health/liveness").json();

        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).contains("db", "kafka");
        assertThat(liveness.get("status").asString()).isEqualTo("UP");
        assertThat(liveness.path("components").propertyNames()).doesNotContain("db", "kafka");
    }

    private WebhookClient.Response postTraced(String webhookId, String body, String traceparent) {
        Map<String, String> headers = new HashMap<>(WebhookClient.signedHeaders(WebhookClient.SECRET, webhookId,
                Instant.now(), body));
        headers.put("traceparent", traceparent);
        return client.post(body, headers, "application/json");
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + "\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
