package io.hookline.receiver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.inbox.InboxPublisher;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.TopicProbe;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.receiver.support.WebhookClient.Response;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.testsupport.TestKafka;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The non-blocking hand-off: no request thread waits for Kafka's acknowledgement, so a slow broker piles up pending
 * webhooks (bounded by {@code hookline.receiver.inbox.hand-off.max-in-flight}), not blocked threads, and each is refused with
 * the 503 problem within the send timeout; a broker that is down (the producer has lost its metadata) costs a request
 * thread at most {@code hookline.receiver.inbox.hand-off.max-block}. Two Tomcat threads only, so a thread that waited would
 * show at once. Its own context (slow acknowledgements by {@link SlowAcknowledgements}; it stops the shared broker),
 * like {@code InboxOutageIntegrationTests}.
 */
@ReceiverIntegrationTest
@TestPropertySource(properties = {
        "server.tomcat.threads.max=2",
        "server.tomcat.threads.min-spare=1",
        "hookline.receiver.inbox.send-timeout=3s",
        "hookline.receiver.inbox.retry-after=7s",
        "hookline.receiver.inbox.hand-off.max-in-flight=6",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.producer.properties.interceptor.classes=io.hookline.receiver.webhook.SlowAcknowledgements",
        "spring.datasource.url=jdbc:h2:mem:receiver-hand-off-tests;DB_CLOSE_DELAY=-1"})
class HandOffIntegrationTests {

    private static final int REQUESTS = 10;
    private static final int MAX_IN_FLIGHT = 6;

    @LocalServerPort
    int port;

    @Autowired
    InboxPublisher publisher;

    @Autowired
    InboxProperties inbox;

    @Test
    void whileKafkaIsSlowMoreWebhooksWaitThanThereAreThreadsTheBoundRefusesTheRestAndEachGets503() {
        WebhookClient client = new WebhookClient(port);
        assertThat(accepted(client)).as("warm-up while acknowledgements flow").isEqualTo(202);

        SlowAcknowledgements.hold();
        ExecutorService senders = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> postNew(client), senders));
            }

            // 6 hand-offs outstanding at once on 2 request threads: none of them holds a thread.
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.inFlight() == MAX_IN_FLIGHT);
            // Those beyond the bound are not queued in memory but refused at once.
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().filter(CompletableFuture::isDone)
                    .count() >= REQUESTS - MAX_IN_FLIGHT);
            assertThat(client.get("/actuator/health/liveness").status())
                    .as("a request thread is free while the hand-offs wait").isEqualTo(200);

            // The send timeout (3 s) answers the waiting ones, acknowledgement or not.
            await().atMost(Duration.ofSeconds(15)).until(() -> answers.stream().allMatch(CompletableFuture::isDone));
            answers.forEach(answer -> assertQueueUnavailable(answer.join()));
        } finally {
            SlowAcknowledgements.release();
            senders.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.inFlight() == 0);
        assertThat(accepted(client)).as("accepted again once acknowledgements flow").isEqualTo(202);
    }

    @Test
    void whileTheBrokerIsDownNoRequestThreadWaitsForItAndEveryWebhookGets503WithinTheSendTimeout() {
        WebhookClient client = new WebhookClient(port);
        assertThat(accepted(client)).as("warm-up while the broker is up").isEqualTo(202);

        TestKafka.stopBroker();
        ExecutorService senders = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> timed(client), senders));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream().allMatch(CompletableFuture::isDone));
            answers.forEach(answer -> assertQueueUnavailable(answer.join()));
            assertThat(client.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            senders.shutdownNow();
            TestKafka.startBroker();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> accepted(client) == 202);
    }

    @Test
    void clientsThatDisconnectMidBodyFreeTheirThreadsAndQueueNothing() throws Exception {
        String orderId = OrderPaidBodies.newOrderId();
        String body = OrderPaidBodies.valid(orderId);
        List<String> abandoned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String webhookId = OrderPaidBodies.newWebhookId();
            abandoned.add(webhookId);
            sendHalfAndDisconnect(webhookId, body);
        }

        String completed = OrderPaidBodies.newWebhookId();
        WebhookClient client = new WebhookClient(port);
        assertThat(client.postSigned(completed, body).status())
                .as("both request threads are free again after four abandoned requests").isEqualTo(202);

        // Same order id, same partition: what was queued for it before the 202 is on the partition before it.
        List<String> queued = TopicProbe.awaitRecords(inbox.topic(), 1,
                        record -> orderId.equals(record.key()) && completed.equals(
                                TopicProbe.header(record, WebhookHeaders.ID)))
                .stream().map(record -> TopicProbe.header(record, WebhookHeaders.ID)).toList();
        List<String> forTheOrder = TopicProbe.awaitRecords(inbox.topic(), queued.size(),
                record -> orderId.equals(record.key())).stream()
                .map(record -> TopicProbe.header(record, WebhookHeaders.ID)).toList();
        assertThat(forTheOrder).containsExactly(completed).doesNotContainAnyElementsOf(abandoned);
    }

    /** The status of a new valid webhook. */
    private static int accepted(WebhookClient client) {
        return postNew(client).status();
    }

    private static Response postNew(WebhookClient client) {
        return client.postSigned(OrderPaidBodies.newWebhookId(), OrderPaidBodies.valid(OrderPaidBodies.newOrderId()));
    }

    /** A webhook's answer, checked to come within the send timeout (3 s) plus slack for a busy machine. */
    private static Response timed(WebhookClient client) {
        long started = System.nanoTime();
        Response response = postNew(client);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        return response;
    }

    private static void assertQueueUnavailable(Response refused) {
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://hookline.io/problems/service-unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
    }

    /** Writes the headers (with the whole body's Content-Length) and half the body, then closes the socket. */
    private void sendHalfAndDisconnect(String webhookId, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + WebhookClient.ORDER_PAID_PATH + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n");
        for (Map.Entry<String, String> header : WebhookClient.signedHeaders(WebhookClient.SECRET, webhookId,
                Instant.now(), body).entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
        }
    }
}
