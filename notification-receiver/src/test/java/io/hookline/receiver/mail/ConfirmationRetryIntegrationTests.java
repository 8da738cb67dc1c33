package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.support.FakeSmtpServer;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.ReceiverIntegrationTest;
import io.hookline.receiver.support.WebhookClient;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole receiver (HTTP, broker, database, sender loops) against a small SMTP server on a real port whose
 * answers the test chooses, with time driven by an injected clock: one address failing transiently does not hold
 * up the others, a {@code 550} parks exactly that notification, and a server slower than the socket timeout does
 * not get the same {@code Message-ID} twice while the sender's lease holds.
 */
@ReceiverIntegrationTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:receiver-retry-tests;DB_CLOSE_DELAY=-1",
        // A read timeout short enough for the slow-server test, long enough for a loaded machine's loopback.
        "spring.mail.properties.mail.smtp.timeout=4000",
        "hookline.receiver.mail.send-deadline=15s",
        "hookline.receiver.mail.sending-lease=20s",
        "hookline.receiver.mail.retry.initial-interval=5s",
        "hookline.receiver.mail.retry.max-interval=20s",
        "hookline.receiver.mail.retry.jitter=0",
        // The clock is advanced by minutes; the real-time signatures of later webhooks must stay within tolerance.
        "hookline.receiver.tolerance=1h"})
class ConfirmationRetryIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofSeconds(20);
    static final FakeSmtpServer SMTP = new FakeSmtpServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @TestConfiguration
    static class Time {
        /** Starts at the real time, so the webhooks' signatures stay within the tolerance as it is advanced. */
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Autowired
    InboxProperties inbox;

    @Autowired
    MutableClock clock;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @LocalServerPort
    int port;

    private WebhookClient client;
    /** The order id of every webhook a test posted, by webhook id. */
    private final Map<String, String> orders = new ConcurrentHashMap<>();

    @BeforeEach
    void connect() {
        client = new WebhookClient(port);
        KafkaGroups.awaitAssigned(groupId, List.of(inbox.topic()));
    }

    @Test
    void anSmtpOutageOfThreeMinutesEndsWithEveryEmailSentExactlyOnceAndNoneParked() {
        SMTP.down(true);
        List<String> ids;
        try {
            ids = List.of(post("ada@example.com"), post("bob@example.com"), post("cy@example.com"),
                    post("dee@example.com"), post("eve@example.com"));
            Instant outageEnds = clock.instant().plus(Duration.ofMinutes(3));
            int attempts = 1;
            while (clock.instant().isBefore(outageEnds)) {
                int expected = attempts;
                List<JsonNode> rows = ids.stream().map(id -> awaitAttempts(id, expected)).toList();
                assertThat(rows).allSatisfy(row -> assertThat(row.get("last_error").asString()).contains("did not accept"));
                Instant due = rows.stream().map(row -> Instant.parse(row.get("next_attempt_at").asString()))
                        .max(Instant::compareTo).orElseThrow();
                clock.advance(Duration.between(clock.instant(), due));
                attempts++;
            }
            assertThat(attempts).as("5 s, 10 s, then every 20 s for three minutes").isGreaterThanOrEqualTo(10);
        } finally {
            SMTP.down(false);
        }

        ids.forEach(id -> awaitStatus(id, "sent"));
        ids.forEach(id -> assertThat(SMTP.withMessageId(messageId(id))).hasSize(1));
        assertThat(KafkaTopics.readToEnd(List.of(inbox.deadLetterTopic())))
                .noneMatch(record -> ids.contains(KafkaTopics.header(record, WebhookHeaders.ID)));
    }

    @Test
    void otherEmailsKeepFlowingWhileOneAddressKeepsFailingTransiently() {
        SMTP.replyToRecipient("grey@example.com", "451 4.7.1 greylisted, try again later");
        String grey = post("grey@example.com");
        List<String> others = List.of(post("ada@example.com"), post("bob@example.com"), post("cy@example.com"));

        others.forEach(id -> awaitStatus(id, "sent"));
        JsonNode retrying = awaitAttempts(grey, 1);
        for (int attempt = 2; attempt <= 4; attempt++) {
            clock.advance(Duration.between(clock.instant(), Instant.parse(retrying.get("next_attempt_at").asString())));
            retrying = awaitAttempts(grey, attempt);
            String meanwhile = post("dee" + attempt + "@example.com");
            awaitStatus(meanwhile, "sent");
            assertThat(SMTP.withMessageId(messageId(meanwhile))).hasSize(1);
        }

        assertThat(retrying.get("status").asString()).isEqualTo("retrying");
        assertThat(retrying.get("last_error").asString()).contains("451").doesNotContain("grey@example.com");
        assertThat(Instant.parse(retrying.get("next_attempt_at").asString()))
                .as("5 s, 10 s, 20 s: capped exponential back-off").isEqualTo(clock.instant().plusSeconds(20));
        assertThat(SMTP.to("grey@example.com")).isEmpty();
        others.forEach(id -> assertThat(SMTP.withMessageId(messageId(id))).hasSize(1));
    }

    @Test
    void a550ParksExactlyThatNotificationOnTheDeadLetterTopicWithItsReason() {
        SMTP.replyToRecipient("nobody@example.com", "550 5.1.1 no such user here");
        String refused = post("nobody@example.com");
        String good = post("ada@example.com");

        JsonNode failed = awaitStatus(refused, "failed");
        awaitStatus(good, "sent");

        assertThat(failed.get("last_error").asString()).contains("550").doesNotContain("nobody@example.com");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        // The dead letter is acknowledged before the row turns failed, and a sent row is never parked: reading the
        // topic to its end now is final for both.
        List<ConsumerRecord<String, String>> deadLetters = KafkaTopics.readToEnd(List.of(inbox.deadLetterTopic()))
                .stream().filter(r -> List.of(refused, good).contains(KafkaTopics.header(r, WebhookHeaders.ID)))
                .toList();
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(KafkaTopics.header(record, WebhookHeaders.ID)).isEqualTo(refused);
            assertThat(KafkaTopics.header(record, DeadLetterHeaders.REASON)).contains("550", "permanently");
            assertThat(KafkaTopics.header(record, ConfirmationParking.STATUS_HEADER)).isEqualTo("failed");
        });
        assertThat(SMTP.withMessageId(messageId(good))).hasSize(1);
    }

    @Test
    void aServerSlowerThanTheTimeoutGetsTheMessageIdNoSecondTimeWhileTheLeaseHolds() {
        SMTP.delayDataReplies(1, Duration.ofSeconds(6));
        Instant claimedAt = clock.instant();
        String slow = post("ada@example.com");

        // The sender timed out waiting for the 250; the server accepted the message afterwards.
        await().atMost(PATIENCE).until(() -> SMTP.withMessageId(messageId(slow)).size() == 1);
        JsonNode retrying = awaitStatus(slow, "retrying");
        assertThat(retrying.get("last_error").asString()).contains("may have it");
        assertThat(Instant.parse(retrying.get("next_attempt_at").asString()))
                .as("not due before the lease of the first attempt ends").isEqualTo(claimedAt.plus(LEASE));

        clock.advance(LEASE.minusSeconds(1));
        String later = post("bob@example.com");
        awaitStatus(later, "sent");
        assertThat(row(slow).get("attempts").asInt()).as("no second claim inside the lease").isEqualTo(1);
        assertThat(SMTP.withMessageId(messageId(slow))).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        JsonNode sent = awaitStatus(slow, "sent");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(SMTP.withMessageId(messageId(slow))).as("the one duplicate, after the lease, recognisable by its "
                + "Message-ID").hasSize(2);
    }

    private String post(String email) {
        String orderId = OrderPaidBodies.newOrderId();
        String webhookId = OrderPaidBodies.newWebhookId();
        String body = OrderPaidBodies.valid(orderId).replace("ada@example.com", email);
        assertThat(client.postSigned(webhookId, body).status()).isEqualTo(202);
        orders.put(webhookId, orderId);
        return webhookId;
    }

    private JsonNode row(String webhookId) {
        List<JsonNode> rows = client.notifications(orders.get(webhookId));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private JsonNode awaitStatus(String webhookId, String status) {
        return await().atMost(PATIENCE).until(() -> row(webhookId),
                row -> row != null && status.equals(row.get("status").asString()));
    }

    private JsonNode awaitAttempts(String webhookId, int attempts) {
        return await().atMost(PATIENCE).until(() -> row(webhookId), row -> row != null
                && "retrying".equals(row.get("status").asString()) && row.get("attempts").asInt() == attempts);
    }

    private static String messageId(String webhookId) {
        return "<" + webhookId + "@hookline.local>";
    }
}
