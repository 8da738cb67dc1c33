package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.hookline.receiver.mail.ConfirmationInProgressException;
import io.hookline.receiver.mail.MailDeliveryException;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.receiver.notification.NotificationStore;
import io.hookline.receiver.support.MailFixtures;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.TestDatabases;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One e-mail per paid order, on each database engine the receiver supports, with a real SMTP server: under
 * concurrent duplicates from two receiver instances sharing the database, redelivery after a restart, an
 * SMTP outage, and a worker that died mid-send.
 */
class InboxWorkerDatabaseTests {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void concurrentDuplicatesOnTwoInstancesSharingTheDatabaseSendOneEmail(String engine) throws Exception {
        String url = TestDatabases.fresh(engine);
        List<InboxWorker> instances = List.of(instance(engine, url), instance(engine, url));
        InboxMessage message = message(OrderPaidBodies.newOrderId());
        CountDownLatch go = new CountDownLatch(1);

        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                InboxWorker worker = instances.get(i % 2);
                outcomes.add(threads.submit(outcome(() -> {
                    go.await();
                    return worker.process(message);
                })));
            }
            go.countDown();
        }

        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        assertThat(results).containsOnlyOnce("sent").allMatch(r -> r.equals("sent") || r.equals("already sent")
                || r.equals("in progress"));
        Notification row = store(engine, url).find(message.webhookId()).orElseThrow();
        assertThat(row.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(TestSmtp.withMessageId(row.messageId())).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aRecordRedeliveredAfterARestartSendsNoSecondEmail(String engine) {
        String url = TestDatabases.fresh(engine);
        InboxMessage message = message(OrderPaidBodies.newOrderId());

        assertThat(instance(engine, url).process(message)).isTrue();
        // A new instance (the restarted worker) gets the same record again: its offset was never committed.
        assertThat(instance(engine, url).process(message)).isFalse();

        assertThat(TestSmtp.withMessageId(messageId(message))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void anSmtpOutageIsRetriedAndEndsInExactlyOneEmail(String engine) {
        String url = TestDatabases.fresh(engine);
        InboxWorker worker = instance(engine, url);
        InboxMessage message = message(OrderPaidBodies.newOrderId());

        TestSmtp.stop();
        try {
            assertThatThrownBy(() -> worker.process(message)).isInstanceOf(MailDeliveryException.class)
                    .hasMessageContaining("ConnectException");
            Notification failed = store(engine, url).find(message.webhookId()).orElseThrow();
            assertThat(failed.status()).isEqualTo(NotificationStatus.RETRYING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("did not accept").doesNotContain("ada@example.com");
        } finally {
            TestSmtp.start();
        }

        assertThat(worker.process(message)).isTrue();
        assertThat(worker.process(message)).isFalse();
        Notification sent = store(engine, url).find(message.webhookId()).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(TestSmtp.withMessageId(messageId(message))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aClaimLeftByADeadWorkerIsHonouredForTheLeaseThenTakenOverAndSentOnce(String engine) {
        String url = TestDatabases.fresh(engine);
        InboxWorker worker = instance(engine, url);
        InboxMessage message = message(OrderPaidBodies.newOrderId());
        NotificationStore store = store(engine, url);
        // A worker recorded the notification, claimed the e-mail and died before marking it sent.
        store.recordIfAbsent(Notification.received(message.webhookId(), "ord_x", "ada@example.com", "Keyboard", 1,
                "1.00", "USD", START, START));
        assertThat(store.claimForSending(message.webhookId(), START, START.minus(MailFixtures.LEASE))).isTrue();

        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> worker.process(message)).isInstanceOf(ConfirmationInProgressException.class);
        assertThat(TestSmtp.withMessageId(messageId(message))).isEmpty();

        clock.advance(MailFixtures.LEASE);
        assertThat(worker.process(message)).isTrue();
        assertThat(worker.process(message)).isFalse();

        Notification row = store.find(message.webhookId()).orElseThrow();
        assertThat(row.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(TestSmtp.withMessageId(messageId(message))).hasSize(1);
    }

    private InboxWorker instance(String engine, String url) {
        NotificationStore store = store(engine, url);
        return new InboxWorker(store, new ContractValidator(), JsonMapper.builder().build(), clock,
                MailFixtures.delivery(store, clock));
    }

    private NotificationStore store(String engine, String url) {
        HikariDataSource pool = TestDatabases.pool(engine, url);
        pools.add(pool);
        return new NotificationStore(JdbcClient.create(pool));
    }

    private static InboxMessage message(String orderId) {
        return new InboxMessage(OrderPaidBodies.newWebhookId(), OrderPaidBodies.valid(orderId), START);
    }

    private static String messageId(InboxMessage message) {
        return "<" + message.webhookId() + "@hookline.local>";
    }

    private static Callable<String> outcome(Callable<Boolean> call) {
        return () -> {
            try {
                return call.call() ? "sent" : "already sent";
            } catch (ConfirmationInProgressException e) {
                return "in progress";
            }
        };
    }
}
