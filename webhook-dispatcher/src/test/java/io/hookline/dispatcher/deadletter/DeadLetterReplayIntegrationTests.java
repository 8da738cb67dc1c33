package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.dispatcher.delivery.RecordingWebhookServer.ReceivedRequest;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterReplayIntegrationTests extends DeadLetterIntegrationTestSupport {

    @Test
    void replaysThroughTheNormalPathWithTheSameWebhookIdAndFreshAttempts() throws Exception {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = deadLetteredAtAlpha(orderId);
        String id = awaitOnlyDeadLetter(orderId, "dead").get("id").asString();
        Instant before = Instant.now();

        HttpResponse<String> response = admin("POST", "/dead-letters/" + id + "/replay",
                "{\"operator\":\"ops@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = json(response);
        assertThat(answer.get("queued").asInt()).isEqualTo(1);
        assertThat(answer.get("dead_letter").get("status").asString()).isEqualTo("replayed");
        assertThat(answer.get("dead_letter").get("replay").get("by").asString()).isEqualTo("ops@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.received("/alpha", event.id()).size() == 4);
        ReceivedRequest replayed = webhooks.received("/alpha", event.id()).getLast();
        assertThat(replayed.webhookId()).isEqualTo(event.id().toString());
        assertThat(replayed.answeredStatus()).isEqualTo(200);
        new Webhook(ALPHA_SECRET).verify(replayed.bodyText(), replayed.headerLists());
        assertThat(replayed.bodyText()).isEqualTo(webhooks.received("/alpha", event.id()).getFirst().bodyText());

        JsonNode dead = awaitState(id, d -> d.get("replay").get("outcome").asString().equals("delivered"));
        assertThat(dead.get("status").asString()).isEqualTo("replayed");
        JsonNode replay = dead.get("replay");
        assertThat(replay.get("by").asString()).isEqualTo("ops@example.com");
        assertThat(Instant.parse(replay.get("queued_at").asString())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(Instant.parse(replay.get("delivered_at").asString()))
                .isAfterOrEqualTo(Instant.parse(replay.get("queued_at").asString()));
        await().atMost(Duration.ofSeconds(5)).until(() -> json(admin("GET", "/dead-letters/" + id, null))
                .get("attempts").size() == 4);
        JsonNode attempts = json(admin("GET", "/dead-letters/" + id, null)).get("attempts");
        assertThat(attempts.get(3).get("attempt").asInt()).isEqualTo(1);
        assertThat(attempts.get(3).get("succeeded").asBoolean()).isTrue();
        assertThat(list("/dead-letters?order_id=" + orderId + "&status=dead").get("data").size()).isZero();
    }

    @Test
    void aReplayThatFailsAgainShowsFailedWithItsNewDeadLetter() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.alwaysAnswer("/alpha", event.id(), 503);
        publish(event, orderId);
        String id = awaitOnlyDeadLetter(orderId, "dead").get("id").asString();

        assertThat(admin("POST", "/dead-letters/" + id + "/replay", null).statusCode()).isEqualTo(202);

        JsonNode original = awaitState(id, d -> d.get("replay").get("outcome").asString().equals("failed"));
        String again = original.get("replay").get("dead_letter_id").asString();
        assertThat(again).isNotEqualTo(id);
        assertThat(original.get("replay").get("by").asString()).isEqualTo("admin");
        assertThat(original.get("replay").has("delivered_at")).isFalse();
        JsonNode second = json(admin("GET", "/dead-letters/" + again, null));
        assertThat(second.get("replay_of").asString()).isEqualTo(id);
        assertThat(second.get("status").asString()).isEqualTo("dead");
        assertThat(second.get("attempt_count").asInt()).isEqualTo(3);
        assertThat(second.get("event_id").asString()).isEqualTo(event.id().toString());
        assertThat(second.get("delivery_id").asString()).isEqualTo(original.get("delivery_id").asString());
        assertThat(webhooks.received("/alpha", event.id())).hasSize(6);
        assertThat(list("/dead-letters?order_id=" + orderId + "&status=dead").get("data").get(0).get("id").asString())
                .isEqualTo(again);
    }

    @Test
    void twoReplaysAtOnceQueueItOnce() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = deadLetteredAtAlpha(orderId);
        String id = awaitOnlyDeadLetter(orderId, "dead").get("id").asString();

        List<CompletableFuture<HttpResponse<String>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> admin("POST", "/dead-letters/" + id + "/replay", null)),
                CompletableFuture.supplyAsync(() -> admin("POST", "/dead-letters/" + id + "/replay", null)));
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 202);
        assertThat(responses.stream().mapToInt(response -> json(response).get("queued").asInt()).sum()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.received("/alpha", event.id()).size() == 4);
        HttpResponse<String> third = admin("POST", "/dead-letters/" + id + "/replay", null);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(json(third).get("queued").asInt()).isZero();
        assertThat(replaysQueued(id)).isEqualTo(1);
        assertThat(webhooks.received("/alpha", event.id())).hasSize(4);
    }

    @Test
    void bulkReplayQueuesEveryMatchingDeadLetterAndSkipsWhatCannotBeSent() {
        String type = newEventType("bulk_replay");
        Instant now = Instant.now();
        List<UUID> events = List.of(produceDeadLetter(newOrderId(), type, "alpha", 500, now),
                produceDeadLetter(newOrderId(), type, "alpha", 500, now.plusMillis(1)),
                produceDeadLetter(newOrderId(), type, "omega", null, now.plusMillis(2)));
        String goneKey = newOrderId();
        produceDeadLetter(goneKey, type, "gone-endpoint", 500, now.plusMillis(3));
        awaitListed(type, 4);

        HttpResponse<String> response = admin("POST", "/dead-letters/replay",
                "{\"event_type\":\"" + type + "\",\"operator\":\"bulk-bot\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("queued").asInt()).isEqualTo(3);
        assertThat(json(response).get("skipped").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().allMatch(event ->
                webhooks.received("/alpha", event).size() + webhooks.received("/omega", event).size() == 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> list("/dead-letters?status=replayed&event_type=" + type)
                .get("data").valueStream().filter(d -> d.get("replay").get("outcome").asString().equals("delivered"))
                .count() == 3);
        JsonNode gone = list("/dead-letters?order_id=" + goneKey).get("data").get(0);
        assertThat(gone.get("status").asString()).isEqualTo("dead");
        HttpResponse<String> single = admin("POST", "/dead-letters/" + gone.get("id").asString() + "/replay", null);
        assertThat(single.statusCode()).isEqualTo(409);
        assertThat(json(single).get("detail").asString()).contains("gone-endpoint");
        HttpResponse<String> again = admin("POST", "/dead-letters/replay", "{\"event_type\":\"" + type + "\"}");
        assertThat(json(again).get("queued").asInt()).isZero();
        assertThat(json(again).get("skipped").asInt()).isEqualTo(1);
    }
}
