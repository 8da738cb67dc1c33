package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stops the dispatcher while deliveries wait on a retry topic and starts a new one on the same broker and
 * database: every delivery still arrives, none is dead-lettered. Runs its own dispatcher (own topics, groups,
 * file database), not the shared test context.
 */
class RestartMidRetryIntegrationTests {

    private static final String SECRET = "whsec_cmVzdGFydC1zZWNyZXQta2V5LWZvci10ZXN0cyEh";
    private static final RecordingWebhookServer webhooks = RecordingWebhookServer.start();
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @AfterAll
    static void stopServer() {
        webhooks.close();
    }

    @Test
    void deliversEverythingAfterARestartWhileDeliveriesWaitForTheirRetry() {
        List<EventEnvelope<OrderPaid>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(
                    DispatcherIntegrationTestSupport.newOrderId());
            webhooks.answer("/restart", event.id(), 500);
            events.add(event);
        }
        ConfigurableApplicationContext first = start();
        events.forEach(RestartMidRetryIntegrationTests::publish);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                .allMatch(event -> webhooks.received("/restart", event.id()).size() == 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptCount(first) == events.size());

        first.close();
        assertThat(events).allMatch(event -> webhooks.received("/restart", event.id()).size() == 1);
        ConfigurableApplicationContext second = start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .allMatch(event -> webhooks.received("/restart", event.id()).size() == 2));
            assertThat(events).allSatisfy(event -> assertThat(webhooks.received("/restart", event.id()))
                    .extracting(RecordingWebhookServer.ReceivedRequest::answeredStatus).containsExactly(500, 200));
            await().atMost(Duration.ofSeconds(5)).until(() -> attemptCount(second) == 2 * events.size());
            assertThat(JdbcClient.create(second.getBean(javax.sql.DataSource.class))
                    .sql("select count(*) from delivery_attempts where succeeded").query(Long.class).single())
                    .isEqualTo(events.size());
        } finally {
            second.close();
        }
    }

    private static long attemptCount(ConfigurableApplicationContext context) {
        return JdbcClient.create(context.getBean(javax.sql.DataSource.class))
                .sql("select count(*) from delivery_attempts").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("dispatcher") + ";WRITE_DELAY=0",
                "--hookline.dispatcher.topics.events=restart-tests.orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=restart-tests.orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=restart-tests.webhooks.deliveries",
                "--spring.kafka.consumer.group-id=restart-tests",
                "--hookline.dispatcher.delivery.group-id=restart-tests-deliveries",
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--hookline.dispatcher.retry.delays=4s",
                "--hookline.dispatcher.endpoints[0].name=restart",
                "--hookline.dispatcher.endpoints[0].url=" + webhooks.url("/restart"),
                "--hookline.dispatcher.endpoints[0].secret=" + SECRET);
    }

    private static void publish(EventEnvelope<OrderPaid> event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>("restart-tests.orders.events",
                    event.data().orderId(), json.writeValueAsString(event));
            record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
