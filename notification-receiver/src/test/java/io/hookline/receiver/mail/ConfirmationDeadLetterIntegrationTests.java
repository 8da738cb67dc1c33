package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.signing.WebhookHeaders;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An SMTP server that never comes back: the worker retries with back-off, then parks the record on the
 * receiver's own dead-letter topic and marks the notification failed. Its own context (nothing listens on
 * port 1, the back-off is short), and so its own inbox topics and consumer group: it never sees the other
 * tests' records.
 */
@ReceiverIntegrationTest
@TestPropertySource(properties = {
        "spring.mail.port=1",
        "receiver.mail.retry.initial-interval=100ms",
        "receiver.mail.retry.max-retries=2",
        "spring.datasource.url=jdbc:h2:mem:receiver-dlt-tests;DB_CLOSE_DELAY=-1"})
class ConfirmationDeadLetterIntegrationTests {

    /** The context's own inbox topics (docs/testing.md). */
    @Autowired
    InboxProperties inbox;

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void exhaustedSmtpRetriesParkTheRecordOnTheInboxDeadLetterTopicAndMarkTheNotificationFailed() {
        WebhookClient client = new WebhookClient(port);
        // Every worker thread owns its partition before the webhook arrives: no rebalance restarts the retries.
        ConcurrentMessageListenerContainer<?, ?> workers =
                (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("notifications-inbox");
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.getContainers().size() == 3
                && workers.getContainers().stream().allMatch(c -> c.getAssignedPartitions().size() == 1));
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();

        assertThat(client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);

        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecords(inbox.deadLetterTopic(), 1,
                record -> webhookId.equals(TopicProbe.header(record, WebhookHeaders.ID)));
        assertThat(parked.get(0).key()).isEqualTo(orderId);
        assertThat(TopicProbe.header(parked.get(0), "kafka_dlt-exception-message"))
                .contains("SMTP server did not accept").doesNotContain("ada@example.com");
        JsonNode row = await().atMost(Duration.ofSeconds(30)).until(() -> client.notifications(orderId).get(0),
                r -> "failed".equals(r.get("status").asString()));
        assertThat(row.get("attempts").asInt()).isEqualTo(3);
        assertThat(row.get("last_error").asString()).contains("parked on " + inbox.deadLetterTopic(), "retries exhausted");
        assertThat(row.get("sent_at").isNull()).isTrue();
    }
}
