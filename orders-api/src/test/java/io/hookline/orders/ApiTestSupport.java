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
 * data apart by order id. The helpers without a key act as the development client ({@link #CLIENT_KEY}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesTestKafka
@ActiveProfiles("test")
@Import(ApiTestSupport.TestIds.class)
public abstract class ApiTestSupport {

    protected static final String JSON = "application/json";

    /** The development client's key from {@code application.yml} (scopes read, write); the helpers' default. */
    protected static final String CLIENT_KEY = TestApiKeys.CLIENT;

    /** The development admin key from {@code application.yml}. */
    protected static final String ADMIN_KEY = TestApiKeys.ADMIN;

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
        return send(postRequest(path, contentType, body).header("Authorization", "Bearer " + CLIENT_KEY));
    }

    protected CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return http.sendAsync(postRequest(path, JSON, body).header("Authorization", "Bearer " + CLIENT_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON with {@code Authorization: Bearer <apiKey>} ({@code null}: no Authorization header). */
    protected HttpResponse<String> postAs(String apiKey, String path, String body) {
        return send(authorized(postRequest(path, JSON, body), apiKey));
    }

    /** POSTs JSON with an {@code Idempotency-Key} as the holder of {@code apiKey}. */
    protected HttpResponse<String> postAs(String apiKey, String path, String idempotencyKey, String body) {
        return send(authorized(postRequest(path, JSON, body).header("Idempotency-Key", idempotencyKey), apiKey));
    }

    /** GETs with {@code Authorization: Bearer <apiKey>} ({@code null}: no Authorization header). */
    protected HttpResponse<String> getAs(String apiKey, String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path)).GET(), apiKey));
    }

    /** Sends any request as is (the caller sets every header). */
    protected HttpResponse<String> send(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
    }

    /** Creates a client through the admin API; returns its id, its first key and its callback secret. */
    protected TestClient createClient(String scopesJson) {
        HttpResponse<String> created = postAs(ADMIN_KEY, "/clients",
                "{\"name\": \"Shop " + UUID.randomUUID() + "\", \"scopes\": " + scopesJson + "}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create a client: " + created.body());
        }
        JsonNode body = json(created);
        JsonNode secret = body.get("callback_secret");
        return new TestClient(body.get("id").stringValue(), body.get("api_key").get("key").stringValue(),
                body.get("api_key").get("id").stringValue(), secret == null ? null : secret.stringValue());
    }

    /** Creates an order (2 x 29.99 USD) as the holder of {@code apiKey}; returns its id. */
    protected String createOrderAs(String apiKey, String customerEmail) {
        HttpResponse<String> created = postAs(apiKey, "/orders", orderJson(customerEmail));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create an order: " + created.body());
        }
        return json(created).get("id").stringValue();
    }

    /** A client made by {@link #createClient}: its first key is {@code key} (id {@code keyId}). */
    protected record TestClient(String id, String key, String keyId, String callbackSecret) {
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String apiKey) {
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    /** POSTs JSON with an {@code Idempotency-Key} header. */
    protected HttpResponse<String> postWithKey(String path, String key, String body) {
        return postAsyncWithKey(path, key, body).join();
    }

    protected CompletableFuture<HttpResponse<String>> postAsyncWithKey(String path, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", JSON)
                .header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + CLIENT_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) {
        return getAs(CLIENT_KEY, path);
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
        return createOrderAs(CLIENT_KEY, customerEmail);
    }

    /** The body of a valid order (2 x 29.99 USD) for this customer. */
    protected static String orderJson(String customerEmail) {
        return """
                {"customer_email": "%s", "product_name": "Mechanical keyboard", "quantity": 2,
                 "unit_price": "29.99", "currency": "USD", "callback_url": "https://shop.example.com/hooks/1"}"""
                .formatted(customerEmail);
    }

    protected HttpResponse<String> pay(String orderId, String paymentMethod) {
        return post("/orders/" + orderId + "/payment", JSON, "{\"payment_method\": \"" + paymentMethod + "\"}");
    }

    /** {@code POST /orders/{id}/<action>} ({@code cancel}, {@code refund}) with this JSON body, or none when {@code null}. */
    protected HttpResponse<String> postAction(String orderId, String action, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/orders/" + orderId + "/" + action))
                .header("Authorization", "Bearer " + CLIENT_KEY);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request);
    }

    /** A customer e-mail address no other test uses, to tell a test's orders apart in the shared database. */
    protected static String uniqueEmail() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private HttpRequest.Builder postRequest(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    protected URI uri(String path) {
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
