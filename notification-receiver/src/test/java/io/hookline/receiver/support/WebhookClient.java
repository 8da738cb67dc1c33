package io.hookline.receiver.support;

import com.standardwebhooks.Webhook;
import io.hookline.receiver.system.AdminProperties;
import io.hookline.receiver.verification.VerificationProperties;
import io.hookline.schemas.signing.WebhookHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks HTTP to a running receiver as a webhook sender would, signing with the Standard Webhooks
 * reference library (not with our own signer), so that interoperability is what is tested.
 */
public final class WebhookClient {

    public static final String SECRET = VerificationProperties.DEVELOPMENT_SECRET;
    /** The second secret the test receiver accepts, as while a secret is being rotated. */
    public static final String ROTATED_SECRET = "whsec_cm90YXRlZC10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5";
    /** The admin token the test receivers run with: the default, documented development token. */
    public static final String ADMIN_TOKEN = AdminProperties.DEVELOPMENT_TOKEN;
    /** The route for order.paid only. */
    public static final String ORDER_PAID_PATH = "/webhooks/order-paid";
    /** The route for every order event type. */
    public static final String ORDERS_PATH = "/webhooks/orders";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public WebhookClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The three Standard Webhooks headers for a body, signed with {@code secret} at {@code timestamp}. */
    public static Map<String, String> signedHeaders(String secret, String msgId, Instant timestamp, String body) {
        try {
            String signature = new Webhook(secret).sign(msgId, timestamp.getEpochSecond(), body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(WebhookHeaders.ID, msgId);
            headers.put(WebhookHeaders.TIMESTAMP, Long.toString(timestamp.getEpochSecond()));
            headers.put(WebhookHeaders.SIGNATURE, signature);
            return headers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a body signed now with the development secret. */
    public Response postSigned(String msgId, String body) {
        return post(body, signedHeaders(SECRET, msgId, Instant.now(), body), "application/json");
    }

    /** POSTs a body signed now with the development secret to {@code path}, e.g. {@link #ORDERS_PATH}. */
    public Response postSigned(String path, String msgId, String body) {
        return post(path, HttpRequest.BodyPublishers.ofString(body), signedHeaders(SECRET, msgId, Instant.now(), body),
                "application/json");
    }

    public Response post(String body, Map<String, String> headers, String contentType) {
        return post(HttpRequest.BodyPublishers.ofString(body), headers, contentType);
    }

    public Response post(HttpRequest.BodyPublisher body, Map<String, String> headers, String contentType) {
        return post(ORDER_PAID_PATH, body, headers, contentType);
    }

    public Response post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers,
            String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(body);
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** GETs with {@code Authorization: Bearer <the development admin token>}, as an operator would. */
    public Response getAsAdmin(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build());
    }

    /** The receiver's notifications for an order (asserting the query itself succeeds). */
    public List<JsonNode> notifications(String orderId) {
        Response response = getAsAdmin("/notifications?order_id=" + orderId);
        if (response.status() != 200) {
            throw new IllegalStateException("GET /notifications answered " + response.status());
        }
        return response.json().valueStream().toList();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }
}
