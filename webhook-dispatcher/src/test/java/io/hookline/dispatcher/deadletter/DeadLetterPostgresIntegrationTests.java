package io.hookline.dispatcher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.dispatcher.delivery.DeliveryHeaders;
import io.hookline.dispatcher.delivery.RecordingWebhookServer;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter index on PostgreSQL (skipped, with the reason, when none is configured): two dispatcher
 * instances share one database and index the same topics; two replays of one dead letter at once, one on each
 * instance, queue it once; a discard; and after the index tables are emptied the same states come back.
 */
class DeadLetterPostgresIntegrationTests {

    private static final String PREFIX = "pg-dl-tests.";
    private static final String DLT = PREFIX + "webhooks.deliveries.dlt";
    private static final String SECRET = "whsec_cGctZGVhZC1sZXR0ZXItc2VjcmV0LWtleSEhIQ==";
    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();
    private static final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void sharesOneIndexBetweenInstancesQueuesAReplayOnceAndRebuildsOnPostgres() {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        String database = TestPostgres.freshSchema();
        try (ConfigurableApplicationContext one = start(database); ConfigurableApplicationContext two = start(database);
                HttpClient http = HttpClient.newHttpClient()) {
            UUID replayed = produceDeadLetter("ord_pg_1", Instant.now());
            produceDeadLetter("ord_pg_2", Instant.now().plusMillis(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> get(http, one, "/dead-letters?endpoint_id=pg-alpha")
                    .get("data").size() == 2);
            JsonNode listed = get(http, two, "/dead-letters?endpoint_id=pg-alpha");
            String toReplay = listed.get("data").get(1).get("id").asString();
            String toDiscard = listed.get("data").get(0).get("id").asString();

            List<HttpResponse<String>> replays = List.of(
                    CompletableFuture.supplyAsync(() -> post(http, one, "/dead-letters/" + toReplay + "/replay")),
                    CompletableFuture.supplyAsync(() -> post(http, two, "/dead-letters/" + toReplay + "/replay")))
                    .stream().map(CompletableFuture::join).toList();
            assertThat(replays).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 202);
            assertThat(post(http, two, "/dead-letters/" + toDiscard + "/discard").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> get(http, one, "/dead-letters/" + toReplay)
                    .get("replay").get("outcome").asString().equals("delivered"));
            assertThat(replaysQueued(toReplay)).isEqualTo(1);
            assertThat(webhooks.received("/pg-alpha", replayed)).hasSize(1);
            JsonNode before = get(http, one, "/dead-letters?endpoint_id=pg-alpha");
            assertThat(before.get("data").valueStream().map(d -> d.get("status").asString()))
                    .containsExactly("discarded", "replayed");

            JdbcClient jdbc = one.getBean(JdbcClient.class);
            jdbc.sql("delete from dead_letter_index_positions").update();
            jdbc.sql("delete from dead_letter_actions").update();
            assertThat(jdbc.sql("delete from dead_letters").update()).isEqualTo(2);

            await().atMost(Duration.ofSeconds(20)).until(() -> get(http, two, "/dead-letters?endpoint_id=pg-alpha")
                    .equals(before));
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--hookline.dispatcher.admin.token=pg-token",
                "--hookline.dispatcher.directory.allow-private-urls=true",
                "--hookline.dispatcher.endpoints[0].name=pg-alpha",
                "--hookline.dispatcher.endpoints[0].url=" + webhooks.url("/pg-alpha"),
                "--hookline.dispatcher.endpoints[0].secret=" + SECRET,
                "--hookline.dispatcher.topics.events=" + PREFIX + "orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=" + PREFIX + "orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=" + PREFIX + "webhooks.deliveries",
                "--spring.kafka.consumer.group-id=pg-dl-tests",
                "--hookline.dispatcher.delivery.group-id=pg-dl-tests-deliveries");
    }

    /** Replay records of the dead letter on the delivery and retry topics, read to their end (both calls answered). */
    private static long replaysQueued(String deadLetterId) {
        List<String> topics = new ArrayList<>(List.of(PREFIX + "webhooks.deliveries"));
        IntStream.rangeClosed(1, 7).mapToObj(n -> PREFIX + "webhooks.deliveries.retry." + n).forEach(topics::add);
        return KafkaTopics.readToEnd(topics).stream()
                .filter(record -> record.headers().lastHeader(DeliveryHeaders.REPLAY_OF) != null && deadLetterId.equals(
                        new String(record.headers().lastHeader(DeliveryHeaders.REPLAY_OF).value(), StandardCharsets.UTF_8)))
                .count();
    }

    private static UUID produceDeadLetter(String key, Instant at) {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(DLT, null, at.toEpochMilli(), key,
                "{\"type\":\"order.paid\",\"data\":{}}");
        Map.of(DeliveryHeaders.DELIVERY_ID, "dlv_" + eventId.toString().replace("-", ""),
                DeliveryHeaders.EVENT_ID, eventId.toString(), DeliveryHeaders.EVENT_TYPE, "order.paid",
                DeliveryHeaders.ENDPOINT_ID, "pg-alpha", DeliveryHeaders.ATTEMPTS, "8",
                DeliveryHeaders.LAST_STATUS, "500", DeliveryHeaders.DLT_REASON, "not delivered after 8 attempts")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private static JsonNode get(HttpClient http, ConfigurableApplicationContext app, String path) {
        return json.readTree(send(http, app, "GET", path).body());
    }

    private static HttpResponse<String> post(HttpClient http, ConfigurableApplicationContext app, String path) {
        return send(http, app, "POST", path);
    }

    private static HttpResponse<String> send(HttpClient http, ConfigurableApplicationContext app, String method,
            String path) {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                    HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer pg-token").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
