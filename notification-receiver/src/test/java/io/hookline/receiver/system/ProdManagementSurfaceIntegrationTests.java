package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.NotificationReceiverApplication;
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
 * The management surface of the real receiver under the {@code prod} profile (on PostgreSQL, which the profile
 * insists on; skipped, with the reason, without one): {@code GET /notifications} and the actuator endpoints but
 * health need {@code hookline.receiver.admin.token}, and neither Swagger UI nor the OpenAPI document is served.
 */
class ProdManagementSurfaceIntegrationTests {

    private static final String TOKEN = "prod-surface-receiver-token-0123456789";
    private static final String SECRET = "whsec_cHJvZC1zdXJmYWNlLXNpZ25pbmctc2VjcmV0IQ==";
    private static final String NAMESPACE = "prod-surface-receiver";
    private static ConfigurableApplicationContext receiver;
    private static String base;

    @BeforeAll
    static void startUnderProd() {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        receiver = new SpringApplicationBuilder(NotificationReceiverApplication.class).profiles("prod").run(
                "--server.port=0",
                "--spring.datasource.url=" + TestPostgres.freshSchema(),
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + NAMESPACE,
                "--hookline.receiver.inbox.topic=" + NAMESPACE + ".notifications.inbox",
                "--hookline.receiver.inbox.dead-letter-topic=" + NAMESPACE + ".notifications.inbox.dlt",
                // the test broker is a single node
                "--hookline.receiver.topic.replication-factor=1",
                // the single test broker cannot hold the replication the prod topic check expects
                "--hookline.topics.verify.enabled=false",
                "--hookline.receiver.secrets[0]=" + SECRET,
                "--hookline.receiver.admin.token=" + TOKEN,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=1");
        base = "http://127.0.0.1:" + receiver.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void notificationsPrometheusAndTheOtherActuatorEndpointsNeedTheAdminToken() {
        for (String path : new String[] {"/notifications?order_id=ord_x", "/actuator/prometheus",
                "/actuator/prometheus;x", "/actuator", "/actuator/info"}) {
            assertUnauthorized(get(path, null));
            assertUnauthorized(get(path, "Bearer " + AdminProperties.DEVELOPMENT_TOKEN));
        }

        HttpResponse<String> scraped = get("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> notifications = get("/notifications?order_id=ord_x", "Bearer " + TOKEN);
        assertThat(notifications.statusCode()).isEqualTo(200);
        assertThat(notifications.body()).isEqualTo("[]");
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
