package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.schemas.signing.CallbackSecrets;
import io.hookline.schemas.signing.SignatureVerifier;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.schemas.signing.WebhookVerificationException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An order's own callback_url gets its events through the same signing and retry path as endpoints, signed with
 * its API client's own secret (derived from the callback master secret), every listed key version at once.
 */
class CallbackDeliveryIntegrationTests extends DispatcherIntegrationTestSupport {

    private static final WebhookSecret MASTER = WebhookSecret.parse(CALLBACK_SECRET);
    private static final CallbackSecrets CLIENT_SECRETS = new CallbackSecrets(MASTER);

    @Test
    void deliversTheEventToTheOrdersCallbackUrlSignedWithTheClientsSecretAndRetriesIt() throws Exception {
        String path = "/callback-" + UUID.randomUUID();
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId, webhooks.url(path));
        webhooks.answer(path, event.id(), 503);

        publish(event, orderId, clientHeaders("cli_alice", "1"));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 2);
        List<RecordingWebhookServer.ReceivedRequest> requests = webhooks.received(path, event.id());
        assertThat(requests).extracting(RecordingWebhookServer.ReceivedRequest::answeredStatus).containsExactly(503, 200);
        for (RecordingWebhookServer.ReceivedRequest request : requests) {
            verify(request, CLIENT_SECRETS.derive("cli_alice", 1));
            new Webhook(CLIENT_SECRETS.derive("cli_alice", 1).encoded()).verify(request.bodyText(),
                    request.headerLists());
            assertThatThrownBy(() -> verify(request, CLIENT_SECRETS.derive("cli_bob", 1)))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> verify(request, MASTER)).isInstanceOf(WebhookVerificationException.class);
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

    @Test
    void signsWithBothKeyVersionsWhileAClientsRotationIsInItsGracePeriod() throws Exception {
        String path = "/callback-grace-" + UUID.randomUUID();
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId, webhooks.url(path));

        publish(event, orderId, clientHeaders("cli_carol", "3,2"));

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 1);
        RecordingWebhookServer.ReceivedRequest request = webhooks.received(path, event.id()).getFirst();
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        verify(request, CLIENT_SECRETS.derive("cli_carol", 3));
        verify(request, CLIENT_SECRETS.derive("cli_carol", 2));
        assertThatThrownBy(() -> verify(request, CLIENT_SECRETS.derive("cli_carol", 1)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verify(request, MASTER)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void signsAnEventPublishedWithoutClientWithTheMasterSecretAsBefore() throws Exception {
        String path = "/callback-legacy-" + UUID.randomUUID();
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId, webhooks.url(path));

        publish(event, orderId);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 1);
        RecordingWebhookServer.ReceivedRequest request = webhooks.received(path, event.id()).getFirst();
        new Webhook(CALLBACK_SECRET).verify(request.bodyText(), request.headerLists());
    }

    @ParameterizedTest(name = "client_id={0} callback_key_versions={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            cli_dave | NULL | callback signing refused: client_id without callback_key_versions
            NULL     | 2    | callback signing refused: callback_key_versions without client_id
            cli_dave | 0,x  | callback signing refused: callback_key_versions is malformed (0,x)
            """)
    void deadLettersACallbackWhoseClientHeadersAreMalformedWithoutSendingIt(String clientId, String versions,
            String reason) {
        String path = "/callback-malformed-" + UUID.randomUUID();
        String orderId = newOrderId();
        EventEnvelope<OrderPaid> event = orderPaid(orderId, webhooks.url(path));
        Map<String, String> headers = new java.util.HashMap<>();
        if (clientId != null) {
            headers.put(EventHeaders.CLIENT_ID, clientId);
        }
        if (versions != null) {
            headers.put(EventHeaders.CALLBACK_KEY_VERSIONS, versions);
        }

        publish(event, orderId, headers);

        ConsumerRecord<String, String> dead = awaitRecord(topics.deliveriesDeadLetter(),
                record -> event.id().toString().equals(header(record, DeliveryHeaders.EVENT_ID))
                        && header(record, DeliveryHeaders.TARGET_URL) != null);
        assertThat(header(dead, DeliveryHeaders.DLT_REASON)).isEqualTo(reason);
        assertThat(header(dead, DeliveryHeaders.ATTEMPTS)).isEqualTo("0");
        // the endpoints of the same event were served: the fan-out went on
        await().atMost(Duration.ofSeconds(20)).until(() -> !webhooks.received("/alpha", event.id()).isEmpty());
        assertThat(webhooks.received(path, event.id())).isEmpty();
    }

    private static Map<String, String> clientHeaders(String clientId, String versions) {
        return Map.of(EventHeaders.CLIENT_ID, clientId, EventHeaders.CALLBACK_KEY_VERSIONS, versions);
    }

    private static void verify(RecordingWebhookServer.ReceivedRequest request, WebhookSecret secret)
            throws WebhookVerificationException {
        new SignatureVerifier(List.of(secret), Duration.ofMinutes(5), Clock.systemUTC()).verify(request.webhookId(),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body());
    }
}
