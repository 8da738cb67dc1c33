package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import io.hookline.testsupport.OversizeUpload;
import io.hookline.testsupport.OversizeUpload.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded input on every path, before anything reads the body, without credentials: a 300 MB body is answered
 * without being read (declared: 413 at once; chunked: cut off at the limit, or never read on a path that takes
 * none), and signed JSON that breaks the parser's limits is a 400. Nothing is recorded; the heap does not grow.
 */
@ReceiverIntegrationTest
class BoundedInputIntegrationTests {

    private static final long HUGE = 300L * 1024 * 1024;
    private static final long SLACK = 16L * 1024 * 1024;
    private static final long HEAP_GROWTH = 50L * 1024 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
    }

    @Test
    void aDeclaredHugeFormBodyToAnUnknownPathIsRefusedWith413BeforeItIsRead() {
        long heapBefore = OversizeUpload.usedHeapAfterGc();

        Result result = new OversizeUpload(port).send("PUT", "/no-such-path", FORM, HUGE, false);

        assertProblem(result, 413, "payload-too-large");
        assertThat(result.header("Connection")).isEqualToIgnoringCase("close");
        assertNotRead(result);
        assertThat(OversizeUpload.usedHeapAfterGc() - heapBefore).isLessThan(HEAP_GROWTH);
    }

    @Test
    void aChunkedHugeFormBodyToAnUnknownPathIsAnswered404WithoutBeingRead() {
        long heapBefore = OversizeUpload.usedHeapAfterGc();

        Result result = new OversizeUpload(port).send("PUT", "/no-such-path", FORM, HUGE, true);

        assertProblem(result, 404, "not-found");
        assertNotRead(result);
        assertThat(OversizeUpload.usedHeapAfterGc() - heapBefore).isLessThan(HEAP_GROWTH);
    }

    @Test
    void aDeclaredHugeBodyToTheNotificationsIsRefusedWith413BeforeTheTokenIsChecked() {
        Result result = new OversizeUpload(port).send("PUT", "/notifications", FORM, HUGE, false);

        assertProblem(result, 413, "payload-too-large");
        assertNotRead(result);
    }

    @Test
    void aChunkedHugeWebhookIsCutOffAtTheLimitWith413() {
        Result result = new OversizeUpload(port).body("{\"type\":\"order.paid\",\"data\":\"", 'x')
                .send("POST", "/webhooks/order-paid", "application/json", HUGE, true);

        assertProblem(result, 413, "payload-too-large");
        assertNotRead(result);
    }

    @Test
    void signedDeeplyNestedJsonIsA400AndRecordsNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId).replaceFirst("\\{", "{\"nested\":" + "[".repeat(500)
                + "]".repeat(500) + ",");

        assertMalformed(client.postSigned(OrderPaidBodies.newWebhookId(), body));
        assertNothingRecordedFor(orderId);
    }

    @Test
    void signedJsonWithAHugeNumberOrFieldNameIsA400AndRecordsNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String number = OrderPaidBodies.valid(orderId).replaceFirst("\\{", "{\"n\":" + "7".repeat(5_000) + ",");
        String name = OrderPaidBodies.valid(orderId).replaceFirst("\\{", "{\"" + "k".repeat(5_000) + "\":1,");

        assertMalformed(client.postSigned(OrderPaidBodies.newWebhookId(), number));
        assertMalformed(client.postSigned(OrderPaidBodies.newWebhookId(), name));
        assertNothingRecordedFor(orderId);
    }

    @Test
    void aSignedStringLongerThanTheBodyLimitIsA413AndRecordsNothing() {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId).replaceFirst("\\{", "{\"s\":\"" + "s".repeat(70_000) + "\",");

        Response response = client.post(body, WebhookClient.signedHeaders(WebhookClient.SECRET,
                OrderPaidBodies.newWebhookId(), Instant.now(), body), "application/json");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("https://hookline.io/problems/payload-too-large");
        assertNothingRecordedFor(orderId);
    }

    private static void assertMalformed(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hookline.io/problems/malformed-json");
        assertThat(response.body()).doesNotContain("Jackson", "tools.", "exceeds");
    }

    /** A valid webhook for the same order afterwards becomes its only notification. */
    private void assertNothingRecordedFor(String orderId) {
        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(sentinel, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        List<JsonNode> rows = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.notifications(orderId), list -> !list.isEmpty());
        assertThat(rows).singleElement()
                .satisfies(row -> assertThat(row.get("event_id").asString()).isEqualTo(sentinel));
    }

    private static void assertProblem(Result result, int status, String slug) {
        assertThat(result.status()).as(result.body()).isEqualTo(status);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(result.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://hookline.io/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    /** The server answered early and closed the connection: it took at most the limit plus socket buffers. */
    private static void assertNotRead(Result result) {
        assertThat(result.sentCompletely()).isFalse();
        assertThat(result.sentWhenAnswered()).isLessThan(SLACK);
        assertThat(result.sent()).isLessThan(SLACK);
    }
}
