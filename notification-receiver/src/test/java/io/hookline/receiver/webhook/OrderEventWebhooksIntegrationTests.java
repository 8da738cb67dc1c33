package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.signing.WebhookSecret;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /webhooks/orders}, the receiver's endpoint for every order event, against a real broker, a real
 * database and a real SMTP server: each handled type ends in its own e-mail (or, for order.created, a record
 * without one), a type the receiver does not act on is acknowledged and dropped, and fields the contract does
 * not know are accepted on both routes (a v1 receiver keeps working when a producer adds a field).
 */
@ReceiverIntegrationTest
class OrderEventWebhooksIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
    }

    @Test
    void aRefundAndACancellationEachBecomeTheirOwnEMail() throws Exception {
        String refunded = OrderPaidBodies.newOrderId();
        String cancelled = OrderPaidBodies.newOrderId();
        String refundId = OrderPaidBodies.newWebhookId();
        String cancelId = OrderPaidBodies.newWebhookId();

        WebhookClient.Response refund = client.postSigned(WebhookClient.ORDERS_PATH, refundId,
                OrderPaidBodies.ofType(EventTypes.ORDER_REFUNDED, refunded));
        WebhookClient.Response cancel = client.postSigned(WebhookClient.ORDERS_PATH, cancelId,
                OrderPaidBodies.ofType(EventTypes.ORDER_CANCELLED, cancelled));

        assertThat(refund.status()).isEqualTo(202);
        assertThat(refund.json().get("status").asString()).isEqualTo("event_received");
        assertThat(cancel.status()).isEqualTo(202);
        MimeMessage refundMail = mail(refundId);
        assertThat(refundMail.getSubject()).isEqualTo("Your refund for order " + refunded);
        assertThat(refundMail.getContent().toString()).contains("we have refunded $59.98", refunded);
        assertThat(mail(cancelId).getSubject()).isEqualTo("Your order " + cancelled + " was cancelled");
        JsonNode row = await().atMost(PATIENCE).until(() -> only(refunded),
                r -> r != null && "sent".equals(r.get("status").asString()));
        assertThat(row.get("type").asString()).isEqualTo(EventTypes.ORDER_REFUNDED);
        assertThat(row.get("amount").asString()).isEqualTo("59.98");
    }

    @Test
    void aCreatedOrderIsRecordedWithoutAnEMailAndItsPaymentIsConfirmedOnce() {
        String orderId = OrderPaidBodies.newOrderId();
        String createdId = OrderPaidBodies.newWebhookId();
        String paidId = OrderPaidBodies.newWebhookId();

        assertThat(client.postSigned(WebhookClient.ORDERS_PATH, createdId,
                OrderPaidBodies.ofType(EventTypes.ORDER_CREATED, orderId)).status()).isEqualTo(202);
        assertThat(client.postSigned(WebhookClient.ORDERS_PATH, paidId, OrderPaidBodies.valid(orderId)).status())
                .isEqualTo(202);

        mail(paidId);
        List<JsonNode> rows = await().atMost(PATIENCE).until(() -> client.notifications(orderId),
                list -> list.size() == 2 && list.stream().allMatch(r -> isFinal(r.get("status").asString())));
        assertThat(rows).extracting(r -> r.get("type").asString() + " " + r.get("status").asString()
                + " attempts=" + r.get("attempts").asInt()).containsExactlyInAnyOrder(
                "order.created recorded attempts=0", "order.paid sent attempts=1");
        assertThat(TestSmtp.withMessageId("<" + createdId + "@hookline.local>")).isEmpty();
    }

    @Test
    void aTypeTheReceiverDoesNotActOnIsAcknowledgedAndDropped() {
        String orderId = OrderPaidBodies.newOrderId();

        for (String body : List.of(OrderPaidBodies.ofType(EventTypes.ORDER_PAYMENT_FAILED, orderId),
                OrderPaidBodies.valid(orderId).replace("\"order.paid\"", "\"shipment.dispatched\""))) {
            WebhookClient.Response ignored = client.postSigned(WebhookClient.ORDERS_PATH,
                    OrderPaidBodies.newWebhookId(), body);
            assertThat(ignored.status()).isEqualTo(202);
            assertThat(ignored.json().get("status").asString()).isEqualTo("event_ignored");
        }
        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(WebhookClient.ORDERS_PATH, sentinel, OrderPaidBodies.valid(orderId)).status())
                .isEqualTo(202);

        mail(sentinel);
        assertThat(client.notifications(orderId)).extracting(r -> r.get("event_id").asString())
                .containsExactly(sentinel);
    }

    @Test
    void anIgnoredTypeIsStillVerifiedFirst() {
        String body = OrderPaidBodies.ofType(EventTypes.ORDER_PAYMENT_FAILED, OrderPaidBodies.newOrderId());
        String unknownSecret = WebhookSecret.generate(new java.security.SecureRandom()).encoded();
        Map<String, String> forged = WebhookClient.signedHeaders(unknownSecret,
                OrderPaidBodies.newWebhookId(), java.time.Instant.now(), body);

        WebhookClient.Response response = client.post(WebhookClient.ORDERS_PATH,
                java.net.http.HttpRequest.BodyPublishers.ofString(body), forged, "application/json");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void fieldsTheContractDoesNotKnowAreAcceptedOnBothRoutes() {
        String orderId = OrderPaidBodies.newOrderId();
        String viaOrders = OrderPaidBodies.newWebhookId();
        String viaOrderPaid = OrderPaidBodies.newWebhookId();
        String refund = OrderPaidBodies.withAddedFields(OrderPaidBodies.ofType(EventTypes.ORDER_REFUNDED, orderId));

        assertThat(client.postSigned(WebhookClient.ORDERS_PATH, viaOrders, refund).status()).isEqualTo(202);
        assertThat(client.postSigned(WebhookClient.ORDER_PAID_PATH, viaOrderPaid,
                OrderPaidBodies.withAddedFields(OrderPaidBodies.valid(orderId))).status()).isEqualTo(202);

        mail(viaOrders);
        mail(viaOrderPaid);
    }

    @Test
    void aBodyWithoutATypeOrOffItsTypesContractIsA422NamingTheFields() {
        String orderId = OrderPaidBodies.newOrderId();
        String untyped = OrderPaidBodies.valid(orderId).replace("\"type\": \"order.paid\", ", "");
        String noRefundId = OrderPaidBodies.ofType(EventTypes.ORDER_REFUNDED, orderId)
                .replaceAll("\"refund_id\":\"[^\"]*\",", "");

        WebhookClient.Response missingType = client.postSigned(WebhookClient.ORDERS_PATH,
                OrderPaidBodies.newWebhookId(), untyped);
        WebhookClient.Response offContract = client.postSigned(WebhookClient.ORDERS_PATH,
                OrderPaidBodies.newWebhookId(), noRefundId);
        WebhookClient.Response wrongRoute = client.postSigned(WebhookClient.ORDER_PAID_PATH,
                OrderPaidBodies.newWebhookId(), OrderPaidBodies.ofType(EventTypes.ORDER_REFUNDED, orderId));

        assertThat(missingType.status()).isEqualTo(422);
        assertThat(missingType.body()).contains("\"type\"");
        assertThat(offContract.status()).isEqualTo(422);
        assertThat(offContract.body()).contains("data.refund_id");
        assertThat(wrongRoute.status()).as("order-paid takes order.paid only").isEqualTo(422);
        assertThat(client.notifications(orderId)).isEmpty();
    }

    private static boolean isFinal(String status) {
        return "sent".equals(status) || "recorded".equals(status);
    }

    private static MimeMessage mail(String webhookId) {
        return await().atMost(PATIENCE).until(() -> TestSmtp.withMessageId("<" + webhookId + "@hookline.local>"),
                list -> list.size() == 1).get(0);
    }

    private JsonNode only(String orderId) {
        List<JsonNode> rows = client.notifications(orderId);
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
