package io.hookline.receiver.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hookline.receiver.support.FakeSmtpServer;
import io.hookline.receiver.support.MailFixtures;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the mailer classifies what a real SMTP conversation (on a real port) came to, and the session deadline. */
class ConfirmationMailerTests {

    private static final String MESSAGE_ID = "<evt-1@hookline.local>";

    private final FakeSmtpServer server = new FakeSmtpServer();

    @AfterEach
    void closeServer() throws Exception {
        server.close();
    }

    @Test
    void anAcceptedMessageCarriesItsStableMessageId() {
        mailer(server.port(), 5000, Duration.ofSeconds(15)).send(mail("ada@example.com"));

        assertThat(server.withMessageId(MESSAGE_ID)).singleElement()
                .satisfies(received -> assertThat(received.recipient()).isEqualTo("ada@example.com"));
    }

    @Test
    void a4xxReplyIsTransientAndNamesTheCodeButNotTheAddress() {
        server.replyToRecipient("grey@example.com", "451 4.7.1 greylisted, try again later");

        assertThatThrownBy(() -> mailer(server.port(), 5000, Duration.ofSeconds(15)).send(mail("grey@example.com")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT);
                    assertThat(e.getMessage()).contains("451").doesNotContain("grey@example.com");
                });
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a550ReplyIsPermanent() {
        server.replyToRecipient("nobody@example.com", "550 5.1.1 no such user");

        assertThatThrownBy(() -> mailer(server.port(), 5000, Duration.ofSeconds(15)).send(mail("nobody@example.com")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("550");
                });
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> mailer(closedPort, 5000, Duration.ofSeconds(15)).send(mail("ada@example.com")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT);
                    assertThat(e.getMessage()).contains("ConnectException");
                });
    }

    @Test
    void aTimeoutWaitingForTheReplyToTheDataMeansTheServerMayHaveIt() {
        server.delayDataReplies(1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> mailer(server.port(), 300, Duration.ofSeconds(5)).send(mail("ada@example.com")))
                .isInstanceOfSatisfying(MailDeliveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.MAYBE_DELIVERED));
        // And indeed it has: the slow server accepts it after the client gave up.
        await().atMost(Duration.ofSeconds(10)).until(() -> server.withMessageId(MESSAGE_ID).size() == 1);
    }

    @Test
    void theSessionDeadlineEndsASessionThatNoSocketTimeoutWouldEnd() {
        // Every reply comes 400 ms late, under the 2 s socket timeout: without the deadline the session would
        // take over 2.4 s and succeed. The 1 s deadline closes it before the message data is sent.
        server.delayEveryReply(Duration.ofMillis(400));

        assertThatThrownBy(() -> mailer(server.port(), 2000, Duration.ofSeconds(1)).send(mail("ada@example.com")))
                .isInstanceOfSatisfying(MailDeliveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aKeptConnectionCarriesManyMessagesInOneSession() {
        ConfirmationMailer mailer = mailer(server.port(), 5000, Duration.ofSeconds(15));
        try (SmtpConnection connection = mailer.connection()) {
            for (int i = 0; i < 5; i++) {
                mailer.send(mail("ada@example.com", i), connection);
            }
            assertThat(connection.opened()).isEqualTo(1);
        }

        assertThat(server.sessions()).isEqualTo(1);
        assertThat(server.received()).extracting(FakeSmtpServer.Received::messageId).containsExactly(
                messageId(0), messageId(1), messageId(2), messageId(3), messageId(4));
    }

    @Test
    void aConnectionTheServerClosedIsReopenedAndEveryMessageArrivesOnce() {
        // As a server restarted between two messages: the kept connection is gone when the next one starts.
        server.closeConnectionsAfter(2);
        ConfirmationMailer mailer = mailer(server.port(), 5000, Duration.ofSeconds(15));
        try (SmtpConnection connection = mailer.connection()) {
            for (int i = 0; i < 5; i++) {
                mailer.send(mail("ada@example.com", i), connection);
            }
            assertThat(connection.opened()).isEqualTo(3);
        }

        assertThat(server.sessions()).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            assertThat(server.withMessageId(messageId(i))).as("message %d", i).hasSize(1);
        }
    }

    @Test
    void aRefusedRecipientFailsOnlyItsOwnMessageAndTheNextOneGoesOut() {
        server.replyToRecipient("nobody@example.com", "550 5.1.1 no such user");
        ConfirmationMailer mailer = mailer(server.port(), 5000, Duration.ofSeconds(15));
        try (SmtpConnection connection = mailer.connection()) {
            mailer.send(mail("ada@example.com", 0), connection);
            assertThatThrownBy(() -> mailer.send(mail("nobody@example.com", 1), connection))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue());
            mailer.send(mail("grace@example.com", 2), connection);
        }

        assertThat(server.received()).extracting(FakeSmtpServer.Received::recipient)
                .containsExactly("ada@example.com", "grace@example.com");
    }

    @Test
    void oneMessagePerConnectionOpensASessionPerMessageAsBeforePooling() {
        ConfirmationMailProperties base = MailFixtures.properties(Locale.US);
        ConfirmationMailer mailer = new ConfirmationMailer(MailFixtures.smtp(server.port(), 5000),
                new ConfirmationMailProperties(base.from(), base.locale(), base.sendDeadline(), base.sendingLease(),
                        1, 20, 1, base.pollInterval(), base.retry()));
        try (SmtpConnection connection = mailer.connection()) {
            for (int i = 0; i < 3; i++) {
                mailer.send(mail("ada@example.com", i), connection);
            }
        }

        assertThat(server.sessions()).isEqualTo(3);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void theDeadlineBoundsEachMessageOnAKeptConnection() {
        ConfirmationMailer mailer = mailer(server.port(), 2000, Duration.ofSeconds(1));
        try (SmtpConnection connection = mailer.connection()) {
            mailer.send(mail("ada@example.com", 0), connection);
            // Now every reply comes 400 ms late: the next message's four round trips overrun the 1 s deadline.
            server.delayEveryReply(Duration.ofMillis(400));
            assertThatThrownBy(() -> mailer.send(mail("ada@example.com", 1), connection))
                    .isInstanceOfSatisfying(MailDeliveryException.class,
                            e -> assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT));
        }

        assertThat(server.withMessageId(messageId(1))).isEmpty();
    }

    private static ConfirmationMailer mailer(int port, int timeoutMillis, Duration deadline) {
        return new ConfirmationMailer(MailFixtures.smtp(port, timeoutMillis),
                MailFixtures.properties(Locale.US, deadline, deadline.plusSeconds(5)));
    }

    private static OrderConfirmation mail(String to) {
        return new OrderConfirmation(to, "Your order ord_1 is confirmed", "Hello", MESSAGE_ID);
    }

    private static OrderConfirmation mail(String to, int index) {
        return new OrderConfirmation(to, "Your order ord_" + index + " is confirmed", "Hello", messageId(index));
    }

    private static String messageId(int index) {
        return "<evt-" + index + "@hookline.local>";
    }
}
