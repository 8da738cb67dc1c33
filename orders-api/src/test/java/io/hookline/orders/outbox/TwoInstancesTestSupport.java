package io.hookline.orders.outbox;

import io.hookline.orders.TestApiKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.orders.OrderEventsProbe;
import io.hookline.orders.OrdersApiApplication;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two complete orders-api instances (two application contexts, two relays, two HTTP servers) on one database
 * and one broker. A backlog written through both is released to both relays at the same moment; every event
 * must reach Kafka exactly once and each order's events in order. Subclasses supply the shared database.
 */
abstract class TwoInstancesTestSupport {

    private static final int ORDERS = 40;
    /** order.created, order.payment_failed, order.paid. */
    private static final long EVENTS_PER_ORDER = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** Properties that point both instances at the same, fresh database. */
    abstract Map<String, Object> sharedDatabase();

    /** Whether both relays are expected to publish part of the backlog (see {@link OutboxClaimTestSupport}). */
    abstract boolean claimsInParallel();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoRelaysPublishEveryEventOnceAndInOrder() {
        Map<String, Object> database = sharedDatabase();
        ConfigurableApplicationContext one = start(database);
        ConfigurableApplicationContext two = start(database);
        List<OutboxRelay> relays = List.of(one.getBean(OutboxRelay.class), two.getBean(OutboxRelay.class));
        relays.forEach(OutboxRelay::stop);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int a = port(i % 2 == 0 ? one : two);
            int b = port(i % 2 == 0 ? two : one);
            String id = mapper.readTree(post(a, "/orders", """
                    {"customer_email": "twin@example.com", "product_name": "Lamp", "quantity": 1,
                     "unit_price": "10.00", "currency": "EUR"}""").body()).get("id").stringValue();
            assertThat(post(b, "/orders/" + id + "/payment", "{\"payment_method\": \"tok_declined\"}").statusCode())
                    .isEqualTo(402);
            assertThat(post(a, "/orders/" + id + "/payment", "{\"payment_method\": \"tok_visa\"}").statusCode())
                    .isEqualTo(200);
            orders.add(id);
        }
        JdbcClient jdbc = one.getBean(JdbcClient.class);
        assertThat(one.getBean(OutboxRepository.class).countUnpublished()).isEqualTo(EVENTS_PER_ORDER * ORDERS);

        relays.parallelStream().forEach(OutboxRelay::start);

        await().atMost(Duration.ofSeconds(30)).until(() -> one.getBean(OutboxRepository.class).countUnpublished() == 0);
        if (claimsInParallel()) {
            assertThat(relays).allSatisfy(relay -> assertThat(relay.publishedCount()).as("both relays took part")
                    .isPositive());
        }
        assertThat(relays.get(0).publishedCount() + relays.get(1).publishedCount()).isEqualTo(EVENTS_PER_ORDER * ORDERS);
        try (OrderEventsProbe events = new OrderEventsProbe()) {
            events.readToEnd(orders.getFirst());
            for (String id : orders) {
                List<ConsumerRecord<String, String>> records = events.seen(id);
                List<String> expected = jdbc.sql("SELECT event_id FROM outbox_event WHERE aggregate_id = :id "
                        + "ORDER BY id").param("id", id).query(String.class).list();
                assertThat(records).extracting(r -> header(r, EventHeaders.EVENT_ID))
                        .as("order %s: each event once, in commit order", id)
                        .containsExactlyElementsOf(expected);
                assertThat(records).extracting(r -> header(r, EventHeaders.EVENT_TYPE))
                        .containsExactly("order.created", "order.payment_failed", "order.paid");
            }
        }
        Map<String, Long> perEvent = jdbc.sql("SELECT event_id FROM outbox_event").query(String.class).list()
                .stream().collect(Collectors.groupingBy(e -> e, Collectors.counting()));
        assertThat(perEvent).hasSize((int) EVENTS_PER_ORDER * ORDERS);
    }

    private ConfigurableApplicationContext start(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", 0);
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("hookline.orders.outbox.batch-size", 3);
        properties.put("hookline.orders.outbox.poll-interval", "20ms");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApiApplication.class)
                .profiles("test")
                .run(args);
        instances.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> post(int port, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestApiKeys.CLIENT_BEARER)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
