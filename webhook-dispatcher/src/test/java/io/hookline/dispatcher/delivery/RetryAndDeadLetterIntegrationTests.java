package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RetryAndDeadLetterIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void retriesAFailingEndpointAloneAndNeverResendsToOneThatSucceeded() throws Exception {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 500, 500);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", event.id()).size() == 3);
        // beta's only attempt is recorded as a success, so nothing is left that could send it again: a retry is
        // produced only after a failed attempt.
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptCount(event, "alpha") == 3 && attemptCount(event, "beta") >= 1);
        assertThat(attempts(event.id()).valueStream()
                .filter(attempt -> attempt.get("endpoint_id").asString().equals("beta")))
                .singleElement().satisfies(attempt -> assertThat(attempt.get("succeeded").asBoolean()).isTrue());
        assertThat(webhooks.received("/beta", event.id())).hasSize(1);
        List<RecordingWebhookServer.ReceivedRequest> attempts = webhooks.received("/alpha", event.id());
        assertThat(attempts).extracting(RecordingWebhookServer.ReceivedRequest::answeredStatus)
                .containsExactly(500, 500, 200);
        for (RecordingWebhookServer.ReceivedRequest attempt : attempts) {
            assertThat(attempt.webhookId()).isEqualTo(event.id().toString());
            new Webhook(ALPHA_SECRET).verify(attempt.bodyText(), attempt.headerLists());
        }
    }

    @Test
    void attemptsARetryNoEarlierThanItsJitteredDueTimeOnTheScheduledRetryTopic() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 500, 500);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsAt(event, "alpha").size() == 3);
        List<JsonNode> attempts = attemptsAt(event, "alpha");
        Instant first = Instant.parse(attempts.get(0).get("attempted_at").asString());
        Instant second = Instant.parse(attempts.get(1).get("attempted_at").asString());
        Instant third = Instant.parse(attempts.get(2).get("attempted_at").asString());
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.between(second, third)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(attempts).extracting(attempt -> attempt.get("succeeded").asBoolean()).containsExactly(false, false, true);

        ConsumerRecord<String, String> retry = awaitRecord(topics.retry(1),
                record -> isFor(record, event, "alpha"));
        assertThat(header(retry, DeliveryHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(retry, DeliveryHeaders.LAST_STATUS)).isEqualTo("500");
        Instant firstFailed = Instant.parse(header(retry, DeliveryHeaders.LAST_ATTEMPT_AT));
        assertThat(Instant.parse(header(retry, DeliveryHeaders.DUE_AT)))
                .isBetween(firstFailed.plusMillis(300), firstFailed.plusMillis(360));
        // The tier is chosen by the wait left when the attempt's outcome is handled (due - now): 600-720 ms after
        // the attempt started, minus the attempt's own latency. Under load that can be under 600 ms, and then tier 1
        // (300 ms) carries it, served at its due time all the same. Every attempt is done (above), so the topics are
        // complete.
        List<ConsumerRecord<String, String>> secondRetries = io.hookline.testsupport.KafkaTopics.readToEnd(
                        List.of(topics.retry(1), topics.retry(2))).stream()
                .filter(record -> isFor(record, event, "alpha") && "2".equals(header(record, DeliveryHeaders.ATTEMPTS)))
                .toList();
        assertThat(secondRetries).as("the second retry of the delivery").hasSize(1);
        ConsumerRecord<String, String> secondRetry = secondRetries.getFirst();
        Instant secondFailed = Instant.parse(header(secondRetry, DeliveryHeaders.LAST_ATTEMPT_AT));
        assertThat(Instant.parse(header(secondRetry, DeliveryHeaders.DUE_AT)))
                .isBetween(secondFailed.plusMillis(600), secondFailed.plusMillis(720));
        assertThat(header(secondRetry, DeliveryHeaders.ENQUEUED_AT)).isEqualTo(header(retry, DeliveryHeaders.ENQUEUED_AT));
    }

    @Test
    void deadLettersAfterTheLastAttemptWithTheOriginalBodyAndItsMetadata() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.alwaysAnswer("/alpha", event.id(), 500);

        publish(event, orderId);

        ConsumerRecord<String, String> dead = awaitRecord(topics.deliveriesDeadLetter(), record -> isFor(record, event, "alpha"));
        assertThat(dead.key()).isEqualTo(orderId);
        assertThat(dead.value()).isEqualTo(webhooks.received("/alpha", event.id()).getFirst().bodyText());
        assertThat(header(dead, DeliveryHeaders.EVENT_TYPE)).isEqualTo("order.paid");
        assertThat(header(dead, DeliveryHeaders.DELIVERY_ID)).startsWith("dlv_");
        assertThat(header(dead, DeliveryHeaders.ENDPOINT_URL)).isEqualTo(webhooks.url("/alpha"));
        assertThat(header(dead, DeliveryHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(header(dead, DeliveryHeaders.LAST_STATUS)).isEqualTo("500");
        assertThat(header(dead, DeliveryHeaders.LAST_ERROR)).isEqualTo("HTTP 500");
        assertThat(header(dead, DeliveryHeaders.DLT_REASON)).isEqualTo("not delivered after 3 attempts; last: HTTP 500");
        Instant firstAttempt = Instant.parse(header(dead, DeliveryHeaders.FIRST_ATTEMPT_AT));
        Instant lastAttempt = Instant.parse(header(dead, DeliveryHeaders.LAST_ATTEMPT_AT));
        assertThat(Duration.between(firstAttempt, lastAttempt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(webhooks.received("/alpha", event.id())).hasSize(3);
        assertThat(webhooks.received("/beta", event.id())).hasSize(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> attemptsAt(event, "alpha").size() == 3);
        JsonNode last = attemptsAt(event, "alpha").getLast();
        assertThat(last.get("status").asInt()).isEqualTo(500);
        assertThat(last.get("response_body").asString()).isEqualTo("status 500");
        assertThat(last.get("attempt").asInt()).isEqualTo(3);
        assertThat(last.get("latency_ms").asLong()).isNotNegative();
    }

    @Test
    void waitsForRetryAfterWhenItIsLongerThanTheSchedule() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 503);
        webhooks.retryAfter("/alpha", event.id(), "2");

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsAt(event, "alpha").size() == 2);
        List<JsonNode> attempts = attemptsAt(event, "alpha");
        Duration waited = Duration.between(Instant.parse(attempts.get(0).get("attempted_at").asString()),
                Instant.parse(attempts.get(1).get("attempted_at").asString()));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(attempts.get(0).get("status").asInt()).isEqualTo(503);
        assertThat(attempts.get(1).get("succeeded").asBoolean()).isTrue();
    }

    private List<JsonNode> attemptsAt(EventEnvelope<?> event, String endpointId) {
        return attempts(event.id()).valueStream()
                .filter(attempt -> attempt.get("endpoint_id").asString().equals(endpointId)).toList();
    }

    private static boolean isFor(ConsumerRecord<String, String> record, EventEnvelope<?> event, String endpointId) {
        return event.id().toString().equals(header(record, DeliveryHeaders.EVENT_ID))
                && endpointId.equals(header(record, DeliveryHeaders.ENDPOINT_ID));
    }

    private long attemptCount(EventEnvelope<OrderPaid> event, String endpointId) {
        return attempts(event.id()).valueStream()
                .filter(attempt -> attempt.get("endpoint_id").asString().equals(endpointId)).count();
    }
}
