package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin API describes itself (OpenAPI and Swagger UI), without the admin token, as the other services do. */
class ApiDocsIntegrationTests extends DispatcherIntegrationTestSupport {

    @Test
    void openApiListsTheEndpointsAndAttemptsApi() {
        HttpResponse<String> response = call("GET", "/v3/api-docs", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        assertThat(paths.propertyNames()).contains("/endpoints", "/endpoints/{id}")
                .anySatisfy(path -> assertThat(path).startsWith("/events/").endsWith("/attempts"));
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> redirect = call("GET", "/swagger-ui.html", null, null);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

        HttpResponse<String> page = call("GET", location, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
