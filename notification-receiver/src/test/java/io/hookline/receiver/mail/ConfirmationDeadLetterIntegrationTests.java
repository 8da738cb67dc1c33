package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An SMTP server that never comes back: the sender retries with back-off until the retry horizon, then parks the
 * notification on the receiver's own dead-letter topic as the inbox record it came from, with the reason, and
 * marks it {@code expired}. Its own context (nothing listens on port 1, a 2 s horizon), and so its own inbox topics
 * and consumer group: it never sees the other tests' records.
 */
@ReceiverIntegrationTest
@TestPropertySource(properties = {
        "spring.mail.port=1",
        "hookline.receiver.mail.retry.initial-interval=100ms",
        "hookline.receiver.mail.retry.max-interval=300ms",
        "hookline.receiver.mail.retry.horizon=2s",
        "spring.datasource.url=jdbc:h2:mem:receiver-dlt-tests;DB_CLOSE_DELAY=-1"})
class ConfirmationDeadLetterIntegrationTests {

    /** The context's own inbox topics (docs/testing.md). */
    @Autowired
    InboxProperties inbox;

    @LocalServerPort
    int port;

    @Test
    void transientFailuresPastTheHorizonParkTheNotificationOnTheInboxDeadLetterTopicAsExpired() {
        WebhookClient client = new WebhookClient(port);
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);

        assertThat(client.postSigned(webhookId, body).status()).isEqualTo(202);

        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecords(inbox.deadLetterTopic(), 1,
                record -> webhookId.equals(TopicProbe.header(record, WebhookHeaders.ID)));
        ConsumerRecord<String, String> deadLetter = parked.get(0);
        assertThat(deadLetter.key()).isEqualTo(orderId);
        assertThat(deadLetter.value()).as("the inbox record itself, so a replay re-drives it").isEqualTo(body);
        assertThat(TopicProbe.header(deadLetter, DeadLetterHeaders.REASON))
                .contains("retried past the horizon", "ConnectException").doesNotContain("ada@example.com");
        assertThat(TopicProbe.header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(inbox.topic());
        assertThat(TopicProbe.header(deadLetter, ConfirmationParking.STATUS_HEADER)).isEqualTo("expired");
        JsonNode row = await().atMost(Duration.ofSeconds(30)).until(() -> client.notifications(orderId).get(0),
                r -> "expired".equals(r.get("status").asString()));
        assertThat(row.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(row.get("last_error").asString()).contains("retried past the horizon");
        assertThat(row.get("sent_at").isNull()).isTrue();
        assertThat(row.get("next_attempt_at").isNull()).isTrue();
    }
}
