package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import io.hookline.schemas.signing.WebhookHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The happy path and duplicates: signed order.paid in, 202 out, one notification and one e-mail per
 * webhook-id, however the duplicates arrive (in a row or at the same time).
 */
@ReceiverIntegrationTest
class OrderPaidWebhookIntegrationTests {

    /** The context's own inbox topics (docs/testing.md). */
    @Autowired
    InboxProperties inbox;

    @LocalServerPort
    int port;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
    }

    @Test
    void validSignedWebhookIsAcknowledgedQueuedUnderTheOrderIdAndRecorded() {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);
        Instant before = Instant.now().minusSeconds(1);

        Response response = client.postSigned(webhookId, body);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("event_received");
        JsonNode row = await().atMost(Duration.ofSeconds(30)).until(() -> awaitNotifications(orderId, 1).get(0),
                r -> "sent".equals(r.get("status").asString()));
        assertThat(row.get("event_id").asString()).isEqualTo(webhookId);
        assertThat(row.get("order_id").asString()).isEqualTo(orderId);
        assertThat(row.get("customer_email").asString()).isEqualTo("ada@example.com");
        assertThat(row.get("product_name").asString()).isEqualTo("Mechanical keyboard");
        assertThat(row.get("quantity").asInt()).isEqualTo(2);
        assertThat(row.get("amount").asString()).isEqualTo("59.98");
        assertThat(row.get("currency").asString()).isEqualTo("USD");
        assertThat(Instant.parse(row.get("received_at").asString())).isAfter(before);
        assertThat(Instant.parse(row.get("processed_at").asString()))
                .isAfterOrEqualTo(Instant.parse(row.get("received_at").asString()));

        ConsumerRecord<String, String> queued = TopicProbe.awaitRecords(inbox.topic(), 1,
                record -> webhookId.equals(TopicProbe.header(record, WebhookHeaders.ID))).get(0);
        assertThat(queued.key()).isEqualTo(orderId);
        assertThat(queued.value()).isEqualTo(body);
        assertThat(TopicProbe.header(queued, "event_type")).isEqualTo("order.paid");
    }

    @Test
    void sameWebhookDeliveredTwiceInARowIsRecordedOnce() {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);

        assertThat(client.postSigned(webhookId, body).status()).isEqualTo(202);
        assertThat(client.postSigned(webhookId, body).status()).isEqualTo(202);

        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(eventIdsAfterSentinel(orderId, sentinel)).containsExactlyInAnyOrder(webhookId, sentinel);
    }

    @Test
    void sameWebhookDeliveredFiveTimesConcurrentlyIsRecordedOnce() {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);

        List<Integer> statuses;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> answers = IntStream.range(0, 5)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.postSigned(webhookId, body).status(),
                            senders))
                    .toList();
            statuses = answers.stream().map(CompletableFuture::join).toList();
        }

        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(eventIdsAfterSentinel(orderId, sentinel)).containsExactlyInAnyOrder(webhookId, sentinel);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.withMessageId("<" + sentinel + "@hookline.local>")
                .size() == 1);
        assertThat(TestSmtp.withMessageId("<" + webhookId + "@hookline.local>")).hasSize(1);
    }

    /**
     * Sends one more webhook for the same order (same key, so same partition, so processed after every
     * earlier one) and waits for it: by then every duplicate has been processed too.
     */
    private List<String> eventIdsAfterSentinel(String orderId, String sentinel) {
        assertThat(client.postSigned(sentinel, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.notifications(orderId).stream()
                .anyMatch(row -> sentinel.equals(row.get("event_id").asString())));
        return client.notifications(orderId).stream().map(row -> row.get("event_id").asString()).toList();
    }

    private List<JsonNode> awaitNotifications(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> client.notifications(orderId),
                rows -> rows.size() == count);
    }
}
