package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterDetailIntegrationTests extends DeadLetterIntegrationTestSupport {

    @Test
    void showsTheSignedBodyItsAttemptsAndTheEndpointAsItIsNow() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = deadLetteredAtAlpha(orderId);
        String id = awaitOnlyDeadLetter(orderId, "dead").get("id").asString();

        HttpResponse<String> response = admin("GET", "/dead-letters/" + id, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode dead = json(response);
        assertThat(dead.get("body").asString())
                .isEqualTo(webhooks.received("/alpha", event.id()).getFirst().bodyText());
        assertThat(dead.get("payload").get("type").asString()).isEqualTo("order.paid");
        assertThat(dead.get("payload").get("data").get("order_id").asString()).isEqualTo(orderId);
        assertThat(dead.get("attempt_count").asInt()).isEqualTo(3);
        JsonNode attempts = dead.get("attempts");
        assertThat(attempts.valueStream().map(attempt -> attempt.get("attempt").asInt())).containsExactly(1, 2, 3);
        assertThat(attempts.valueStream().map(attempt -> attempt.get("status").asInt())).containsOnly(500);
        assertThat(attempts.get(0).get("response_body").asString()).isEqualTo("status 500");
        assertThat(attempts.get(0).get("delivery_id").asString()).isEqualTo(dead.get("delivery_id").asString());
        assertThat(attempts.get(0).has("latency_ms")).isTrue();
        JsonNode endpoint = dead.get("endpoint");
        assertThat(endpoint.get("id").asString()).isEqualTo("alpha");
        assertThat(endpoint.get("url").asString()).isEqualTo(webhooks.url("/alpha"));
        assertThat(endpoint.get("event_types").valueStream().map(JsonNode::asString)).containsExactly("order.paid");
        assertThat(endpoint.get("enabled").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("secret", ALPHA_SECRET);
        assertThat(dead.get("topic").asString()).isEqualTo(topics.deliveriesDeadLetter());
        assertThat(id).isEqualTo("dl_" + dead.get("partition").asInt() + "_" + dead.get("offset").asLong());
        assertThat(dead.get("status").asString()).isEqualTo("dead");
    }

    @Test
    void showsAnUnreadableRecordAndRefusesToReplayIt() {
        String key = newOrderId();
        produceRaw(key, "not json at all", Map.of(
                DeliveryHeaders.DLT_REASON, "unreadable: header delivery_id is missing",
                DeliveryHeaders.DLT_ORIGINAL_TOPIC, topics.deliveries()), null);
        String id = awaitOnlyDeadLetter(key, "dead").get("id").asString();

        JsonNode dead = json(admin("GET", "/dead-letters/" + id, null));
        assertThat(dead.get("body").asString()).isEqualTo("not json at all");
        assertThat(dead.get("payload").isNull()).isTrue();
        assertThat(dead.get("delivery_id").isNull()).isTrue();
        assertThat(dead.get("endpoint").isNull()).isTrue();
        assertThat(dead.get("attempts").size()).isZero();
        assertThat(dead.get("reason").asString()).startsWith("unreadable:");

        HttpResponse<String> replay = admin("POST", "/dead-letters/" + id + "/replay", null);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(json(replay).get("type").asString()).isEqualTo("https://hookline.io/problems/conflict");
        assertThat(json(admin("GET", "/dead-letters/" + id, null)).get("status").asString()).isEqualTo("dead");
    }

    @Test
    void answers404ForAnUnknownDeadLetter() {
        for (String[] call : new String[][] {{"GET", "/dead-letters/dl_9_999999"},
                {"POST", "/dead-letters/dl_9_999999/replay"}, {"POST", "/dead-letters/dl_9_999999/discard"}}) {
            HttpResponse<String> response = admin(call[0], call[1], null);
            assertThat(response.statusCode()).as(call[1]).isEqualTo(404);
            assertThat(json(response).get("type").asString()).isEqualTo("https://hookline.io/problems/not-found");
        }
    }
}
