package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Poison on the inbox queue is parked on the dead-letter topic with its reason; the worker goes on. */
@ReceiverIntegrationTest
class InboxDeadLetterIntegrationTests {

    /** The context's own inbox topics (docs/testing.md). */
    @Autowired
    InboxProperties inbox;

    private static final String REASON_HEADER = DeadLetterHeaders.REASON;

    private final KafkaTemplate<String, String> kafka;

    @LocalServerPort
    int port;

    @Autowired
    InboxDeadLetterIntegrationTests(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndLaterRecordsAreStillProcessed() throws Exception {
        String orderId = OrderPaidBodies.newOrderId();
        String notJson = OrderPaidBodies.newWebhookId();
        String offSchema = OrderPaidBodies.newWebhookId();
        send(orderId, notJson, "this is not json");
        send(orderId, offSchema, OrderPaidBodies.offSchema(orderId));
        send(orderId, null, OrderPaidBodies.valid(orderId));

        String valid = OrderPaidBodies.newWebhookId();
        assertThat(new WebhookClient(port).postSigned(valid, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);

        List<JsonNode> rows = await().atMost(Duration.ofSeconds(30))
                .until(() -> new WebhookClient(port).notifications(orderId), list -> !list.isEmpty());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("event_id").asString()).isEqualTo(valid));
        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecords(inbox.deadLetterTopic(), 3,
                record -> orderId.equals(record.key()));
        List<String> reasons = parked.stream().map(record -> TopicProbe.header(record, REASON_HEADER)).toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains(notJson, "is not JSON"));
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("has no webhook-id header"));
        assertThat(reasons).anySatisfy(reason -> assertThat(reason)
                .contains(offSchema, "data.amount", "data.customer_email"));
    }

    @Test
    void aRecordWhoseProcessingKeepsFailingIsParkedAfterItsRetriesWithTheReasonAndTheListenerMovesOn() throws Exception {
        // Not poison by the contract, but the database refuses it: a webhook-id longer than the column (the HTTP
        // intake refuses such ids; another producer on the topic need not).
        String orderId = OrderPaidBodies.newOrderId();
        String tooLong = "evt_" + "x".repeat(300);
        send(orderId, tooLong, OrderPaidBodies.valid(orderId));
        String valid = OrderPaidBodies.newWebhookId();
        assertThat(new WebhookClient(port).postSigned(valid, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);

        ConsumerRecord<String, String> parked = TopicProbe.awaitRecords(inbox.deadLetterTopic(), 1,
                record -> tooLong.equals(TopicProbe.header(record, InboxHeaders.WEBHOOK_ID))).get(0);
        assertThat(TopicProbe.header(parked, REASON_HEADER)).contains("retries exhausted").doesNotContain("INSERT");
        assertThat(TopicProbe.header(parked, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(inbox.topic());
        assertThat(TopicProbe.header(parked, DeadLetterHeaders.ORIGINAL_OFFSET)).matches("\\d+");
        assertThat(parked.headers()).noneMatch(header -> header.key().startsWith(DeadLetterHeaders.Spring.PREFIX));
        List<JsonNode> rows = await().atMost(Duration.ofSeconds(30))
                .until(() -> new WebhookClient(port).notifications(orderId), list -> !list.isEmpty());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("event_id").asString()).isEqualTo(valid));
    }

    private void send(String key, String webhookId, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(inbox.topic(), key, value);
        if (webhookId != null) {
            record.headers().add(InboxHeaders.WEBHOOK_ID, webhookId.getBytes(StandardCharsets.UTF_8));
        }
        kafka.send(record).get();
    }
}
