package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import io.hookline.testsupport.TestKafka;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * While Kafka is down nothing is accepted: the sender gets 503 with Retry-After, quickly, and retries.
 * Its own context (short send timeout, no listener) so the outage touches no other test's settings.
 */
@ReceiverIntegrationTest
@TestPropertySource(properties = {
        "hookline.receiver.inbox.send-timeout=1s",
        "hookline.receiver.inbox.retry-after=7s",
        "spring.kafka.listener.auto-startup=false",
        "spring.datasource.url=jdbc:h2:mem:receiver-outage-tests;DB_CLOSE_DELAY=-1"})
class InboxOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void webhookIsRefusedWith503AndRetryAfterWhileTheQueueIsDownAndAcceptedOnceItIsBack() {
        WebhookClient client = new WebhookClient(port);
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        assertThat(client.postSigned(OrderPaidBodies.newWebhookId(), OrderPaidBodies.valid(orderId)).status())
                .as("warm-up while the broker is up").isEqualTo(202);

        TestKafka.stopBroker();
        try {
            long started = System.nanoTime();
            Response refused = client.postSigned(webhookId, OrderPaidBodies.valid(orderId));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("https://hookline.io/problems/service-unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        } finally {
            TestKafka.startBroker();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.postSigned(webhookId, OrderPaidBodies.valid(orderId)).status() == 202);
    }
}
