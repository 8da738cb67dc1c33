package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void deliversAPaidOrderAsASignedStandardWebhook() throws Exception {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", event.id()).size() == 1);
        RecordingWebhookServer.ReceivedRequest request = webhooks.received("/alpha", event.id()).getFirst();
        new Webhook(ALPHA_SECRET).verify(request.bodyText(), request.headerLists());
        assertThat(request.webhookId()).isEqualTo(event.id().toString());
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), offset(60L));
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).isEqualTo("hookline-dispatcher/0.1");

        JsonNode body = jsonMapper.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo(EventTypes.ORDER_PAID);
        assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(event.occurredAt());
        assertThat(body.get("data")).isEqualTo(jsonMapper.valueToTree(event.data()));
        assertThat(body.get("data").get("order_id").asString()).isEqualTo(orderId);
        assertThat(new ContractValidator().validate(ContractSchema.ORDER_PAID_WEBHOOK, body)).isEmpty();
    }

    @Test
    void sendsTheSameBytesToEverySubscriberAndNothingToOthers() {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);

        RecordMetadata published = publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/alpha", event.id()).size() == 1
                && webhooks.received("/beta", event.id()).size() == 1);
        assertThat(webhooks.received("/beta", event.id()).getFirst().body())
                .isEqualTo(webhooks.received("/alpha", event.id()).getFirst().body());
        assertThat(fannedOutTo(published, event.id())).contains("alpha", "beta").doesNotContain("gamma");
    }

    @Test
    void passesTheDataOfOtherEventTypesThroughToTheirSubscribers() throws Exception {
        UUID id = UUID.randomUUID();
        String orderId = newOrderId();
        String data = "{\"order_id\":\"" + orderId + "\",\"customer_email\":\"ada@example.com\","
                + "\"product_name\":\"Keyboard\",\"quantity\":2,\"unit_price\":\"29.90\",\"currency\":\"EUR\","
                + "\"amount\":\"59.80\",\"failure_reason\":\"card_declined\",\"failed_at\":\"2026-03-01T10:00:00.500Z\"}";
        String json = "{\"id\":\"" + id + "\",\"type\":\"order.payment_failed\","
                + "\"occurred_at\":\"2026-03-01T10:00:00.500Z\",\"data\":" + data + "}";

        RecordMetadata published = publish(orderId, json, id, EventTypes.ORDER_PAYMENT_FAILED);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/gamma", id).size() == 1
                && webhooks.received("/beta", id).size() == 1);
        RecordingWebhookServer.ReceivedRequest request = webhooks.received("/gamma", id).getFirst();
        new Webhook(GAMMA_SECRET).verify(request.bodyText(), request.headerLists());
        assertThat(request.bodyText()).isEqualTo("{\"type\":\"order.payment_failed\","
                + "\"timestamp\":\"2026-03-01T10:00:00.500Z\",\"data\":" + data + "}");
        assertThat(fannedOutTo(published, id)).contains("gamma", "beta").doesNotContain("alpha");
    }

    @Test
    void signsEachEndpointWithItsOwnSecret() throws Exception {
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received("/beta", event.id()).size() == 1);
        RecordingWebhookServer.ReceivedRequest request = webhooks.received("/beta", event.id()).getFirst();
        new Webhook(BETA_SECRET).verify(request.bodyText(), request.headerLists());
        assertThatExceptionOfType(WebhookVerificationException.class)
                .isThrownBy(() -> new Webhook(ALPHA_SECRET).verify(request.bodyText(), request.headerLists()));
    }
}
