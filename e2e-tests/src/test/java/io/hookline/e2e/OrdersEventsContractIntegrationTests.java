package io.hookline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.e2e.contract.OrdersEventsReader;
import io.hookline.localstack.LocalStack;
import io.hookline.localstack.RunningStack;
import io.hookline.localstack.StackSettings;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.Topics;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The event contracts against the real services of the local stack: a Kafka consumer of its own
 * ({@link OrdersEventsReader}) reads a paid order's event from {@code orders.events}, and every header the orders
 * API, the dispatcher and the receiver really put on that order's records ({@code orders.events},
 * {@code webhooks.deliveries}, {@code notifications.inbox}) is declared for its channel in the dispatcher's
 * {@code GET /asyncapi.json}.
 */
class OrdersEventsContractIntegrationTests {

    private static final Map<String, String> ORDERS_AUTH = Map.of("Authorization",
            "Bearer " + StackSettings.DEVELOPMENT_ORDERS_API_KEY, "traceparent",
            "00-7a1f0c2a9b8d4e7fa1b2c3d4e5f60718-a1b2c3d4e5f60718-01");

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

    @Test
    void aConsumerOfItsOwnReadsThePaidOrderAndEveryHeaderWrittenIsInTheAsyncApiDocument() throws Exception {
        settings = new StackSettings(Path.of("").toAbsolutePath().getParent(), dataDir,
                TestKafka.bootstrapServers(), 0, 0, freePort(), freePort(), freePort(),
                StackSettings.DEVELOPMENT_WEBHOOK_SECRET, Duration.ofSeconds(180));
        stack = LocalStack.start(settings);
        String orderId = createAndPayOrder();

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

    private String createAndPayOrder() throws Exception {
        StackClient.Response created = client.post("http://localhost:" + settings.ordersApiPort() + "/orders", """
                {"customer_email": "ada@example.com", "product_name": "Mechanical keyboard", "quantity": 2,
                 "unit_price": "29.99", "currency": "USD"}""", ORDERS_AUTH);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        StackClient.Response paid = client.post("http://localhost:" + settings.ordersApiPort() + "/orders/" + id
                + "/payment", "{\"payment_method\": \"tok_visa\"}", ORDERS_AUTH);
        assertThat(paid.status()).isEqualTo(200);
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
