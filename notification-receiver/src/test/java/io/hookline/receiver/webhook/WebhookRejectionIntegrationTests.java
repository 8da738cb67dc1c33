package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.schemas.signing.WebhookSecret;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every way a request is refused, each a problem detail with a stable type, none leaving a trace. */
@ReceiverIntegrationTest
class WebhookRejectionIntegrationTests {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
    }

    @Test
    void tamperedBodyIsRefusedWith403AndRecordsNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId);
        Map<String, String> headers = WebhookClient.signedHeaders(WebhookClient.SECRET, "msg_forged",
                Instant.now(), body);

        Response response = client.post(body.replace("59.98", "0.01"), headers, JSON);

        assertInvalidSignature(response, "no webhook-signature matches");
        assertNothingRecordedFor(orderId);
    }

    @Test
    void signatureWithAnotherSecretIsRefusedWith403AndRecordsNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId);
        String otherSecret = WebhookSecret.generate(new SecureRandom()).encoded();

        Response response = client.post(body,
                WebhookClient.signedHeaders(otherSecret, OrderPaidBodies.newWebhookId(), Instant.now(), body), JSON);

        assertInvalidSignature(response, "no webhook-signature matches");
        assertNothingRecordedFor(orderId);
    }

    @Test
    void duringARotationEitherConfiguredSecretIsAcceptedAndAnyOtherRefused() {
        String body = OrderPaidBodies.valid(OrderPaidBodies.newOrderId());
        String unknown = WebhookSecret.generate(new SecureRandom()).encoded();

        Response withNewSecret = client.post(body, WebhookClient.signedHeaders(WebhookClient.ROTATED_SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), body), JSON);
        Response withOldSecret = client.post(body, WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), body), JSON);
        Response withUnknownSecret = client.post(body, WebhookClient.signedHeaders(unknown,
                OrderPaidBodies.newWebhookId(), Instant.now(), body), JSON);

        assertThat(withNewSecret.status()).isEqualTo(202);
        assertThat(withOldSecret.status()).isEqualTo(202);
        assertInvalidSignature(withUnknownSecret, "no webhook-signature matches");
    }

    @Test
    void missingSignatureHeadersAreRefusedWith403AndRecordNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId);
        Map<String, String> withoutSignature = new HashMap<>(WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), body));
        withoutSignature.remove(WebhookHeaders.SIGNATURE);

        assertInvalidSignature(client.post(body, Map.of(), JSON), "headers are required");
        assertInvalidSignature(client.post(body, withoutSignature, JSON), "headers are required");
        assertNothingRecordedFor(orderId);
    }

    @Test
    void timestampTenMinutesOldIsRefusedWith403AndRecordsNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId);
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));

        Response response = client.post(body, WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), tenMinutesAgo, body), JSON);

        assertInvalidSignature(response, "outside the accepted tolerance");
        assertNothingRecordedFor(orderId);
    }

    @Test
    void signedButOffSchemaBodyIsRefusedWith422ListingEveryBadField() {
        String orderId = OrderPaidBodies.newOrderId();

        Response response = client.postSigned(OrderPaidBodies.newWebhookId(), OrderPaidBodies.offSchema(orderId));

        assertProblem(response, 422, "validation");
        List<String> fields = response.json().get("errors").valueStream()
                .map(error -> error.get("field").asString()).toList();
        assertThat(fields).contains("data.amount", "data.customer_email");
        assertThat(response.json().get("errors").valueStream())
                .allSatisfy(error -> assertThat(error.get("message").asString()).isNotBlank());
        assertNothingRecordedFor(orderId);
    }

    @Test
    void signedBodyThatIsNotJsonIsRefusedWith400() {
        Response response = client.postSigned(OrderPaidBodies.newWebhookId(), "order paid, trust me");

        assertProblem(response, 400, "malformed-json");
    }

    @Test
    void textPlainIsRefusedWith415() {
        String body = OrderPaidBodies.valid(OrderPaidBodies.newOrderId());
        Response response = client.post(body, WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), body), "text/plain");

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void jsonWithCharsetIsAccepted() {
        String body = OrderPaidBodies.valid(OrderPaidBodies.newOrderId());
        Response response = client.post(body, WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), body), "application/json; charset=utf-8");

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413WhetherDeclaredOrChunked() {
        String huge = "{\"padding\": \"" + "x".repeat(64 * 1024) + "\"}";
        Map<String, String> headers = WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), huge);
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);

        Response declared = client.post(huge, headers, JSON);
        Response chunked = client.post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bytes)), headers, JSON);

        assertProblem(declared, 413, "payload-too-large");
        assertProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void notificationsWithoutOrderIdIsA400Problem() {
        Response response = client.getAsAdmin("/notifications");

        assertProblem(response, 400, "missing-parameter");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("order_id");
    }

    @Test
    void notificationsOfAnUnknownOrderIsAnEmptyArray() {
        Response response = client.getAsAdmin("/notifications?order_id=" + OrderPaidBodies.newOrderId());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().size()).isZero();
    }

    private static void assertInvalidSignature(Response response, String detail) {
        assertProblem(response, 403, "invalid-signature");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://hookline.io/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("whsec_");
    }

    /**
     * A valid webhook for the same order (same partition, processed after anything queued before it)
     * becomes the only notification: the refused request left nothing behind.
     */
    private void assertNothingRecordedFor(String orderId) {
        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(sentinel, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        List<JsonNode> rows = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.notifications(orderId), list -> !list.isEmpty());
        assertThat(rows).singleElement()
                .satisfies(row -> assertThat(row.get("event_id").asString()).isEqualTo(sentinel));
    }
}
