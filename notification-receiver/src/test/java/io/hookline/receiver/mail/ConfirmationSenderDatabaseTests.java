package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.hookline.receiver.inbox.InboxMessage;
import io.hookline.receiver.inbox.InboxWorker;
import io.hookline.receiver.notification.NewNotifications;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.receiver.notification.NotificationStore;
import io.hookline.receiver.support.FakeSmtpServer;
import io.hookline.receiver.support.MailFixtures;
import io.hookline.receiver.support.MailFixtures.RecordingParking;
import io.hookline.receiver.support.OrderPaidBodies;
import io.hookline.receiver.support.TestDatabases;
import io.hookline.receiver.support.TestSmtp;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.support.supervision.LoopContext;
import io.hookline.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-mail senders on each database engine the receiver supports, with real SMTP servers and an injected clock:
 * two instances sharing the database, an SMTP outage far longer than the old 75 s retry budget (driven by the clock, no sleeping), the horizon, a
 * permanent refusal, and a lease left by a sender that died mid-send.
 */
class ConfirmationSenderDatabaseTests {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final LoopContext RUNNING = new LoopContext() {
        @Override
        public void progress() {
        }

        @Override
        public boolean stopping() {
            return false;
        }
    };

    private final MutableClock clock = new MutableClock(START);
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final RecordingParking parking = new RecordingParking();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void concurrentSendersOfTwoInstancesSharingTheDatabaseSendOneEmail(String engine) throws Exception {
        String url = TestDatabases.fresh(engine);
        InboxMessage message = record(engine, url);
        List<ConfirmationSender> senders = List.of(sender(engine, url, MailFixtures.smtp(), MailFixtures.RETRY),
                sender(engine, url, MailFixtures.smtp(), MailFixtures.RETRY));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> attempted = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                ConfirmationSender sender = senders.get(i % 2);
                attempted.add(threads.submit(() -> {
                    go.await();
                    return sender.pass(0, RUNNING);
                }));
            }
            go.countDown();
        }

        int total = 0;
        for (Future<Integer> count : attempted) {
            total += count.get();
        }
        assertThat(total).isEqualTo(1);
        Notification row = store(engine, url).find(message.webhookId()).orElseThrow();
        assertThat(row.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(TestSmtp.withMessageId(row.messageId())).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void anSmtpOutageOfFifteenMinutesIsRetriedWithBackOffAndEndsInExactlyOneEmailAndNothingParked(String engine) {
        String url = TestDatabases.fresh(engine);
        NotificationStore store = store(engine, url);
        ConfirmationSender sender = sender(engine, url, MailFixtures.smtp(), MailFixtures.RETRY);
        InboxMessage message = record(engine, url);

        TestSmtp.stop();
        try {
            // Fifteen minutes of outage (12 times the old 75 s budget), attempt after attempt as each falls due.
            while (clock.instant().isBefore(START.plus(Duration.ofMinutes(15)))) {
                assertThat(sender.pass(0, RUNNING)).isEqualTo(1);
                Notification retrying = store.find(message.webhookId()).orElseThrow();
                assertThat(retrying.status()).isEqualTo(NotificationStatus.RETRYING);
                assertThat(retrying.lastError()).contains("ConnectException").doesNotContain("ada@example.com");
                assertThat(retrying.nextAttemptAt()).isAfter(clock.instant());
                clock.advance(Duration.between(clock.instant(), retrying.nextAttemptAt()));
            }
        } finally {
            TestSmtp.start();
        }
        int attemptsDuringOutage = store.find(message.webhookId()).orElseThrow().attempts();
        assertThat(attemptsDuringOutage).as("1 s, 2 s, 4 s, 8 s, then every 15 s").isBetween(60, 66);

        assertThat(sender.pass(0, RUNNING)).isEqualTo(1);
        assertThat(sender.pass(0, RUNNING)).isZero();
        Notification sent = store.find(message.webhookId()).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.nextAttemptAt()).isNull();
        assertThat(TestSmtp.withMessageId(sent.messageId())).hasSize(1);
        assertThat(parking.parked()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void transientFailuresPastTheHorizonParkTheNotificationAsExpired(String engine) {
        String url = TestDatabases.fresh(engine);
        NotificationStore store = store(engine, url);
        ConfirmationMailProperties.Retry shortHorizon = new ConfirmationMailProperties.Retry(Duration.ofSeconds(1),
                2.0, Duration.ofSeconds(15), 0.2, Duration.ofMinutes(2));
        ConfirmationSender sender = sender(engine, url, MailFixtures.smtp(), shortHorizon);
        InboxMessage message = record(engine, url);

        TestSmtp.stop();
        try {
            Notification row = store.find(message.webhookId()).orElseThrow();
            while (row.status() != NotificationStatus.EXPIRED) {
                clock.advance(Duration.between(clock.instant(), row.nextAttemptAt()));
                assertThat(sender.pass(0, RUNNING)).isEqualTo(1);
                row = store.find(message.webhookId()).orElseThrow();
            }
            assertThat(clock.instant()).isBeforeOrEqualTo(START.plus(Duration.ofMinutes(2)));
            assertThat(row.lastError()).contains("retried past the horizon", "ConnectException");
            assertThat(parking.parked()).singleElement().satisfies(parked -> {
                assertThat(parked.eventId()).isEqualTo(message.webhookId());
                assertThat(parked.status()).isEqualTo(NotificationStatus.EXPIRED);
                assertThat(parked.payload()).isEqualTo(message.body());
            });
        } finally {
            TestSmtp.start();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void a550ParksExactlyThatNotificationAsFailedAndTheOthersAreSent(String engine) throws Exception {
        String url = TestDatabases.fresh(engine);
        NotificationStore store = store(engine, url);
        try (FakeSmtpServer smtp = new FakeSmtpServer()) {
            smtp.replyToRecipient("nobody@example.com", "550 5.1.1 no such user");
            ConfirmationSender sender = sender(engine, url, MailFixtures.smtp(smtp.port(), 5000), MailFixtures.RETRY);
            InboxMessage refused = record(engine, url, "nobody@example.com");
            InboxMessage good = record(engine, url, "ada@example.com");

            assertThat(sender.pass(0, RUNNING)).isEqualTo(2);

            assertThat(store.find(refused.webhookId()).orElseThrow()).satisfies(row -> {
                assertThat(row.status()).isEqualTo(NotificationStatus.FAILED);
                assertThat(row.lastError()).contains("550").doesNotContain("nobody@example.com");
                assertThat(row.nextAttemptAt()).isNull();
            });
            assertThat(parking.parked()).singleElement()
                    .satisfies(parked -> assertThat(parked.eventId()).isEqualTo(refused.webhookId()));
            assertThat(store.find(good.webhookId()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
            assertThat(smtp.to("ada@example.com")).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aKeptConnectionBrokenByAnSmtpRestartIsReopenedAndEveryEmailIsSentOnceAtItsFirstAttempt(String engine) {
        String url = TestDatabases.fresh(engine);
        NotificationStore store = store(engine, url);
        ConfirmationSender sender = sender(engine, url, MailFixtures.smtp(), MailFixtures.RETRY);
        ConfirmationDelivery delivery = delivery(store, MailFixtures.smtp(), MailFixtures.RETRY);
        List<InboxMessage> before = List.of(record(engine, url), record(engine, url), record(engine, url));

        try (SmtpConnection connection = delivery.connection()) {
            assertThat(sender.pass(0, RUNNING, connection)).isEqualTo(3);
            assertThat(connection.opened()).isEqualTo(1);

            // GreenMail restarts while the sender keeps its connection: the next e-mail finds it closed.
            TestSmtp.stop();
            TestSmtp.start();
            List<InboxMessage> after = List.of(record(engine, url), record(engine, url), record(engine, url));
            assertThat(sender.pass(0, RUNNING, connection)).isEqualTo(3);
            assertThat(connection.opened()).isEqualTo(2);

            for (InboxMessage message : concat(before, after)) {
                Notification row = store.find(message.webhookId()).orElseThrow();
                assertThat(row.status()).isEqualTo(NotificationStatus.SENT);
                assertThat(row.attempts()).as("the broken connection is not a failed attempt").isEqualTo(1);
                assertThat(TestSmtp.withMessageId(row.messageId())).hasSize(1);
            }
        }
        assertThat(parking.parked()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aLeaseLeftByASenderThatDiedIsHonouredUntilItEndsThenTakenOverAndSentOnce(String engine) {
        String url = TestDatabases.fresh(engine);
        NotificationStore store = store(engine, url);
        ConfirmationSender sender = sender(engine, url, MailFixtures.smtp(), MailFixtures.RETRY);
        InboxMessage message = record(engine, url);
        // Another sender claimed the e-mail and died mid-send.
        assertThat(store.claim(message.webhookId(), START, START.plus(MailFixtures.LEASE))).isPresent();

        clock.advance(MailFixtures.LEASE.minusSeconds(1));
        assertThat(sender.pass(0, RUNNING)).isZero();
        assertThat(store.find(message.webhookId()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);

        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.pass(0, RUNNING)).isEqualTo(1);
        Notification row = store.find(message.webhookId()).orElseThrow();
        assertThat(row.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(TestSmtp.withMessageId(row.messageId())).hasSize(1);
        // The dead sender's claim (attempt 1) can no longer record anything.
        assertThat(store.markRetrying(message.webhookId(), 1, clock.instant(), "late")).isFalse();
    }

    private InboxMessage record(String engine, String url) {
        return record(engine, url, "ada@example.com");
    }

    private InboxMessage record(String engine, String url, String email) {
        String body = OrderPaidBodies.valid(OrderPaidBodies.newOrderId()).replace("ada@example.com", email);
        InboxMessage message = new InboxMessage(OrderPaidBodies.newWebhookId(), body, START);
        new InboxWorker(store(engine, url), new ContractValidator(), JsonMapper.builder().build(), clock,
                new NewNotifications()).process(message);
        return message;
    }

    private ConfirmationSender sender(String engine, String url, JavaMailSenderImpl smtp,
            ConfirmationMailProperties.Retry retry) {
        NotificationStore store = store(engine, url);
        return new ConfirmationSender(store, delivery(store, smtp, retry), new NewNotifications(), null,
                properties(retry), clock);
    }

    private ConfirmationDelivery delivery(NotificationStore store, JavaMailSenderImpl smtp,
            ConfirmationMailProperties.Retry retry) {
        ConfirmationMailProperties properties = properties(retry);
        return new ConfirmationDelivery(store, new OrderConfirmationComposer(properties),
                new ConfirmationMailer(smtp, properties), parking, properties, clock, MailFixtures.fixedRandom(0.5));
    }

    private static ConfirmationMailProperties properties(ConfirmationMailProperties.Retry retry) {
        ConfirmationMailProperties base = MailFixtures.properties(Locale.US);
        return new ConfirmationMailProperties(base.from(), base.locale(), base.sendDeadline(), base.sendingLease(), 1,
                20, 100, base.pollInterval(), retry);
    }

    private static List<InboxMessage> concat(List<InboxMessage> first, List<InboxMessage> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private NotificationStore store(String engine, String url) {
        HikariDataSource pool = TestDatabases.pool(engine, url);
        pools.add(pool);
        return new NotificationStore(JdbcClient.create(pool));
    }
}
