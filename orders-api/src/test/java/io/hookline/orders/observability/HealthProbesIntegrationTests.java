package io.hookline.orders.observability;

import io.hookline.orders.TestApiKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.kafka.embedded.KraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health shows Kafka; neither readiness nor liveness depends on it: while the broker is away the API keeps taking
 * orders (the outbox holds the events), so it stays in the load balancer. The broker here is this class's own
 * (the shared test broker is never stopped): an embedded KRaft node that restarts on the same port with its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:health-probes;DB_CLOSE_DELAY=-1",
        "hookline.health.kafka.timeout=1s",
        "hookline.health.kafka.cache-for=200ms"})
@ActiveProfiles("test")
class HealthProbesIntegrationTests {

    private static final KraftBroker broker = startBroker();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void readinessStaysUpWhileTheBrokerIsAwayAndHealthShowsKafkaDown() {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        JsonNode ready = json.readTree(get("/actuator/health/readiness").body());
        assertThat(ready.get("status").asString()).isEqualTo("UP");
        assertThat(ready.get("components").propertyNames()).contains("db", "loops", "readinessState")
                .doesNotContain("kafka");
        await().atMost(Duration.ofSeconds(20)).until(() -> kafkaStatus().equals("UP"));
        assertLive();

        broker.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> kafkaStatus().equals("DOWN"));
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode stillReady = json.readTree(readiness.body());
        assertThat(stillReady.get("status").asString()).isEqualTo("UP");
        assertThat(stillReady.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(stillReady.get("components").propertyNames()).doesNotContain("kafka");
        assertThat(get("/actuator/health").statusCode()).as("overall health shows the outage").isEqualTo(503);
        assertLive();
        assertThat(post("/orders", """
                {"customer_email": "ada@example.com", "product_name": "Pen", "quantity": 1,
                 "unit_price": "1.00", "currency": "USD"}""").statusCode())
                .as("orders are taken while Kafka is away").isEqualTo(201);

        broker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> kafkaStatus().equals("UP"));
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertLive();
    }

    private String kafkaStatus() {
        return json.readTree(get("/actuator/health").body()).at("/components/kafka/status").asString();
    }

    private HttpResponse<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", TestApiKeys.CLIENT_BEARER)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    private void assertLive() {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        JsonNode live = json.readTree(liveness.body());
        assertThat(live.get("status").asString()).isEqualTo("UP");
        assertThat(live.path("components").propertyNames()).doesNotContain("kafka", "db");
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    private static KraftBroker startBroker() {
        try {
            return KraftBroker.create(0, Files.createTempDirectory("hookline-health-kafka-")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
