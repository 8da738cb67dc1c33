package io.hookline.dispatcher.autodisable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.endpoint.Disablement;
import io.hookline.dispatcher.endpoint.EndpointDisablements;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /endpoints/{id}/enable}: it enables the endpoint, counts the dead letters waiting since it was
 * disabled and names the bulk replay that sends them, or replays them in the same call; bad bodies are 422 and
 * change nothing.
 */
class EndpointEnableIntegrationTests extends EndpointHealthIntegrationTestSupport {

    @Autowired
    EndpointDisablements disablements;

    @Test
    void offersTheReplayOfWhatWasDeadLetteredWhileDisabledAndTheOfferedCallSendsIt() {
        String path = newPath("offered");
        String id = createEndpoint(path);
        EventEnvelope<OrderPaid> event = orderPaid();
        webhooks.answer(path, event.id(), 503);
        webhooks.retryAfter(path, event.id(), "2");
        publish(event);
        awaitAttempts(event.id(), id, 1);
        Instant disabledAt = disable(id);
        produceDeadLetter(id, disabledAt.minusSeconds(60));
        awaitWaiting(id, 2);

        JsonNode answer = json(admin("POST", "/endpoints/" + id + "/enable", null));

        assertThat(answer.get("enabled").asBoolean()).isTrue();
        assertThat(answer.get("previously_disabled").get("reason").asString()).isEqualTo("test outage");
        JsonNode backlog = answer.get("dead_letters");
        assertThat(Instant.parse(backlog.get("since").asString())).isEqualTo(disabledAt);
        assertThat(backlog.get("waiting").asLong()).isEqualTo(1);
        assertThat(backlog.get("replay_with").get("path").asString()).isEqualTo("/dead-letters/replay");
        assertThat(answer.get("replayed").isNull()).isTrue();
        assertThat(endpoint(id).get("disabled_at").isNull()).isTrue();
        assertThat(webhooks.received(path, event.id())).hasSize(1);

        HttpResponse<String> replay = admin("POST", "/dead-letters/replay",
                backlog.get("replay_with").get("body").toString());
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(json(replay).get("queued").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 2);
        assertThat(webhooks.received(path, event.id()).getLast().answeredStatus()).isEqualTo(200);
    }

    @Test
    void replaysTheDeadLettersInTheSameCallWhenAsked() {
        String path = newPath("replayed");
        String id = createEndpoint(path);
        Instant disabledAt = disable(id);
        UUID eventId = produceDeadLetter(id, disabledAt.plusSeconds(1));
        awaitWaiting(id, 1);

        HttpResponse<String> enabled = admin("POST", "/endpoints/" + id + "/enable",
                "{\"replay_dead_letters\": true, \"operator\": \"grace\"}");

        assertThat(enabled.statusCode()).isEqualTo(200);
        JsonNode answer = json(enabled);
        assertThat(answer.get("replayed").get("queued").asInt()).isEqualTo(1);
        assertThat(answer.get("dead_letters").get("waiting").asLong()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, eventId).size() == 1);
        JsonNode deadLetter = json(admin("GET", "/dead-letters?endpoint_id=" + id, null)).get("data").get(0);
        assertThat(deadLetter.get("replay").get("by").asString()).isEqualTo("grace");
    }

    @Test
    void refusesABadBodyWithEveryFieldAndChangesNothing() {
        String id = createEndpoint(newPath("refused"));
        disable(id);

        HttpResponse<String> refused = admin("POST", "/endpoints/" + id + "/enable",
                "{\"replay_dead_letters\": \"yes\", \"operator\": \"\", \"replay\": true}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).get("errors").values().stream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("replay_dead_letters", "operator", "replay");
        assertThat(endpoint(id).get("enabled").asBoolean()).isFalse();
        assertThat(admin("POST", "/endpoints/ep_nobody/enable", null).statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/endpoints/" + id + "/enable", "[1]").statusCode()).isEqualTo(422);
    }

    private Instant disable(String id) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(disablements.disable(id, new Disablement("test outage", at, null))).isTrue();
        return at;
    }

    /** Waits until the index lists this many dead letters of the endpoint in status dead. */
    private void awaitWaiting(String id, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> json(admin("GET",
                "/dead-letters?status=dead&endpoint_id=" + id, null)).get("data").size() == count);
    }

    /** A dead letter for the endpoint, produced straight to the dead-letter topic as the engine writes them. */
    private UUID produceDeadLetter(String endpointId, Instant at) {
        UUID event = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.deliveriesDeadLetter(), null, at.toEpochMilli(), "ord_x",
                "{\"type\":\"order.paid\",\"data\":{\"id\":\"" + event + "\"}}");
        header(record, DeliveryHeaders.DELIVERY_ID, "dlv_" + UUID.randomUUID().toString().replace("-", ""));
        header(record, DeliveryHeaders.EVENT_ID, event.toString());
        header(record, DeliveryHeaders.EVENT_TYPE, "order.paid");
        header(record, DeliveryHeaders.ENDPOINT_ID, endpointId);
        header(record, DeliveryHeaders.ATTEMPTS, "3");
        header(record, DeliveryHeaders.DLT_REASON, "not delivered after 3 attempts");
        kafkaTemplate.send(record).join();
        return event;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
