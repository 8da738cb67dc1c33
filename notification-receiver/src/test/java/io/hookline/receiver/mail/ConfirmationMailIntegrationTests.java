package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.testsupport.TestKafka;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The whole receiver against a real broker and a real SMTP server: a paid order becomes exactly one
 * confirmation e-mail, through an SMTP outage and a listener restart that redelivers the record.
 */
@ReceiverIntegrationTest
class ConfirmationMailIntegrationTests {

    /** The context's own inbox topics (docs/testing.md). */
    @Autowired
    InboxProperties inbox;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
    }

    @Test
    void aPaidOrderBecomesOneConfirmationEmailToTheCustomerWithTheOrderAndTheFormattedTotal() throws Exception {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        Instant before = Instant.now().minusSeconds(1);

        assertThat(client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);

        JsonNode row = awaitStatus(orderId, "sent");
        String messageId = "<" + webhookId + "@hookline.local>";
        assertThat(row.get("message_id").asString()).isEqualTo(messageId);
        assertThat(row.get("subject").asString()).isEqualTo("Your order " + orderId + " is confirmed");
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(row.get("sent_at").asString())).isAfter(before);
        assertThat(row.get("last_error").isNull()).isTrue();

        MimeMessage mail = await().atMost(PATIENCE).until(() -> TestSmtp.withMessageId(messageId), m -> m.size() == 1)
                .get(0);
        assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("ada@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("orders@hookline.local");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("hookline shop");
        assertThat(mail.getSubject()).isEqualTo("Your order " + orderId + " is confirmed");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getContent().toString()).contains(orderId, "Mechanical keyboard", "Quantity:  2",
                "Total:     $59.98");
    }

    @Test
    void duplicateDeliveriesOfTheSameWebhookSendOneEmail() {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);

        for (int i = 0; i < 3; i++) {
            assertThat(client.postSigned(webhookId, body).status()).isEqualTo(202);
        }

        awaitSentinelProcessed(orderId);
        assertThat(TestSmtp.withMessageId("<" + webhookId + "@hookline.local>")).hasSize(1);
    }

    @Test
    void anSmtpOutageIsRetriedWithBackOffAndEndsInExactlyOneEmail() {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();

        TestSmtp.stop();
        try {
            assertThat(client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status())
                    .as("the webhook is acknowledged while SMTP is down").isEqualTo(202);
            JsonNode retrying = await().atMost(PATIENCE).until(() -> only(orderId),
                    row -> row != null && row.get("attempts").asInt() >= 2 && "retrying".equals(row.get("status").asString()));
            assertThat(retrying.get("last_error").asString()).contains("ConnectException");
            assertThat(Instant.parse(retrying.get("next_attempt_at").asString())).isAfter(before(retrying));
        } finally {
            TestSmtp.start();
        }

        awaitStatus(orderId, "sent");
        assertThat(TestSmtp.withMessageId("<" + webhookId + "@hookline.local>")).hasSize(1);
    }

    @Test
    void aRecordRedeliveredAfterAWorkerRestartSendsNoSecondEmail() throws Exception {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        awaitStatus(orderId, "sent");
        ConsumerRecord<String, String> record = TopicProbe.awaitRecords(inbox.topic(), 1,
                r -> webhookId.equals(TopicProbe.header(r, WebhookHeaders.ID))).get(0);

        // The worker stops, and its group's position goes back before the record, as after a crash between
        // sending the e-mail and committing the offset: the restarted worker gets the record again.
        MessageListenerContainer worker = listeners.getListenerContainer("notifications-inbox");
        worker.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(groupId, Map.of(partition, new OffsetAndMetadata(record.offset())))
                        .all().get();
                return true;
            });
        } finally {
            worker.start();
        }

        awaitSentinelProcessed(orderId);
        assertThat(TestSmtp.withMessageId("<" + webhookId + "@hookline.local>")).hasSize(1);
        assertThat(TestSmtp.withSubjectContaining(orderId)).hasSize(2);
        assertThat(client.notifications(orderId)).filteredOn(row -> webhookId.equals(row.get("event_id").asString()))
                .singleElement().satisfies(row -> assertThat(row.get("attempts").asInt()).isEqualTo(1));
    }

    /**
     * Sends one more webhook for the same order (same key, same partition, so recorded after every earlier record
     * of the order) and waits until it is recorded and e-mailed, and until every notification of the order is sent:
     * by then every earlier record was processed and every e-mail it caused was sent.
     */
    private void awaitSentinelProcessed(String orderId) {
        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(sentinel, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> TestSmtp.withMessageId("<" + sentinel + "@hookline.local>").size() == 1);
        await().atMost(PATIENCE).until(() -> client.notifications(orderId).stream()
                .allMatch(row -> "sent".equals(row.get("status").asString())));
    }

    private JsonNode awaitStatus(String orderId, String status) {
        return await().atMost(PATIENCE).until(() -> only(orderId),
                row -> row != null && status.equals(row.get("status").asString()));
    }

    private static Instant before(JsonNode row) {
        return Instant.parse(row.get("processed_at").asString());
    }

    private JsonNode only(String orderId) {
        List<JsonNode> rows = client.notifications(orderId);
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
