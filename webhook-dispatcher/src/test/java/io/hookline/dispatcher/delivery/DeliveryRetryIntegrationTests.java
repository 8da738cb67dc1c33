package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeliveryRetryIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void retriesAFailingEndpointWithoutResendingToOnesThatAccepted() throws Exception {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.answer("/alpha", event.id(), 500, 500);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", event.id()).size() == 3);
        assertThat(webhooks.received("/alpha", event.id()))
                .extracting(RecordingWebhookServer.ReceivedRequest::answeredStatus).containsExactly(500, 500, 200);
        for (RecordingWebhookServer.ReceivedRequest attempt : webhooks.received("/alpha", event.id())) {
            new Webhook(ALPHA_SECRET).verify(attempt.bodyText(), attempt.headerLists());
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> webhooks.received("/beta", event.id()).size() == 1
                        && webhooks.received("/alpha", event.id()).size() == 3);
    }

    @Test
    void deadLettersAnEventAfterMaxAttemptsNamingTheFailingEndpoint() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);
        webhooks.alwaysAnswer("/alpha", event.id(), 500);

        publish(event, orderId);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(orderId);
        assertThat(deadLetter.value()).isEqualTo(jsonMapper.writeValueAsString(event));
        assertThat(header(deadLetter, DeadLetterReasons.REASON))
                .isEqualTo("not delivered after 5 attempts to alpha (HTTP 500)");
        assertThat(header(deadLetter, DeadLetterReasons.FAILED_ENDPOINTS)).isEqualTo("alpha");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ORDERS_EVENTS);
        assertThat(header(deadLetter, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo(DeliveryFailedException.class.getName());
        assertThat(webhooks.received("/alpha", event.id())).hasSize(5);
        assertThat(webhooks.received("/beta", event.id())).hasSize(1);
    }
}
