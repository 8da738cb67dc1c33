package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.notification.NotificationStore;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.receiver.support.WebhookClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Readiness tells when a background part of the receiver is not working: a sender loop that died of a failure
 * outside per-notification handling is DOWN by name until its restart runs, then e-mails flow; an inbox listener
 * container that stopped abnormally is DOWN until it runs again. Its own context: the failure is injected into
 * its own notification store (a subclass whose look-up of due notifications throws while a switch is on).
 */
@ReceiverIntegrationTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:receiver-supervision-tests;DB_CLOSE_DELAY=-1",
        "hookline.receiver.mail.senders=1",
        "management.endpoint.health.group.readiness.show-details=always"})
class SupervisedLoopsIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A store whose {@code due} query fails while {@link #fail} is on, as if the database broke under it. */
    static class FaultyStore extends NotificationStore {
        private final AtomicBoolean failing = new AtomicBoolean();

        /** A method, not a field: the bean is proxied (exception translation of a {@code @Repository}). */
        public void fail(boolean on) {
            failing.set(on);
        }

        FaultyStore(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public List<String> due(Instant now, int limit) {
            if (failing.get()) {
                throw new IllegalStateException("injected: the due query failed");
            }
            return super.due(now, limit);
        }
    }

    @TestConfiguration
    static class Faults {
        @Bean
        @Primary
        FaultyStore faultyStore(JdbcClient jdbc) {
            return new FaultyStore(jdbc);
        }
    }

    @Autowired
    FaultyStore store;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    int port;

    @Test
    void aSenderLoopThatDiesTakesReadinessDownByNameUntilItsRestartRunsThenEmailsAreSent() {
        WebhookClient client = new WebhookClient(port);
        store.fail(true);
        JsonNode down = await().atMost(PATIENCE).until(() -> client.get("/actuator/health/readiness"),
                r -> r.status() == 503).json();
        JsonNode loop = down.at("/components/loops/components/confirmation-sender-0/details");
        assertThat(loop.get("state").asString()).isEqualTo("RESTARTING");
        assertThat(loop.get("last_failure").asString()).contains("injected: the due query failed");

        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> client.notifications(orderId), rows -> rows.size() == 1);
        store.fail(false);

        await().atMost(PATIENCE).until(() -> client.get("/actuator/health/readiness").status() == 200);
        await().atMost(PATIENCE).until(() -> TestSmtp.withMessageId("<" + webhookId + "@hookline.local>").size() == 1);
        assertThat(client.notifications(orderId).get(0).get("status").asString()).isEqualTo("sent");
        JsonNode up = client.get("/actuator/health/readiness").json();
        assertThat(up.at("/components/loops/components/confirmation-sender-0/details/restarts").asInt()).isPositive();
    }

    @Test
    void anInboxListenerThatStoppedAbnormallyTakesReadinessDownUntilItRunsAgain() {
        WebhookClient client = new WebhookClient(port);
        MessageListenerContainer container = listeners.getListenerContainer("notifications-inbox");
        await().atMost(PATIENCE).until(() -> client.get("/actuator/health/readiness").status() == 200);

        container.stopAbnormally(() -> { });
        JsonNode down = await().atMost(PATIENCE).until(() -> client.get("/actuator/health/readiness"),
                r -> r.status() == 503).json();
        assertThat(down.at("/components/inboxListener/status").asString()).isEqualTo("DOWN");
        assertThat(down.at("/components/inboxListener/details/listener").asString()).isEqualTo("notifications-inbox");

        container.start();
        await().atMost(PATIENCE).until(() -> client.get("/actuator/health/readiness").status() == 200);
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> TestSmtp.withMessageId("<" + webhookId + "@hookline.local>").size() == 1);
    }
}
