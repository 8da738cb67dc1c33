package io.hookline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.hookline.localstack.StackSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-client callback secrets across the services: two API clients created through orders-api's admin API each
 * get their own callback secret; an order of client A with a {@code callback_url} is paid, the dispatcher POSTs
 * the outcome there, and the request verifies (Standard Webhooks, checked here with plain HMAC-SHA256) with A's
 * secret and not with B's. The local stack runs orders-api and the dispatcher with one development callback
 * master secret, from which each client's secret is derived. The stack is the {@link SharedLocalStack}.
 */
@ExtendWith(SharedLocalStack.class)
class CallbackSigningIntegrationTests {

    private final StackClient client = new StackClient();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private StackSettings settings;

    record Callback(String id, String timestamp, String signature, String body) {
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aClientsCallbackIsSignedWithThatClientsSecretOnly() throws Exception {
        startCallbackReceiver();
        settings = SharedLocalStack.settings();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + StackSettings.DEVELOPMENT_ORDERS_ADMIN_KEY);

        StackClient.Response alpha = client.post(orders("/clients"), "{\"name\": \"alpha shop\"}", admin);
        StackClient.Response beta = client.post(orders("/clients"), "{\"name\": \"beta shop\"}", admin);
        assertThat(alpha.status()).isEqualTo(201);
        assertThat(beta.status()).isEqualTo(201);
        String alphaSecret = alpha.body().get("callback_secret").asString();
        String betaSecret = beta.body().get("callback_secret").asString();
        assertThat(alphaSecret).startsWith("whsec_").isNotEqualTo(betaSecret)
                .isNotEqualTo(StackSettings.DEVELOPMENT_CALLBACKS_SECRET);
        Map<String, String> alphaKey = Map.of("Authorization",
                "Bearer " + alpha.body().get("api_key").get("key").asString());

        StackClient.Response created = client.post(orders("/orders"), """
                {"customer_email": "ada@example.com", "product_name": "Mechanical keyboard", "quantity": 1,
                 "unit_price": "29.99", "currency": "USD", "callback_url": "http://127.0.0.1:%d/callbacks"}"""
                .formatted(receiver.getAddress().getPort()), alphaKey);
        assertThat(created.status()).isEqualTo(201);
        String orderId = created.body().get("id").asString();
        assertThat(client.post(orders("/orders/" + orderId + "/payment"), "{\"payment_method\": \"tok_visa\"}",
                alphaKey).status()).isEqualTo(200);

        Callback callback = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> callbacks.stream().filter(c -> c.body().contains(orderId))
                                .filter(c -> c.body().contains("order.paid")).findFirst(), // order.created comes first
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(verifies(callback, alphaSecret)).as("signed with client alpha's secret").isTrue();
        assertThat(verifies(callback, betaSecret)).as("not with client beta's").isFalse();
        assertThat(verifies(callback, StackSettings.DEVELOPMENT_CALLBACKS_SECRET)).as("nor the master").isFalse();
        assertThat(client.get(orders("/orders/" + orderId), Map.of("Authorization",
                "Bearer " + beta.body().get("api_key").get("key").asString())).status())
                .as("beta cannot see alpha's order").isEqualTo(404);
    }

    private void startCallbackReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/callbacks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            callbacks.add(new Callback(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** Standard Webhooks: one of the space-separated {@code v1,<base64>} signatures is HMAC-SHA256 of id.ts.body. */
    private static boolean verifies(Callback callback, String secret) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (callback.id() + "." + callback.timestamp() + "." + callback.body()).getBytes(StandardCharsets.UTF_8)));
        return Arrays.asList(callback.signature().split(" ")).contains(expected);
    }

    private String orders(String path) {
        return "http://localhost:" + settings.ordersApiPort() + path;
    }

}
