package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description and Swagger UI are served and describe both endpoints. */
@ReceiverIntegrationTest
class ApiDocsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void openApiDescribesTheWebhookWithItsAnswersAndTheNotificationsQuery() {
        Response response = new WebhookClient(port).get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        JsonNode webhook = paths.get("/webhooks/order-paid").get("post");
        assertThat(webhook.get("responses").propertyNames()).contains("202", "400", "403", "413", "415", "422", "503");
        assertThat(webhook.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(paths.get("/notifications").get("get").get("parameters").get(0).get("name").asString())
                .isEqualTo("order_id");
    }

    @Test
    void swaggerUiIsServed() {
        Response redirect = new WebhookClient(port).get("/swagger-ui.html");
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();

        Response page = new WebhookClient(port).get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
