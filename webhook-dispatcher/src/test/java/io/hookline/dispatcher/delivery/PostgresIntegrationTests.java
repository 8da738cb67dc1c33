package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoint store, secret rotation and the attempt log on PostgreSQL (skipped, with the reason, when no
 * PostgreSQL is configured). Runs its own dispatcher with its own topics and groups.
 */
class PostgresIntegrationTests {

    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();
    private static final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void managesEndpointsRotatesSecretsAndRecordsAttemptsOnPostgres() throws Exception {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        try (ConfigurableApplicationContext dispatcher = start();
             HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://localhost:" + dispatcher.getEnvironment().getProperty("local.server.port");
            String path = "/pg-" + UUID.randomUUID();
            JsonNode created = post(http, base + "/endpoints", "{\"url\":\"" + webhooks.url(path) + "\"}");
            String id = created.get("id").asString();
            String second = post(http, base + "/endpoints/" + id + "/rotate-secret", "{\"overlap_seconds\":60}")
                    .get("secret").asString();

            EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(
                    DispatcherIntegrationTestSupport.newOrderId());
            publish(event);

            await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received(path, event.id()).size() == 1);
            RecordingWebhookServer.ReceivedRequest request = webhooks.received(path, event.id()).getFirst();
            new Webhook(created.get("secret").asString()).verify(request.bodyText(), request.headerLists());
            new Webhook(second).verify(request.bodyText(), request.headerLists());
            await().atMost(Duration.ofSeconds(5)).until(() -> get(http, base + "/events/" + event.id() + "/attempts")
                    .get("data").size() == 1);
            JsonNode attempt = get(http, base + "/endpoints/" + id + "/attempts").get("data").get(0);
            assertThat(attempt.get("status").asInt()).isEqualTo(200);
            assertThat(attempt.get("event_id").asString()).isEqualTo(event.id().toString());
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=" + TestPostgres.freshSchema(),
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--hookline.dispatcher.admin.token=pg-token",
                "--hookline.dispatcher.directory.allow-private-urls=true",
                "--hookline.dispatcher.topics.events=pg-tests.orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=pg-tests.orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=pg-tests.webhooks.deliveries",
                "--spring.kafka.consumer.group-id=pg-tests",
                "--hookline.dispatcher.delivery.group-id=pg-tests-deliveries");
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer pg-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer pg-token")
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void publish(EventEnvelope<OrderPaid> event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("pg-tests.orders.events", event.data().orderId(),
                    json.writeValueAsString(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
