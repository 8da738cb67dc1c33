package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * delivery once. The circuit opens when at least 90 % of at least 20 attempts in its window failed (defaults);
 * the first half-open trials come after 8 s ({@code hookline.dispatcher.circuit.open-duration} of the shared test
 * context) plus up to 20 % jitter.
 */
class CircuitBreakerIntegrationTests extends DispatcherIntegrationTestSupport {

    @Autowired
    EndpointCircuits circuits;

    @Autowired
    EndpointConcurrency concurrency;

    @Autowired
    MeterRegistry registry;

    private long failuresCounted(String endpointId) {
        Counter failed = registry.find("hookline.deliveries").tags("endpoint", endpointId, "outcome", "failed")
                .counter();
        return failed == null ? 0 : (long) failed.count();
    }

    @Test
    void stopsAttemptingADeadEndpointKeepsTheHealthyOneGoingAndDeliversTheBacklogOnceItIsBack() throws Exception {
        int port = freePort();
        String id = json(admin("POST", "/endpoints", "{\"url\":\"http://127.0.0.1:" + port
                + "/dead\",\"event_types\":[\"order.paid\"]}")).get("id").asString();

        List<EventEnvelope<OrderPaid>> first = publishOrders(25);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> circuits.state(id) == CircuitPolicy.State.OPEN);
        // Attempts that started before the circuit opened finish and are written to the attempt log; once none is
        // in flight and the log holds every failure the engine counted, the number is final while it stays open.
        await().atMost(Duration.ofSeconds(20)).until(() -> concurrency.inFlight(id) == 0
                && endpointAttempts(id).size() == failuresCounted(id));
        int attemptsWhenOpened = endpointAttempts(id).size();
        assertThat(attemptsWhenOpened).isGreaterThanOrEqualTo(20);
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
        assertThat(circuits.state(id)).isEqualTo(CircuitPolicy.State.OPEN);
        assertThat(endpointAttempts(id)).hasSize(attemptsWhenOpened);

        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer revived = serve(port, received);
        try {
            List<EventEnvelope<OrderPaid>> all = new ArrayList<>(first);
            all.addAll(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> all.stream()
                    .allMatch(event -> received.containsKey(event.id().toString())));
            assertThat(circuits.state(id)).isEqualTo(CircuitPolicy.State.CLOSED);
            // Every delivery's success is recorded (a retry is produced only after a failure) and nothing is in flight.
            await().atMost(Duration.ofSeconds(20)).until(() -> concurrency.inFlight(id) == 0 && all.stream()
                    .allMatch(event -> endpointAttempts(id).stream().anyMatch(attempt -> attempt.get("succeeded")
                            .asBoolean() && attempt.get("event_id").asString().equals(event.id().toString()))));
            assertThat(received.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(received).hasSize(all.size());
            for (EventEnvelope<OrderPaid> event : all) {
                List<JsonNode> made = endpointAttempts(id).stream()
                        .filter(attempt -> attempt.get("event_id").asString().equals(event.id().toString())).toList();
                assertThat(made).filteredOn(attempt -> attempt.get("succeeded").asBoolean()).hasSize(1);
                // a first-batch delivery may have failed its first retry too before 20 failures opened the circuit
                assertThat(made).hasSizeLessThanOrEqualTo(3);
                // alpha was delivered once; a request that outlived its 2 s budget on a busy machine is retried
                // (at-least-once), so the receiver may see it twice, but the dispatcher recorded one success
                assertThat(attempts(event.id()).valueStream()
                        .filter(attempt -> attempt.get("endpoint_id").asString().equals("alpha"))
                        .filter(attempt -> attempt.get("succeeded").asBoolean())).hasSize(1);
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
