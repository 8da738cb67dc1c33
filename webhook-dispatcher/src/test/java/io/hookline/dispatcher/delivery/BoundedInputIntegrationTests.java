package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testsupport.OversizeUpload;
import io.hookline.testsupport.OversizeUpload.Result;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded input on every path, before anything reads the body, authenticated or not: a 300 MB body is answered
 * without being read (declared: 413 at once; chunked: cut off at the limit, or never read on a path that takes
 * none), and JSON that breaks the parser's limits is a 400. Nothing is stored; the heap does not grow with it.
 */
class BoundedInputIntegrationTests extends DispatcherIntegrationTestSupport {

    private static final long HUGE = 300L * 1024 * 1024;
    private static final long SLACK = 16L * 1024 * 1024;
    private static final long HEAP_GROWTH = 50L * 1024 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aDeclaredHugeFormBodyToAnUnknownPathIsRefusedWith413WithoutCredentialsOrReading() {
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
    void aDeclaredHugeBodyToTheAdminApiIsRefusedWith413BeforeTheTokenIsChecked() {
        Result result = new OversizeUpload(port).send("PUT", "/endpoints/ep_unknown", FORM, HUGE, false);

        assertProblem(result, 413, "payload-too-large");
        assertNotRead(result);
    }

    @Test
    void aChunkedHugeJsonBodyIsCutOffAtTheLimitWith413() {
        Result result = new OversizeUpload(port).header("Authorization", "Bearer " + ADMIN_TOKEN).body("", ' ')
                .send("POST", "/endpoints", "application/json", HUGE, true);

        assertProblem(result, 413, "payload-too-large");
        assertNotRead(result);
    }

    @Test
    void deeplyNestedJsonIsA400AndCreatesNoEndpoint() {
        String url = webhooks.url("/nested-" + UUID.randomUUID());

        HttpResponse<String> response = admin("POST", "/endpoints",
                "{\"url\":\"" + url + "\",\"description\":" + "[".repeat(500) + "]".repeat(500) + "}");

        assertMalformed(response);
        assertNoEndpoint(url);
    }

    @Test
    void aHugeFieldNameOrNumberIsA400AndCreatesNoEndpoint() {
        String url = webhooks.url("/huge-" + UUID.randomUUID());

        HttpResponse<String> name = admin("POST", "/endpoints",
                "{\"url\":\"" + url + "\",\"" + "n".repeat(5_000) + "\":1}");
        HttpResponse<String> number = admin("POST", "/endpoints",
                "{\"url\":\"" + url + "\",\"description\":" + "9".repeat(5_000) + "}");

        assertMalformed(name);
        assertMalformed(number);
        assertNoEndpoint(url);
    }

    @Test
    void aStringLongerThanTheBodyLimitIsA413AndCreatesNoEndpoint() {
        String url = webhooks.url("/long-" + UUID.randomUUID());

        HttpResponse<String> response = admin("POST", "/endpoints",
                "{\"url\":\"" + url + "\",\"description\":\"" + "d".repeat(70_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("type").asString()).isEqualTo("https://hookline.io/problems/payload-too-large");
        assertNoEndpoint(url);
    }

    private void assertMalformed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).get("type").asString()).isEqualTo("https://hookline.io/problems/malformed-json");
        assertThat(response.body()).doesNotContain("Jackson", "tools.", "exceeds");
    }

    private void assertNoEndpoint(String url) {
        assertThat(admin("GET", "/endpoints", null).body()).doesNotContain(url);
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
