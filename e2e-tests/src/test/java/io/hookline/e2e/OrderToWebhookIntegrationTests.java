package io.hookline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.localstack.LocalStack;
import io.hookline.localstack.RunningStack;
import io.hookline.localstack.ServiceProcess;
import io.hookline.localstack.StackSettings;
import io.hookline.testsupport.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole path, every hop real: the local stack's launcher starts orders-api, webhook-dispatcher and
 * notification-receiver as separate JVMs on real ports against a real Kafka broker; the test only speaks
 * HTTP, as a user with curl would. The first payment carries a W3C {@code traceparent}: its trace id must come
 * out at the receiver ({@code trace_id} of the notification) and be in every service's log.
 */
class OrderToWebhookIntegrationTests {

    /** The receiver's documented development admin token, which the local stack runs it with. */
    private static final String RECEIVER_ADMIN_TOKEN = "hookline-local-receiver-admin-token";

    @TempDir
    Path dataDir;

    private final StackClient client = new StackClient();
    private RunningStack stack;
    private StackSettings settings;

    @AfterEach
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static final String TRACE_ID = "5e1f0c2a9b8d4e7fa1b2c3d4e5f60718";

    /** orders-api's development client, which the local stack seeds. */
    private static final java.util.Map<String, String> ORDERS_AUTH = java.util.Map.of("Authorization",
            "Bearer " + StackSettings.DEVELOPMENT_ORDERS_API_KEY);

    @Test
    void paidOrderReachesTheReceiverInItsTraceOnceEvenWhenEveryServiceIsKilled() throws Exception {
        settings = new StackSettings(Path.of("").toAbsolutePath().getParent(), dataDir,
                TestKafka.bootstrapServers(), 0, 0, freePort(), freePort(), freePort(),
                StackSettings.DEVELOPMENT_WEBHOOK_SECRET, Duration.ofSeconds(180));
        stack = LocalStack.start(settings);

        String first = createAndPayOrder("ada@example.com", "29.99", 2, "00-" + TRACE_ID + "-a1b2c3d4e5f60718-01");
        JsonNode received = awaitNotifications(first, 1).get(0);
        assertThat(received.get("trace_id").asString()).as("the order request's trace at the receiver")
                .isEqualTo(TRACE_ID);
        for (ServiceProcess service : stack.services()) {
            assertThat(Files.readString(service.logFile())).as(service.spec().name() + "'s log")
                    .contains(TRACE_ID).contains(first);
        }
        assertThat(received.get("customer_email").asString()).isEqualTo("ada@example.com");
        assertThat(received.get("amount").asString()).isEqualTo("59.98");
        assertThat(received.get("currency").asString()).isEqualTo("USD");
        assertThat(received.get("quantity").asInt()).isEqualTo(2);

        String second = createAndPayOrder("grace@example.com", "10.00", 3);
        stack.kill();
        stack = LocalStack.start(settings);

        assertThat(client.get(orders("/orders/" + second)).status()).as("no key, no order").isEqualTo(401);
        assertThat(client.get(orders("/orders/" + second), ORDERS_AUTH).body().get("status").asString())
                .isEqualTo("paid");
        assertThat(awaitNotifications(second, 1).get(0).get("amount").asString()).isEqualTo("30.00");
        assertThat(notifications(first)).hasSize(1);
    }

    private String createAndPayOrder(String email, String unitPrice, int quantity) throws Exception {
        return createAndPayOrder(email, unitPrice, quantity, null);
    }

    private String createAndPayOrder(String email, String unitPrice, int quantity, String traceparent)
            throws Exception {
        StackClient.Response created = client.post(orders("/orders"), """
                {"customer_email": "%s", "product_name": "Mechanical keyboard", "quantity": %d,
                 "unit_price": "%s", "currency": "USD"}""".formatted(email, quantity, unitPrice), ORDERS_AUTH);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/orders/" + id));

        StackClient.Response paid = client.post(orders("/orders/" + id + "/payment"),
                "{\"payment_method\": \"tok_visa\"}",
                traceparent == null ? ORDERS_AUTH : java.util.Map.of("traceparent", traceparent,
                        "Authorization", ORDERS_AUTH.get("Authorization")));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().get("status").asString()).isEqualTo("paid");
        return id;
    }

    private java.util.List<JsonNode> awaitNotifications(String orderId, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> notifications(orderId), list -> list.size() == count);
    }

    private java.util.List<JsonNode> notifications(String orderId) throws IOException, InterruptedException {
        StackClient.Response response = client.get(receiver("/notifications?order_id=" + orderId),
                RECEIVER_ADMIN_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.body().valueStream().toList();
    }

    private String orders(String path) {
        return "http://localhost:" + settings.ordersApiPort() + path;
    }

    private String receiver(String path) {
        return "http://localhost:" + settings.receiverPort() + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
