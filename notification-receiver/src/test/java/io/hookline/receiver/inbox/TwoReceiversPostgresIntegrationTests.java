package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.receiver.NotificationReceiverApplication;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.testsupport.TestKafka;
import io.hookline.testsupport.Prerequisites;
import io.hookline.testsupport.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Two whole receiver instances (HTTP, Kafka consumer group, worker) sharing one PostgreSQL database, as
 * deployed behind a load balancer: the same webhook delivered to both, at the same time and again after one
 * instance is gone, is recorded once and e-mailed once. Skipped, saying why, without PostgreSQL.
 */
class TwoReceiversPostgresIntegrationTests {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /**
     * Their own SMTP server: other test classes' cached receivers consume the same queue in their own
     * groups and send to the shared {@link TestSmtp}, so only this one counts these two instances' e-mails.
     */
    private final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        smtp.stop();
    }

    @Test
    void theSameWebhookOnTwoInstancesIsRecordedAndEmailedOnceAlsoAfterOneInstanceIsGone() throws Exception {
        Prerequisites.require(TestPostgres.available().isPresent(), TestPostgres.unavailableReason());
        smtp.start();
        String database = TestPostgres.freshSchema();
        String group = "two-receivers-" + UUID.randomUUID();
        ConfigurableApplicationContext a = start(database, group);
        ConfigurableApplicationContext b = start(database, group);
        await().atMost(Duration.ofSeconds(30)).until(() -> assigned(a) + assigned(b) == 3
                && assigned(a) > 0 && assigned(b) > 0);
        WebhookClient clientA = new WebhookClient(port(a));
        WebhookClient clientB = new WebhookClient(port(b));
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId);

        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                WebhookClient client = i % 2 == 0 ? clientA : clientB;
                answers.add(CompletableFuture.supplyAsync(() -> client.postSigned(webhookId, body).status(), senders));
            }
            assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(202);
        }
        awaitSentinelEmailed(clientB, orderId);

        a.close();
        assertThat(clientB.postSigned(webhookId, body).status()).isEqualTo(202);
        awaitSentinelEmailed(clientB, orderId);

        assertThat(emailsWithMessageId("<" + webhookId + "@hookline.local>")).isEqualTo(1);
        List<JsonNode> rows = clientB.notifications(orderId);
        assertThat(rows).hasSize(3).filteredOn(row -> webhookId.equals(row.get("event_id").asString()))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status").asString()).isEqualTo("sent");
                    assertThat(row.get("attempts").asInt()).isEqualTo(1);
                });
    }

    /** A new webhook for the same order (same partition, after the others) and its e-mail. */
    private void awaitSentinelEmailed(WebhookClient client, String orderId) {
        String sentinel = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(sentinel, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> emailsWithMessageId("<" + sentinel + "@hookline.local>") == 1);
    }

    private long emailsWithMessageId(String messageId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId.equals(TestSmtp.messageId(m))).count();
    }

    private ConfigurableApplicationContext start(String database, String group) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationReceiverApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestPostgres.user(),
                        "--spring.datasource.password=" + TestPostgres.password(),
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--spring.kafka.consumer.group-id=" + group,
                        "--hookline.receiver.inbox.topic=" + group + ".notifications.inbox",
                        "--hookline.receiver.inbox.dead-letter-topic=" + group + ".notifications.inbox.dlt",
                        "--spring.kafka.consumer.auto-offset-reset=latest",
                        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=500",
                        "--spring.kafka.listener.concurrency=1",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--management.endpoints.web.exposure.include=health");
        instances.add(context);
        return context;
    }

    private static int assigned(ConfigurableApplicationContext context) {
        if (!context.isActive()) {
            return 0;
        }
        var container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("notifications-inbox");
        return container == null || container.getAssignedPartitions() == null ? 0
                : container.getAssignedPartitions().size();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
