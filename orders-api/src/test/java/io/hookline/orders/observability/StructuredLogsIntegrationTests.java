package io.hookline.orders.observability;

import io.hookline.orders.TestApiKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.testsupport.UsesTestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code logging.structured.format.console=ecs} every line is one JSON object, and the lines about an order
 * carry {@code order_id}, {@code event_id} and the request's {@code traceId} as fields: the request thread's line
 * and the outbox relay's, written later on another thread. ({@code logging.config} points at Boot's own console
 * appender, as Boot sets it up without a logback file: test-support's {@code logback-test.xml} would win otherwise.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:structured-logs;DB_CLOSE_DELAY=-1",
        "logging.config=classpath:logback-structured.xml",
        "logging.structured.format.console=ecs",
        "logging.level.io.hookline.orders.outbox.OutboxSender=debug"})
@UsesTestKafka
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIntegrationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void linesAboutAnOrderAreJsonWithItsOrderIdEventIdAndTraceId(CapturedOutput output) {
        String id = json.readTree(post("/orders", null, """
                {"customer_email": "ada@example.com", "product_name": "Keyboard", "quantity": 1,
                 "unit_price": "29.99", "currency": "USD"}""").body()).get("id").asString();

        post("/orders/" + id + "/payment", "00-" + TRACE_ID + "-00f067aa0ba902b7-01", "{\"payment_method\": \"tok_visa\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> linesAbout(output, id).stream()
                .anyMatch(line -> message(line).startsWith("Publishing order.paid event")));
        List<JsonNode> lines = linesAbout(output, id);
        assertThat(lines).extracting(StructuredLogsIntegrationTests::message).as("the creation's own event")
                .anySatisfy(message -> assertThat(message).startsWith("Publishing order.created event"));
        String eventId = lines.stream().filter(line -> message(line).startsWith("Order " + id + " paid")).findFirst()
                .orElseThrow().path("event_id").asString();
        assertThat(eventId).isNotBlank();
        List<JsonNode> payment = lines.stream().filter(line -> eventId.equals(line.path("event_id").asString()))
                .toList();
        assertThat(payment).extracting(StructuredLogsIntegrationTests::message)
                .anySatisfy(message -> assertThat(message).startsWith("Order " + id + " paid"))
                .anySatisfy(message -> assertThat(message).startsWith("Publishing order.paid event"));
        assertThat(payment).allSatisfy(line -> {
            assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
            assertThat(line.path("service").path("name").asString()).isEqualTo("orders-api");
        });
        assertThat(payment).extracting(line -> line.path("process").path("thread").path("name").asString())
                .contains("outbox-relay");
    }

    private static String message(JsonNode line) {
        return line.path("message").asString();
    }

    private List<JsonNode> linesAbout(CapturedOutput output, String orderId) {
        return output.getOut().lines()
                .filter(line -> line.startsWith("{") && line.contains(orderId))
                .map(json::readTree)
                .filter(line -> orderId.equals(line.path("order_id").asString()))
                .toList();
    }

    private HttpResponse<String> post(String path, String traceparent, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestApiKeys.CLIENT_BEARER)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
    }
}
