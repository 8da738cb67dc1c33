package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tooling of {@code orders.events.dlt} and {@code notifications.inbox.dlt} through real HTTP and the real
 * broker: a poison event parked by the fan-out, and an inbox record parked as Spring Kafka's dead-letter recoverer
 * writes them, are listed, shown (value, headers, where they came from), replayed onto their source topic with key
 * and headers (dead-letter headers gone, {@code replay_of} added) exactly once however often the call is made, and
 * discarded; the deliveries' API does not see them, nor they its dead letters.
 */
class RecordDeadLetterIntegrationTests extends DeadLetterIntegrationTestSupport {

    @BeforeEach
    void inboxTopicsExist() throws Exception {
        createInboxTopics();
    }

    @Test
    void listsShowsAndReplaysAPoisonEventOntoOrdersEventsOnce() {
        String orderId = newOrderId();
        ProducerRecord<String, String> poison = new ProducerRecord<>(topics.events(), orderId, "{not json");
        poison.headers().add("x-test", "kept".getBytes(StandardCharsets.UTF_8));
        kafkaTemplate.send(poison).join();

        JsonNode listed = awaitListed("/event-dead-letters?order_id=" + orderId);
        String id = listed.get("id").asString();
        assertThat(id).startsWith("dle_");
        assertThat(listed.get("status").asString()).isEqualTo("dead");
        assertThat(listed.get("reason").asString()).startsWith("poison");
        assertThat(listed.get("original_topic").asString()).isEqualTo(topics.events());
        JsonNode detail = json(admin("GET", "/event-dead-letters/" + id, null));
        assertThat(detail.get("value").asString()).isEqualTo("{not json");
        assertThat(detail.get("replays_to").asString()).isEqualTo(topics.events());
        assertThat(detail.get("headers").valueStream().map(h -> h.get("name").asString())).contains("x-test",
                "dlt_reason");

        HttpResponse<String> first = admin("POST", "/event-dead-letters/" + id + "/replay", "{\"operator\":\"ada\"}");
        HttpResponse<String> second = admin("POST", "/event-dead-letters/" + id + "/replay", null);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).get("queued").asInt()).isEqualTo(1);
        assertThat(json(first).get("dead_letter").get("replay").get("by").asString()).isEqualTo("ada");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("queued").asInt()).isZero();
        List<ConsumerRecord<String, String>> replayed = replaysOn(topics.events(), id);
        assertThat(replayed).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(orderId);
            assertThat(record.value()).isEqualTo("{not json");
            assertThat(KafkaTopics.header(record, "x-test")).isEqualTo("kept");
            assertThat(record.headers().lastHeader("dlt_reason")).isNull();
        });
        // still poison: the fan-out parks it again, with replay_of, and the first shows its replay failed
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(json(admin("GET",
                "/event-dead-letters/" + id, null)).get("replay").get("outcome").asString()));
        JsonNode again = json(admin("GET", "/event-dead-letters?order_id=" + orderId + "&status=dead", null));
        assertThat(again.get("data")).singleElement()
                .satisfies(entry -> assertThat(entry.get("replay_of").asString()).isEqualTo(id));
    }

    @Test
    void listsShowsReplaysAndDiscardsParkedInboxRecords() {
        String orderId = newOrderId();
        String webhookId = UUID.randomUUID().toString();
        parkInboxRecord(orderId, webhookId, 41L);
        parkInboxRecord(orderId, UUID.randomUUID().toString(), 42L);

        await().atMost(Duration.ofSeconds(20)).until(() -> list("/inbox-dead-letters?order_id=" + orderId)
                .get("data").size() == 2);
        JsonNode page = list("/inbox-dead-letters?order_id=" + orderId + "&limit=1");
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("matching").asLong()).isEqualTo(2);
        JsonNode next = list("/inbox-dead-letters?order_id=" + orderId + "&limit=1&cursor="
                + page.get("next_cursor").asString());
        assertThat(next.get("data").get(0).get("id").asString())
                .isNotEqualTo(page.get("data").get(0).get("id").asString());
        JsonNode toReplay = list("/inbox-dead-letters?order_id=" + orderId).get("data").valueStream()
                .filter(entry -> entry.get("original_offset").asLong() == 41L).findFirst().orElseThrow();
        String id = toReplay.get("id").asString();
        assertThat(id).startsWith("dli_");
        assertThat(toReplay.get("reason").asString()).isEqualTo("SMTP 550 mailbox unavailable");
        assertThat(toReplay.get("original_topic").asString()).isEqualTo(deadLetters.inboxTopic());

        assertThat(admin("POST", "/inbox-dead-letters/" + id + "/replay", null).statusCode()).isEqualTo(202);
        assertThat(admin("POST", "/inbox-dead-letters/" + id + "/replay", null).statusCode()).isEqualTo(200);
        assertThat(replaysOn(deadLetters.inboxTopic(), id)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(orderId);
            assertThat(KafkaTopics.header(record, "webhook-id")).isEqualTo(webhookId);
            assertThat(record.headers().lastHeader("kafka_dlt-original-offset")).isNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
        });

        String other = next.get("data").get(0).get("id").asString().equals(id)
                ? page.get("data").get(0).get("id").asString() : next.get("data").get(0).get("id").asString();
        HttpResponse<String> discarded = admin("POST", "/inbox-dead-letters/" + other + "/discard",
                "{\"operator\":\"bob\",\"reason\":\"customer deleted\"}");
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(json(discarded).get("status").asString()).isEqualTo("discarded");
        assertThat(json(discarded).get("discard").get("reason").asString()).isEqualTo("customer deleted");
        assertThat(list("/inbox-dead-letters?order_id=" + orderId + "&status=dead").get("data").size()).isZero();
    }

    @Test
    void forgetsAPendingDeadLetterOnceItsTopicNoLongerHasIt() throws Exception {
        String orderId = newOrderId();
        parkInboxRecord(orderId, UUID.randomUUID().toString(), 3L);
        JsonNode listed = awaitListed("/inbox-dead-letters?order_id=" + orderId);
        TopicPartition partition = new TopicPartition(deadLetters.inboxDeadLetterTopic(),
                listed.get("partition").asInt());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(listed.get("offset").asLong() + 1)))
                    .all().get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> admin("GET", "/inbox-dead-letters/"
                + listed.get("id").asString(), null).statusCode() == 404);
    }

    @Test
    void keepsEachTopicsDeadLettersApartAndAnswersProblems() {
        String orderId = newOrderId();
        parkInboxRecord(orderId, UUID.randomUUID().toString(), 7L);
        String id = awaitListed("/inbox-dead-letters?order_id=" + orderId).get("id").asString();

        assertThat(admin("GET", "/dead-letters/" + id, null).statusCode()).isEqualTo(404);
        assertThat(admin("GET", "/event-dead-letters/" + id, null).statusCode()).isEqualTo(404);
        assertThat(list("/dead-letters?order_id=" + orderId).get("totals").get("matching").asLong()).isZero();
        HttpResponse<String> unauthenticated = call("GET", "/inbox-dead-letters", null, null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> missing = admin("POST", "/inbox-dead-letters/dli_0_999999/replay", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> invalid = admin("GET", "/inbox-dead-letters?limit=0&colour=red", null);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("limit", "colour");
        HttpResponse<String> badBody = admin("POST", "/inbox-dead-letters/" + id + "/replay", "[1]");
        assertThat(badBody.statusCode()).isEqualTo(422);
        assertThat(json(admin("GET", "/inbox-dead-letters/" + id, null)).get("status").asString()).isEqualTo("dead");
    }

    private JsonNode awaitListed(String query) {
        await().atMost(Duration.ofSeconds(20)).until(() -> list(query).get("data").size() == 1);
        return list(query).get("data").get(0);
    }

    /** The records on the topic, read to its end, that replay this dead letter. Final once the calls returned. */
    private static List<ConsumerRecord<String, String>> replaysOn(String topic, String id) {
        return KafkaTopics.readToEnd(List.of(topic)).stream()
                .filter(record -> id.equals(KafkaTopics.header(record, "replay_of"))).toList();
    }
}
