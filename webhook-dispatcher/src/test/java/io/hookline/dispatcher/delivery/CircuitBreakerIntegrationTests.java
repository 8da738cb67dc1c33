package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A dead endpoint (its port refuses connections) next to the healthy configured ones: its circuit opens, the
 * healthy endpoint keeps delivering, the dead endpoint's deliveries are deferred without attempts while the
 * circuit is open, and once the endpoint is back the half-open probe succeeds and the backlog arrives, each
 * delivery once. The circuit opens after 5 consecutive failures (default); the first probe comes after 8 s
 * ({@code dispatcher.circuit.open-duration} of the shared test context).
 */
class CircuitBreakerIntegrationTests extends DispatcherIntegrationTestSupport {

    @Autowired
    EndpointCircuits circuits;

    @Test
    void stopsAttemptingADeadEndpointKeepsTheHealthyOneGoingAndDeliversTheBacklogOnceItIsBack() throws Exception {
        int port = freePort();
        String id = json(admin("POST", "/endpoints", "{\"url\":\"http://127.0.0.1:" + port
                + "/dead\",\"event_types\":[\"order.paid\"]}")).get("id").asString();

        List<EventEnvelope<OrderPaid>> first = publishOrders(8);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> circuits.state(id) == EndpointCircuits.State.OPEN);
        AtomicInteger recorded = new AtomicInteger(-1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> recorded.getAndSet(endpointAttempts(id).size()) == recorded.get());
        int attemptsWhenOpened = recorded.get();
        assertThat(attemptsWhenOpened).isGreaterThanOrEqualTo(5);
        assertThat(endpointAttempts(id)).allSatisfy(attempt -> {
            assertThat(attempt.get("succeeded").asBoolean()).isFalse();
            assertThat(attempt.get("error").asString()).isNotBlank();
        });

        List<EventEnvelope<OrderPaid>> second = publishOrders(8);
        await().atMost(Duration.ofSeconds(4)).untilAsserted(() -> assertThat(second)
                .allSatisfy(event -> assertThat(webhooks.received("/alpha", event.id())).hasSize(1)));
        Set<String> deferred = ConcurrentHashMap.newKeySet();
        awaitRecord(topics.retry(2), record -> {
            if (id.equals(header(record, DeliveryHeaders.ENDPOINT_ID))
                    && "0".equals(header(record, DeliveryHeaders.ATTEMPTS))) {
                deferred.add(header(record, DeliveryHeaders.EVENT_ID));
            }
            return second.stream().allMatch(event -> deferred.contains(event.id().toString()));
        });
        assertThat(circuits.state(id)).isEqualTo(EndpointCircuits.State.OPEN);
        assertThat(endpointAttempts(id)).hasSize(attemptsWhenOpened);

        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer revived = serve(port, received);
        try {
            List<EventEnvelope<OrderPaid>> all = new ArrayList<>(first);
            all.addAll(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> all.stream()
                    .allMatch(event -> received.containsKey(event.id().toString())));
            assertThat(circuits.state(id)).isEqualTo(EndpointCircuits.State.CLOSED);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> received.values().stream().allMatch(count -> count.get() == 1));
            assertThat(received).hasSize(all.size());
            for (EventEnvelope<OrderPaid> event : all) {
                List<JsonNode> made = endpointAttempts(id).stream()
                        .filter(attempt -> attempt.get("event_id").asString().equals(event.id().toString())).toList();
                assertThat(made).filteredOn(attempt -> attempt.get("succeeded").asBoolean()).hasSize(1);
                assertThat(made).hasSizeLessThanOrEqualTo(2);
                assertThat(webhooks.received("/alpha", event.id())).hasSize(1);
            }
        } finally {
            revived.stop(0);
        }
    }

    private List<EventEnvelope<OrderPaid>> publishOrders(int count) {
        List<EventEnvelope<OrderPaid>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = newOrderId();
            EventEnvelope<OrderPaid> event = orderPaid(orderId);
            publish(event, orderId);
            events.add(event);
        }
        return events;
    }

    private List<JsonNode> endpointAttempts(String id) {
        return json(admin("GET", "/endpoints/" + id + "/attempts?limit=1000", null)).get("data").valueStream().toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpServer serve(int port, Map<String, AtomicInteger> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
                received.computeIfAbsent(webhookId, key -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }
}
