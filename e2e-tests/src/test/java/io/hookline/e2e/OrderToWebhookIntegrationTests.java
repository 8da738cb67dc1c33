package io.hookline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.e2e.contract.OrdersEventsReader;
import io.hookline.localstack.ServiceProcess;
import io.hookline.localstack.StackSettings;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.Topics;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The whole path, every hop real: the local stack's launcher starts orders-api, webhook-dispatcher and
 * notification-receiver as separate JVMs on real ports against a real Kafka broker; the test only speaks
 * HTTP, as a user with curl would. The first payment carries a W3C {@code traceparent}: its trace id must come
 * out at the receiver ({@code trace_id} of the notification) and be in every service's log. The rest of an order's
 * life travels the same path: a cancelled and a refunded order each end in their own e-mail, after the receiver
 * recorded their {@code order.created} (which sends none). And the event contracts hold against the real services: a
 * Kafka consumer of its own ({@link OrdersEventsReader}) reads a paid order's event from {@code orders.events}, and
 * every header the services really put on that order's records ({@code orders.events}, {@code webhooks.deliveries},
 * {@code notifications.inbox}) is declared for its channel in the dispatcher's {@code GET /asyncapi.json}. The stack is
 * the {@link SharedLocalStack}.
 */
@ExtendWith(SharedLocalStack.class)
class OrderToWebhookIntegrationTests {

    /** The receiver's documented development admin token, which the local stack runs it with. */
    private static final String HOOKLINE_RECEIVER_ADMIN_TOKEN = "hookline-local-receiver-admin-token";

    private final StackClient client = new StackClient();
    private StackSettings settings;

    @BeforeEach
    void stack() {
        settings = SharedLocalStack.settings();
    }

    private static final String TRACE_ID = "5e1f0c2a9b8d4e7fa1b2c3d4e5f60718";

    /** orders-api's development client, which the local stack seeds. */
    private static final java.util.Map<String, String> HOOKLINE_ORDERS_AUTH = java.util.Map.of("Authorization",
            "Bearer " + StackSettings.DEVELOPMENT_ORDERS_API_KEY);

    @Test
    void paidOrderReachesTheReceiverInItsTraceOnceEvenWhenEveryServiceIsKilled() throws Exception {
        String first = createAndPayOrder("ada@example.com", "29.99", 2, "00-" + TRACE_ID + "-a1b2c3d4e5f60718-01");
        JsonNode received = awaitNotifications(first, 1).get(0);
        assertThat(received.get("trace_id").asString()).as("the order request's trace at the receiver")
                .isEqualTo(TRACE_ID);
        for (ServiceProcess service : SharedLocalStack.stack().services()) {
            assertThat(Files.readString(service.logFile())).as(service.spec().name() + "'s log")
                    .contains(TRACE_ID).contains(first);
        }
        assertThat(received.get("customer_email").asString()).isEqualTo("ada@example.com");
        assertThat(received.get("amount").asString()).isEqualTo("59.98");
        assertThat(received.get("currency").asString()).isEqualTo("USD");
        assertThat(received.get("quantity").asInt()).isEqualTo(2);

        String second = createAndPayOrder("grace@example.com", "10.00", 3);
        SharedLocalStack.killAndRestart();

        assertThat(client.get(orders("/orders/" + second)).status()).as("no key, no order").isEqualTo(401);
        assertThat(client.get(orders("/orders/" + second), HOOKLINE_ORDERS_AUTH).body().get("status").asString())
                .isEqualTo("paid");
        assertThat(awaitNotifications(second, 1).get(0).get("amount").asString()).isEqualTo("30.00");
        assertThat(notifications(first)).as("one confirmation, once (besides its order.created record)").hasSize(1);
    }

    @Test
    void aCancelledAndARefundedOrderEachReachTheReceiverAndAreEMailedAfterTheirCreationWasRecorded()
            throws Exception {
        String cancelled = createOrder("grace@example.com", "12.50", 1);
        StackClient.Response cancel = client.post(orders("/orders/" + cancelled + "/cancel"),
                "{\"reason\": \"requested_by_customer\"}", HOOKLINE_ORDERS_AUTH);
        assertThat(cancel.status()).as("cancel").isEqualTo(200);
        assertThat(cancel.body().get("status").asString()).isEqualTo("cancelled");
        String refunded = createAndPayOrder("ada@example.com", "29.99", 2);
        StackClient.Response refund = client.post(orders("/orders/" + refunded + "/refund"), "{}", HOOKLINE_ORDERS_AUTH);
        assertThat(refund.status()).as("refund").isEqualTo(200);
        assertThat(refund.body().get("status").asString()).isEqualTo("refunded");

        assertThat(awaitFinal(cancelled, 2)).containsExactlyInAnyOrder(
                "order.created recorded null", "order.cancelled sent Your order " + cancelled + " was cancelled");
        assertThat(awaitFinal(refunded, 3)).containsExactlyInAnyOrder("order.created recorded null",
                "order.paid sent Your order " + refunded + " is confirmed",
                "order.refunded sent Your refund for order " + refunded);
        JsonNode refundNotification = allNotifications(refunded).stream()
                .filter(n -> "order.refunded".equals(n.get("type").asString())).findFirst().orElseThrow();
        assertThat(refundNotification.get("amount").asString()).isEqualTo("59.98");
    }

    @Test
    void aConsumerOfItsOwnReadsThePaidOrderAndEveryHeaderWrittenIsInTheAsyncApiDocument() throws Exception {
        String orderId = createAndPayOrder("ada@example.com", "29.99", 2,
                "00-7a1f0c2a9b8d4e7fa1b2c3d4e5f60718-a1b2c3d4e5f60718-01");

        try (OrdersEventsReader reader = new OrdersEventsReader(TestKafka.bootstrapServers(),
                "e2e-orders-events-reader-" + UUID.randomUUID(), Topics.ORDERS_EVENTS)) {
            List<OrdersEventsReader.OrderEvent> seen = new ArrayList<>();
            OrdersEventsReader.OrderEvent paid = await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen.addAll(reader.poll(Duration.ofMillis(500)));
                return seen.stream().filter(event -> orderId.equals(event.orderId())
                        && event.type().equals(EventTypes.ORDER_PAID)).findFirst();
            }, java.util.Optional::isPresent).orElseThrow();
            assertThat(paid.version()).isEqualTo(1);
            assertThat(paid.envelope().at("/data/order_id").asString()).isEqualTo(orderId);
            assertThat(paid.envelope().at("/data/amount").asString()).isEqualTo("59.98");
        }

        JsonNode document = client.get("http://localhost:" + settings.dispatcherPort() + "/asyncapi.json").body();
        for (String topic : List.of(Topics.ORDERS_EVENTS, Topics.WEBHOOKS_DELIVERIES, Topics.NOTIFICATIONS_INBOX)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                    .until(() -> KafkaTopics.readToEnd(List.of(topic)).stream()
                            .filter(record -> orderId.equals(record.key())).toList(), list -> !list.isEmpty());
            Set<String> declared = declaredHeaders(document, topic);
            for (ConsumerRecord<String, String> record : records) {
                assertThat(Arrays.stream(record.headers().toArray()).map(Header::key).toList())
                        .as("headers written on %s", topic).isNotEmpty().allSatisfy(key -> assertThat(declared)
                                .as("headers %s declares for %s", "/asyncapi.json", topic).contains(key));
            }
        }
    }

    private static Set<String> declaredHeaders(JsonNode document, String topic) {
        JsonNode messages = document.at("/channels/" + topic.replace('.', '_') + "/messages");
        assertThat(messages.isEmpty()).as("a channel for %s", topic).isFalse();
        Set<String> declared = new HashSet<>();
        messages.forEach(message -> declared.addAll(
                document.at(message.get("$ref").asString().substring(1) + "/headers/properties").propertyNames()));
        return declared;
    }

    /** Waits until the order has {@code count} notifications, all final; answers "type status subject" of each. */
    private java.util.List<String> awaitFinal(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> allNotifications(orderId).stream().map(n -> n.get("type").asString() + " "
                        + n.get("status").asString() + " " + (n.get("subject").isNull() ? "null"
                        : n.get("subject").asString())).toList(),
                        list -> list.size() == count && list.stream().noneMatch(text -> text.contains(" pending ")
                                || text.contains(" sending ") || text.contains(" retrying ")));
    }

    private java.util.List<JsonNode> allNotifications(String orderId) throws IOException, InterruptedException {
        StackClient.Response response = client.get(receiver("/notifications?order_id=" + orderId),
                HOOKLINE_RECEIVER_ADMIN_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.body().valueStream().toList();
    }

    private String createOrder(String email, String unitPrice, int quantity) throws Exception {
        StackClient.Response created = client.post(orders("/orders"), """
                {"customer_email": "%s", "product_name": "Mechanical keyboard", "quantity": %d,
                 "unit_price": "%s", "currency": "USD"}""".formatted(email, quantity, unitPrice), HOOKLINE_ORDERS_AUTH);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String createAndPayOrder(String email, String unitPrice, int quantity) throws Exception {
        return createAndPayOrder(email, unitPrice, quantity, null);
    }

    private String createAndPayOrder(String email, String unitPrice, int quantity, String traceparent)
            throws Exception {
        StackClient.Response created = client.post(orders("/orders"), """
                {"customer_email": "%s", "product_name": "Mechanical keyboard", "quantity": %d,
                 "unit_price": "%s", "currency": "USD"}""".formatted(email, quantity, unitPrice), HOOKLINE_ORDERS_AUTH);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/orders/" + id));

        StackClient.Response paid = client.post(orders("/orders/" + id + "/payment"),
                "{\"payment_method\": \"tok_visa\"}",
                traceparent == null ? HOOKLINE_ORDERS_AUTH : java.util.Map.of("traceparent", traceparent,
                        "Authorization", HOOKLINE_ORDERS_AUTH.get("Authorization")));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().get("status").asString()).isEqualTo("paid");
        return id;
    }

    private java.util.List<JsonNode> awaitNotifications(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> notifications(orderId), list -> list.size() == count);
    }

    /** The order.paid notifications of an order (the receiver also records its order.created, without an e-mail). */
    private java.util.List<JsonNode> notifications(String orderId) throws IOException, InterruptedException {
        StackClient.Response response = client.get(receiver("/notifications?order_id=" + orderId),
                HOOKLINE_RECEIVER_ADMIN_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.body().valueStream().filter(n -> "order.paid".equals(n.get("type").asString())).toList();
    }

    private String orders(String path) {
        return "http://localhost:" + settings.ordersApiPort() + path;
    }

    private String receiver(String path) {
        return "http://localhost:" + settings.receiverPort() + path;
    }

}
