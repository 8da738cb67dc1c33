package io.hookline.dispatcher.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The management surface of the real dispatcher under the {@code prod} profile (on PostgreSQL, which the
 * profile insists on; skipped, with the reason, without one): the actuator endpoints but health need the admin
 * token, and neither Swagger UI nor the OpenAPI document is served. Its own topics and consumer groups.
 */
class ProdManagementSurfaceIntegrationTests {

    private static final String TOKEN = "prod-surface-admin-token-0123456789";
    private static final String NAMESPACE = "prod-surface";
    private static ConfigurableApplicationContext dispatcher;
    private static String base;

    @BeforeAll
    static void startUnderProd() {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        dispatcher = new SpringApplicationBuilder(WebhookDispatcherApplication.class).profiles("prod").run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=" + TestPostgres.freshSchema(),
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--hookline.dispatcher.admin.token=" + TOKEN,
                // the prod profile insists on an encryption key of its own for the secrets at rest
                "--hookline.secrets.active-key=prod-surface",
                "--hookline.secrets.keys.prod-surface=" + java.util.Base64.getEncoder()
                        .encodeToString("prod-surface-key-of-32-bytes-xyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                // the test broker is a single node
                "--hookline.dispatcher.topics.replication-factor=1",
                // the single test broker cannot hold the replication the prod topic check expects
                "--hookline.topics.verify.enabled=false",
                "--hookline.dispatcher.topics.events=" + NAMESPACE + ".orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=" + NAMESPACE + ".orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=" + NAMESPACE + ".webhooks.deliveries",
                "--hookline.dispatcher.dead-letters.inbox-topic=" + NAMESPACE + ".notifications.inbox",
                "--hookline.dispatcher.dead-letters.inbox-dead-letter-topic=" + NAMESPACE + ".notifications.inbox.dlt",
                "--hookline.dispatcher.operations.topic=" + NAMESPACE + ".operational-events",
                "--spring.kafka.consumer.group-id=" + NAMESPACE + ".fanout",
                "--hookline.dispatcher.delivery.group-id=" + NAMESPACE + ".deliveries");
        base = "http://127.0.0.1:" + dispatcher.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    @Test
    void prometheusAndTheOtherActuatorEndpointsNeedTheAdminToken() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/prometheus;x", "/actuator",
                "/actuator/info"}) {
            assertUnauthorized(get(path, null));
            assertUnauthorized(get(path, "Bearer not-the-admin-token"));
        }

        HttpResponse<String> scraped = get("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthAndItsProbesNeedNoToken() {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/liveness", null).statusCode() == 200);
        assertThat(get("/actuator/health", null).statusCode()).isIn(200, 503);
        assertThat(get("/actuator/health", null).body()).contains("\"status\"");
    }

    @Test
    void swaggerUiAndTheOpenApiDocumentAreNotServed() {
        for (String path : new String[] {"/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs"}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void theAdminApiStillAnswersWithTheToken() {
        assertThat(get("/endpoints", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertUnauthorized(get("/endpoints", null));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("https://hookline.io/problems/unauthorized").doesNotContain(TOKEN);
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
