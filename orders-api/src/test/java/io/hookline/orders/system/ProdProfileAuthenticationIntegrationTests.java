package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.orders.OrdersApiApplication;
import io.hookline.orders.TestApiKeys;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service under the {@code prod} profile, on PostgreSQL (skipped without one) and the test broker:
 * the management endpoints answer only the admin key, the development keys are refused, and a database that
 * still holds the active development client key keeps the service from starting.
 */
class ProdProfileAuthenticationIntegrationTests {

    private static final String ADMIN_KEY = "prod-admin-key-" + "0123456789abcdef0123456789abcdef";
    private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static int port;

    @BeforeAll
    static void startUnderProd() {
        Prerequisites.require(TestPostgres.available().isPresent(),
                "prod profile tests need PostgreSQL: " + TestPostgres.unavailableReason());
        port = port(start("prod", TestPostgres.freshSchema()));
    }

    @AfterAll
    static void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theManagementEndpointsAnswerOnlyTheAdminKeyButHealthStaysOpen() {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json.readTree(anonymous.body()).get("type").stringValue())
                .isEqualTo("https://hookline.io/problems/unauthorized");
        assertThat(get("/actuator", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info", "sk_live_" + "x".repeat(43)).statusCode()).isEqualTo(401);

        String clientKey = createClientKey();
        HttpResponse<String> client = get("/actuator/prometheus", clientKey);
        assertThat(client.statusCode()).isEqualTo(403);
        assertThat(client.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(client.body()).get("type").stringValue())
                .isEqualTo("https://hookline.io/problems/forbidden");

        HttpResponse<String> admin = get("/actuator/prometheus", ADMIN_KEY);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("hookline_outbox_unpublished");
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theDevelopmentKeysAreNotAcceptedAndNewKeysAreLiveKeys() {
        assertThat(get("/orders", TestApiKeys.CLIENT).statusCode()).isEqualTo(401);
        assertThat(get("/clients", TestApiKeys.ADMIN).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestApiKeys.ADMIN).statusCode()).isEqualTo(401);

        String key = createClientKey();

        assertThat(key).startsWith("sk_live_");
        assertThat(get("/orders", key).statusCode()).isEqualTo(200);
    }

    @Test
    void aDatabaseWithTheActiveDevelopmentClientKeyKeepsProdFromStarting() {
        String schema = TestPostgres.freshSchema();
        start("default", schema).close();

        assertThatThrownBy(() -> start("prod", schema))
                .hasStackTraceContaining("The prod profile refuses to start")
                .hasStackTraceContaining("hookline.orders.auth.development-keys.client-key")
                .satisfies(e -> assertThat(Throwables.getStackTrace(e)).doesNotContain(TestApiKeys.CLIENT));
    }

    private static String createClientKey() {
        HttpResponse<String> created = post("/clients", ADMIN_KEY, "{\"name\": \"Prod shop\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        return body.at("/api_key/key").stringValue();
    }

    private static ConfigurableApplicationContext start(String profile, String datasourceUrl) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApiApplication.class)
                .profiles(profile)
                .run("--server.port=0",
                        "--spring.datasource.url=" + datasourceUrl,
                        "--spring.datasource.username=" + TestPostgres.user(),
                        "--spring.datasource.password=" + TestPostgres.password(),
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--hookline.orders.topic.replication-factor=1",
                        // the single test broker cannot hold the replication the prod topic check expects
                        "--hookline.topics.verify.enabled=false",
                        "--hookline.orders.auth.admin-key=" + ADMIN_KEY);
        contexts.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
    }

    private static HttpResponse<String> post(String path, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }
}
