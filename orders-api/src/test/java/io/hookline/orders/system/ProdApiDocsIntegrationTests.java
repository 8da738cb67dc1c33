package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.OrdersApiApplication;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Under the {@code prod} profile (on PostgreSQL, which it insists on; skipped, with the reason, without one)
 * neither Swagger UI nor the OpenAPI document is served.
 */
class ProdApiDocsIntegrationTests {

    @Test
    void swaggerUiAndTheOpenApiDocumentAreNotServedUnderProd() throws Exception {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        try (ConfigurableApplicationContext orders = new SpringApplicationBuilder(OrdersApiApplication.class)
                .profiles("prod").run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestPostgres.freshSchema(),
                        "--spring.datasource.username=" + TestPostgres.user(),
                        "--spring.datasource.password=" + TestPostgres.password(),
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        // the test broker is a single node
                        "--hookline.orders.topic.replication-factor=1",
                        // the single test broker cannot hold the replication the prod topic check expects
                        "--hookline.topics.verify.enabled=false",
                        // the prod profile refuses to start without an admin key of its own
                        "--hookline.orders.auth.admin-key=prod-admin-key-0123456789abcdef0123456789abcdef");
             HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + orders.getEnvironment().getProperty("local.server.port");

            for (String path : new String[] {"/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(response.body()).contains("https://hookline.io/problems/not-found")
                        .doesNotContain("\"openapi\"", "SwaggerUIBundle");
            }
        }
    }
}
