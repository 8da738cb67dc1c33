package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An order's own callback_url gets its events through the same signing and retry path as endpoints. */
class CallbackDeliveryIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void deliversTheEventToTheOrdersCallbackUrlSignedWithTheCallbackSecretAndRetriesIt() throws Exception {
        String path = "/callback-" + UUID.randomUUID();
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId, webhooks.url(path));
        webhooks.answer(path, event.id(), 503);

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 2);
        List<RecordingWebhookServer.ReceivedRequest> requests = webhooks.received(path, event.id());
        assertThat(requests).extracting(RecordingWebhookServer.ReceivedRequest::answeredStatus).containsExactly(503, 200);
        for (RecordingWebhookServer.ReceivedRequest request : requests) {
            new Webhook(CALLBACK_SECRET).verify(request.bodyText(), request.headerLists());
            assertThat(request.webhookId()).isEqualTo(event.id().toString());
        }
        assertThat(jsonMapper.readTree(requests.getFirst().body()).get("data").get("callback_url").asString())
                .isEqualTo(webhooks.url(path));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts(event.id()).valueStream()
                .filter(attempt -> attempt.get("endpoint_id").asString().equals("callback:localhost")).count() == 2);
        // alpha succeeded once: the dispatcher recorded one success and no retry of it. (A first request that
        // outlives its 2 s budget while the JVM's HTTP client warms up on a busy machine is sent again, so the
        // receiver may see it twice: at-least-once, seen in the first test of a fresh context.)
        assertThat(attempts(event.id()).valueStream()
                .filter(attempt -> attempt.get("endpoint_id").asString().equals("alpha"))
                .filter(attempt -> attempt.get("succeeded").asBoolean())).hasSize(1);
    }
}
