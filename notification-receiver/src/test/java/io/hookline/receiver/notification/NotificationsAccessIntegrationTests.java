package io.hookline.receiver.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /notifications} needs the receiver's admin token in every profile; 401 problem+json without. */
@ReceiverIntegrationTest
class NotificationsAccessIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void withoutTheAdminTokenTheNotificationsAreRefusedWith401() throws Exception {
        String path = "/notifications?order_id=" + OrderPaidBodies.newOrderId();

        for (HttpResponse<String> response : List.of(get(path, null), get(path, "Bearer not-the-token"),
                get(path, "Basic " + WebhookClient.ADMIN_TOKEN), get("/notifications", null))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.body()).contains("\"type\":\"https://hookline.io/problems/unauthorized\"")
                    .contains("\"status\":401").doesNotContain(WebhookClient.ADMIN_TOKEN);
        }
    }

    @Test
    void withTheAdminTokenTheNotificationsAreAnswered() {
        Response response = new WebhookClient(port)
                .getAsAdmin("/notifications?order_id=" + OrderPaidBodies.newOrderId());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
    }

    @Test
    void theWebhookAndHealthNeedNoAdminToken() throws Exception {
        String body = OrderPaidBodies.valid(OrderPaidBodies.newOrderId());

        assertThat(new WebhookClient(port).postSigned(OrderPaidBodies.newWebhookId(), body).status()).isEqualTo(202);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
