package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PoisonRecordIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void deadLettersARecordThatIsNotJsonAndGoesOn() {
        String orderId = newOrderId();

        publish(orderId, "this is not json {", null, null);
        EventEnvelope<OrderPaid> next = orderPaid(orderId);
        publish(next, orderId);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(orderId);
        assertThat(deadLetter.value()).isEqualTo("this is not json {");
        assertThat(header(deadLetter, DeliveryHeaders.DLT_REASON)).isEqualTo("poison: the value is not valid JSON");
        assertThat(header(deadLetter, DeliveryHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topics.events());
        assertThat(header(deadLetter, DeliveryHeaders.DLT_ORIGINAL_OFFSET)).matches("\\d+");
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", next.id()).size() == 1);
    }

    @Test
    void deadLettersAnEventOffTheSchemaWithoutRetryingOrDeliveringIt() {
        String orderId = newOrderId();
        UUID id = UUID.randomUUID();
        String offSchema = "{\"id\":\"" + id + "\",\"type\":\"order.paid\",\"occurred_at\":\"2026-03-01T10:00:00Z\","
                + "\"data\":{\"order_id\":\"" + orderId + "\",\"quantity\":0}}";

        publish(orderId, offSchema, id, EventTypes.ORDER_PAID);
        EventEnvelope<OrderPaid> next = orderPaid(orderId);
        publish(next, orderId);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(orderId);
        assertThat(deadLetter.value()).isEqualTo(offSchema);
        assertThat(header(deadLetter, DeliveryHeaders.DLT_REASON))
                .startsWith("poison: the event breaks the envelope schema: ")
                .contains("data.quantity", "data.currency");
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", next.id()).size() == 1);
        assertThat(webhooks.received("/alpha", id)).isEmpty();
        assertThat(webhooks.received("/beta", id)).isEmpty();
    }
}
