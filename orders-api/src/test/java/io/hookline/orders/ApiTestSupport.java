package io.hookline.orders;

import io.hookline.orders.system.IdGenerator;
import io.hookline.testsupport.UsesTestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole application on a random port, a real Kafka broker, an in-memory H2
 * database. Every subclass shares one application context (keep the annotations here), so tests tell their
 * data apart by order id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesTestKafka
@ActiveProfiles("test")
@Import(ApiTestSupport.TestIds.class)
public abstract class ApiTestSupport {

    protected static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper mapper;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ScriptedIdGenerator ids;

    protected HttpResponse<String> post(String path, String contentType, String body) {
        return http.sendAsync(postRequest(path, contentType, body), HttpResponse.BodyHandlers.ofString()).join();
    }

    protected CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return http.sendAsync(postRequest(path, JSON, body), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON with an {@code Idempotency-Key} header. */
    protected HttpResponse<String> postWithKey(String path, String key, String body) {
        return postAsyncWithKey(path, key, body).join();
    }

    protected CompletableFuture<HttpResponse<String>> postAsyncWithKey(String path, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", JSON)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    protected JsonNode json(HttpResponse<String> response) {
        return mapper.readTree(response.body());
    }

    /** Creates a valid order (2 x 29.99 USD) and returns its id. */
    protected String createOrder() {
        return createOrder("ada@example.com");
    }

    /** Creates a valid order (2 x 29.99 USD) for this customer and returns its id. */
    protected String createOrder(String customerEmail) {
        HttpResponse<String> created = post("/orders", JSON, """
                {"customer_email": "%s", "product_name": "Mechanical keyboard", "quantity": 2,
                 "unit_price": "29.99", "currency": "USD", "callback_url": "https://shop.example.com/hooks/1"}"""
                .formatted(customerEmail));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create an order: " + created.body());
        }
        return json(created).get("id").stringValue();
    }

    protected HttpResponse<String> pay(String orderId, String paymentMethod) {
        return post("/orders/" + orderId + "/payment", JSON, "{\"payment_method\": \"" + paymentMethod + "\"}");
    }

    /** A customer e-mail address no other test uses, to tell a test's orders apart in the shared database. */
    protected static String uniqueEmail() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private HttpRequest postRequest(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Random ids, unless a test queued the next ones. */
    public static final class ScriptedIdGenerator implements IdGenerator {

        private final Queue<UUID> queued = new ConcurrentLinkedQueue<>();

        public void queue(UUID next) {
            queued.add(next);
        }

        @Override
        public UUID randomUuid() {
            UUID next = queued.poll();
            return next != null ? next : UUID.randomUUID();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestIds {

        @Bean
        @Primary
        ScriptedIdGenerator scriptedIdGenerator() {
            return new ScriptedIdGenerator();
        }
    }
}
