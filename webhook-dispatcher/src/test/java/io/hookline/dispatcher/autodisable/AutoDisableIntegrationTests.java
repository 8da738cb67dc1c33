package io.hookline.dispatcher.autodisable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.dispatcher.delivery.RecordingWebhookServer.ReceivedRequest;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Auto-disable end to end: attempts really fail against the real HTTP server while the application's clock stands
 * five days and a minute in the past, then the clock comes back and the next failure makes the failures span the
 * limit. The job (every 200 ms) disables the endpoint once, with one {@code endpoint.disabled} on the operational
 * topic and one signed POST to the operator webhook; an endpoint with a success inside the span stays enabled.
 */
class AutoDisableIntegrationTests extends EndpointHealthIntegrationTestSupport {

    @Autowired
    AutoDisableJob job;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void disablesAnEndpointThatFailedEverythingForFiveDaysAndTellsOperatorsOnce() throws Exception {
        String path = newPath("dead");
        String id = createEndpoint(path);
        clock.shift(DISABLE_AFTER.plusMinutes(1).negated());
        EventEnvelope<OrderPaid> old = failingAt(path);
        Instant failingSince = Instant.parse(awaitAttempts(old.id(), id, 3).getFirst().get("attempted_at").asString());
        clock.reset();
        failingAt(path);

        await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint(id).get("disabled_at").isNull());
        JsonNode disabled = endpoint(id);
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("disabled_reason").asString()).startsWith("every attempt failed for at least 5 days");
        assertThat(Instant.parse(disabled.get("failing_since").asString())).isEqualTo(failingSince);
        Instant disabledAt = Instant.parse(disabled.get("disabled_at").asString());
        assertThat(disabledAt).isBetween(Instant.now().minusSeconds(30), Instant.now());

        JsonNode event = jsonMapper.readTree(awaitOperationalEvent(id).value());
        UUID eventId = UUID.fromString(event.get("id").asString());
        List<ReceivedRequest> posts = awaitOperatorPosts(eventId);
        long checksThen = job.completedChecks();
        await().atMost(Duration.ofSeconds(20)).until(() -> job.completedChecks() >= checksThen + 3);
        assertThat(recordsWithKey(operations.topic(), id)).hasSize(1);
        assertThat(event.get("type").asString()).isEqualTo(EventTypes.ENDPOINT_DISABLED);
        assertThat(event.get("occurred_at").asString()).isEqualTo(disabledAt.toString());
        JsonNode data = event.get("data");
        assertThat(data.get("endpoint_id").asString()).isEqualTo(id);
        assertThat(data.get("url").asString()).isEqualTo(webhooks.url(path));
        assertThat(data.get("reason").asString()).isEqualTo(disabled.get("disabled_reason").asString());
        assertThat(Instant.parse(data.get("failing_since").asString())).isEqualTo(failingSince);
        assertThat(Instant.parse(data.get("disabled_at").asString())).isEqualTo(disabledAt);

        assertThat(webhooks.received("/operator", eventId)).hasSize(1);
        ReceivedRequest post = posts.getFirst();
        new Webhook(OPERATOR_SECRET).verify(post.bodyText(), post.headerLists());
        assertThat(post.webhookId()).isEqualTo(event.get("id").asString());
        JsonNode body = jsonMapper.readTree(post.bodyText());
        assertThat(body.get("type").asString()).isEqualTo(EventTypes.ENDPOINT_DISABLED);
        assertThat(body.get("data")).isEqualTo(data);
    }

    @Test
    void leavesAnEndpointWithASuccessInsideTheSpanEnabled() {
        String path = newPath("flaky");
        String id = createEndpoint(path);
        clock.shift(DISABLE_AFTER.plusMinutes(1).negated());
        EventEnvelope<OrderPaid> old = orderPaid();
        webhooks.answer(path, old.id(), 500);
        publish(old);
        List<JsonNode> oldAttempts = awaitAttempts(old.id(), id, 2);
        assertThat(oldAttempts).extracting(attempt -> attempt.get("succeeded").asBoolean()).containsExactly(false, true);
        clock.reset();
        EventEnvelope<OrderPaid> now = failingAt(path);
        awaitAttempts(now.id(), id, 3);

        long checksThen = job.completedChecks();
        await().atMost(Duration.ofSeconds(20)).until(() -> job.completedChecks() >= checksThen + 3);
        JsonNode endpoint = endpoint(id);
        assertThat(endpoint.get("enabled").asBoolean()).isTrue();
        assertThat(endpoint.get("disabled_reason").isNull()).isTrue();
        assertThat(recordsWithKey(operations.topic(), id)).isEmpty();
    }

    @Test
    void ofTwoCheckersAtOnceOnlyOneDisablesAndTellsOperators() throws Exception {
        String path = newPath("raced");
        String id = createEndpoint(path);
        clock.shift(DISABLE_AFTER.plusMinutes(1).negated());
        EventEnvelope<OrderPaid> old = failingAt(path);
        awaitAttempts(old.id(), id, 3);
        clock.reset();
        failingAt(path);

        Thread other = Thread.ofPlatform().start(job::run);
        job.run();
        other.join();

        await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint(id).get("disabled_at").isNull());
        UUID eventId = UUID.fromString(jsonMapper.readTree(awaitOperationalEvent(id).value()).get("id").asString());
        awaitOperatorPosts(eventId);
        long checksThen = job.completedChecks();
        await().atMost(Duration.ofSeconds(20)).until(() -> job.completedChecks() >= checksThen + 3);
        assertThat(recordsWithKey(operations.topic(), id)).hasSize(1);
        assertThat(webhooks.received("/operator", eventId)).hasSize(1);
    }

    /** An event every delivery of which to this path answers 500 (three attempts, then a dead letter). */
    private EventEnvelope<OrderPaid> failingAt(String path) {
        EventEnvelope<OrderPaid> event = orderPaid();
        webhooks.alwaysAnswer(path, event.id(), 500);
        publish(event);
        return event;
    }

    private ConsumerRecord<String, String> awaitOperationalEvent(String endpointId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> recordsWithKey(operations.topic(), endpointId),
                records -> !records.isEmpty()).getFirst();
    }

    private static List<ReceivedRequest> awaitOperatorPosts(UUID eventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/operator", eventId),
                posts -> !posts.isEmpty());
    }
}
