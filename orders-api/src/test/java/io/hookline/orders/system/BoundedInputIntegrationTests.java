package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.ApiTestSupport;
import io.hookline.testsupport.OversizeUpload;
import io.hookline.testsupport.OversizeUpload.Result;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bounded input on every path, before anything reads the body: a 300 MB body is answered without being read
 * (declared: 413 at once; chunked: cut off at the limit, or never read on a path that takes none), and JSON
 * that breaks the parser's limits is a 400. Nothing is stored, and the heap does not grow with the body.
 */
class BoundedInputIntegrationTests extends ApiTestSupport {

    private static final long HUGE = 300L * 1024 * 1024;
    private static final long SLACK = 16L * 1024 * 1024;
    private static final long HEAP_GROWTH = 50L * 1024 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

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
    void aChunkedHugeFormBodyToAnUnknownPathIsAnsweredWithoutBeingRead() {
        long heapBefore = OversizeUpload.usedHeapAfterGc();

        Result result = new OversizeUpload(port).send("PUT", "/no-such-path", FORM, HUGE, true);

        assertThat(result.status()).as(result.body()).isIn(401, 404);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        assertNotRead(result);
        assertThat(OversizeUpload.usedHeapAfterGc() - heapBefore).isLessThan(HEAP_GROWTH);
    }

    @Test
    void aChunkedHugeJsonBodyIsCutOffAtTheLimitWith413AndStoresNothing() {
        long before = count("orders");

        Result result = new OversizeUpload(port).body("", ' ')
                .header("Authorization", "Bearer " + CLIENT_KEY).send("POST", "/orders", JSON, HUGE, true);

        assertProblem(result, 413, "payload-too-large");
        assertNotRead(result);
        assertThat(count("orders")).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsA400AndStoresNothing() {
        String email = uniqueEmail();
        String nested = "[".repeat(500) + "]".repeat(500);

        HttpResponse<String> response = post("/orders", JSON, order(email, "\"Keyboard\"", nested));

        assertMalformed(response);
        assertNoOrderFor(email);
    }

    @Test
    void aStringLongerThanTheJsonLimitIsA400AndStoresNothing() {
        String email = uniqueEmail();

        HttpResponse<String> response = post("/orders", JSON,
                order(email, "\"" + "x".repeat(20_000) + "\"", "null"));

        assertMalformed(response);
        assertNoOrderFor(email);
    }

    @Test
    void aNumberLongerThanTheJsonLimitIsA400AndStoresNothing() {
        String email = uniqueEmail();

        HttpResponse<String> response = post("/orders", JSON, order(email, "\"Keyboard\"", "1".repeat(5_000)));

        assertMalformed(response);
        assertNoOrderFor(email);
    }

    private static String order(String email, String productName, String extra) {
        return """
                {"customer_email": "%s", "product_name": %s, "quantity": 1, "unit_price": "1.00",
                 "currency": "USD", "extra": %s}""".formatted(email, productName, extra);
    }

    private void assertMalformed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").stringValue()).isEqualTo("https://hookline.io/problems/malformed-json");
        assertThat(problem.get("detail").stringValue()).doesNotContain("Jackson", "tools.", "exceeds");
    }

    private void assertNoOrderFor(String email) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_email = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    private void assertProblem(Result result, int status, String slug) {
        assertThat(result.status()).as(result.body()).isEqualTo(status);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = mapper.readTree(result.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("https://hookline.io/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    /** The server answered early and closed the connection: it took at most the limit plus socket buffers. */
    private static void assertNotRead(Result result) {
        assertThat(result.sentCompletely()).isFalse();
        assertThat(result.sentWhenAnswered()).isLessThan(SLACK);
        assertThat(result.sent()).isLessThan(SLACK);
    }
}
