package io.hookline.dispatcher.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.dispatcher.delivery.LocalHttp;
import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.support.supervision.LoopsHealthIndicator;
import io.hookline.testsupport.TestKafka;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Endpoint secrets at rest, on the real dispatcher with an H2 file database in a temporary directory (its own
 * topics and groups on the shared test broker): a secret created through the admin API is nowhere in the bytes of
 * the database files, yet a new dispatcher on the same files signs with it; an upgrade from clear-text rows
 * encrypts them at startup; a new active key re-encrypts them all; removing a key too early fails loudly.
 */
class SecretsAtRestIntegrationTests {

    private static final String K1 = Base64.getEncoder().encodeToString(bytes("secrets-at-rest-test-key-one-123"));
    private static final String K2 = Base64.getEncoder().encodeToString(bytes("secrets-at-rest-test-key-two-456"));
    private static final String ADMIN = "secrets-at-rest-admin-token";
    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path data;

    private final String namespace = "secrets-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void aSecretCreatedThroughTheApiIsNowhereInTheDatabaseFilesAndStillSignsAfterARestart() throws Exception {
        String marker = "visible-description-" + UUID.randomUUID();
        String secret;
        String id;
        try (ConfigurableApplicationContext app = start("k1", Map.of("k1", K1))) {
            HttpResponse<String> created = admin(app, "POST", "/endpoints", "{\"url\":\"" + webhooks.url("/at-rest")
                    + "\",\"description\":\"" + marker + "\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            secret = json.readTree(created.body()).get("secret").asString();
            id = json.readTree(created.body()).get("id").asString();
        }

        DatabaseFiles files = DatabaseFiles.readAll(data);
        String base64 = secret.substring("whsec_".length());
        assertThat(files.contain(bytes(marker))).as("the files are readable: the description is there").isTrue();
        assertThat(files.contain(bytes(base64))).as("the secret's base64").isFalse();
        assertThat(files.contain(Base64.getDecoder().decode(base64))).as("the secret's key bytes").isFalse();
        assertThat(files.contain(Base64.getDecoder().decode(K1))).as("the encryption key").isFalse();
        assertThat(files.contain(bytes(K1))).as("the encryption key in base64").isFalse();

        try (ConfigurableApplicationContext app = start("k1", Map.of("k1", K1))) {
            assertThat(json.readTree(admin(app, "GET", "/endpoints/" + id + "/secret", null).body()).get("secret")
                    .asString()).isEqualTo(secret);
            UUID event = publishOrderPaid();
            await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.received("/at-rest", event).size() == 1);
            RecordingWebhookServer.ReceivedRequest request = webhooks.received("/at-rest", event).getFirst();
            new Webhook(secret).verify(request.bodyText(), request.headerLists());
        }
    }

    @Test
    void anUpgradeEncryptsClearRowsAtStartupANewActiveKeyReencryptsThemAndAnEarlyRemovedKeyFailsLoudly() {
        String url = "jdbc:h2:file:" + data.resolve("dispatcher") + ";WRITE_DELAY=0";
        SimpleDriverDataSource before = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
        Flyway.configure().dataSource(before).locations("classpath:db/migration").target("5").load().migrate();
        List<String> clear = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clear.add(clearTextEndpoint(JdbcClient.create(before), "ep_upgrade_" + i));
        }

        try (ConfigurableApplicationContext app = start("k1", Map.of("k1", K1))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> everyStoredSecretStartsWith(app, "enc:v1:k1:"));
            await().atMost(Duration.ofSeconds(5)).until(() -> prometheus(app)
                    .contains("hookline_secrets_reencryption_pending 0.0"));
            assertThat(prometheus(app)).contains("hookline_secrets_reencrypted_total 3.0");
            assertThat(reveal(app, "ep_upgrade_1")).isEqualTo(clear.get(1));
            assertThat(loopState(app)).isEqualTo("RUNNING");
        }
        try (ConfigurableApplicationContext app = start("k2", Map.of("k1", K1, "k2", K2))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> everyStoredSecretStartsWith(app, "enc:v1:k2:"));
            await().atMost(Duration.ofSeconds(5)).until(() -> prometheus(app)
                    .contains("hookline_secrets_reencryption_pending 0.0"));
        }
        try (ConfigurableApplicationContext app = start("k2", Map.of("k2", K2))) {
            assertThat(reveal(app, "ep_upgrade_0")).as("k1 removed once done").isEqualTo(clear.get(0));
            assertThat(reveal(app, "ep_upgrade_2")).isEqualTo(clear.get(2));
        }
        try (ConfigurableApplicationContext app = start("k1", Map.of("k1", K1))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "RESTARTING".equals(loopState(app)));
            assertThat(String.valueOf(loopDetails(app).get("last_failure"))).contains("'k2'",
                    "hookline.secrets.keys.k2");
            assertThat(LocalHttp.call(port(app), "GET", "/actuator/health/readiness", null, null).statusCode())
                    .isEqualTo(503);
            HttpResponse<String> reveal = admin(app, "GET", "/endpoints/ep_upgrade_0/secret", null);
            assertThat(reveal.statusCode()).isEqualTo(503);
            assertThat(reveal.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(reveal.body()).doesNotContain(clear.get(0));
        }
    }

    private static String clearTextEndpoint(JdbcClient jdbc, String id) {
        OffsetDateTime now = OffsetDateTime.now();
        String secret = io.hookline.schemas.signing.WebhookSecret.generate(new SecureRandom()).encoded();
        jdbc.sql("insert into endpoints (id, url, description, event_types, enabled, created_at, updated_at) "
                + "values (?, ?, '', 'order.refunded', true, ?, ?)").params(id, webhooks.url("/upgrade"), now, now)
                .update();
        jdbc.sql("insert into endpoint_secrets (endpoint_id, secret, created_at) values (?, ?, ?)")
                .params(id, secret, now).update();
        return secret;
    }

    private static boolean everyStoredSecretStartsWith(ConfigurableApplicationContext app, String prefix) {
        List<String> stored = JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("select secret from endpoint_secrets").query(String.class).list();
        return !stored.isEmpty() && stored.stream().allMatch(value -> value.startsWith(prefix));
    }

    private static String reveal(ConfigurableApplicationContext app, String id) {
        HttpResponse<String> response = admin(app, "GET", "/endpoints/" + id + "/secret", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("secret").asString();
    }

    private static String prometheus(ConfigurableApplicationContext app) {
        return LocalHttp.call(port(app), "GET", "/actuator/prometheus", null, null).body();
    }

    private static String loopState(ConfigurableApplicationContext app) {
        return String.valueOf(loopDetails(app).get("state"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loopDetails(ConfigurableApplicationContext app) {
        Object details = app.getBean(LoopsHealthIndicator.class).health().getDetails().get(ReencryptionLoop.LOOP);
        return details == null ? Map.of() : (Map<String, Object>) details;
    }

    private ConfigurableApplicationContext start(String activeKey, Map<String, String> keys) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("dispatcher") + ";WRITE_DELAY=0",
                "--hookline.dispatcher.topics.events=" + namespace + ".orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=" + namespace + ".orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=" + namespace + ".webhooks.deliveries",
                "--spring.kafka.consumer.group-id=" + namespace + ".fanout",
                "--hookline.dispatcher.delivery.group-id=" + namespace + ".deliveries",
                "--hookline.dispatcher.admin.token=" + ADMIN,
                "--hookline.dispatcher.directory.allow-private-urls=true",
                "--hookline.supervision.initial-backoff=200ms",
                "--hookline.secrets.keys.local-dev=",
                "--hookline.secrets.active-key=" + activeKey));
        keys.forEach((id, key) -> args.add("--hookline.secrets.keys." + id + "=" + key));
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(args.toArray(String[]::new));
    }

    private UUID publishOrderPaid() throws Exception {
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<OrderPaid> event = new EventEnvelope<>(UUID.randomUUID(), EventTypes.ORDER_PAID, paidAt,
                new OrderPaid(orderId, "ada@example.com", "Keyboard", 1, new BigDecimal("9.99"), "EUR",
                        new BigDecimal("9.99"), paidAt, null));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(namespace + ".orders.events", orderId,
                    json.writeValueAsString(event));
            record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        return event.id();
    }

    private static HttpResponse<String> admin(ConfigurableApplicationContext app, String method, String path,
            String body) {
        return LocalHttp.call(port(app), method, path, body, "Bearer " + ADMIN);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
