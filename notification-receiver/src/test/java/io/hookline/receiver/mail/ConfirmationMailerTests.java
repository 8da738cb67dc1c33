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

    private static ConfirmationMailer mailer(int port, int timeoutMillis, Duration deadline) {
        return new ConfirmationMailer(MailFixtures.smtp(port, timeoutMillis),
                MailFixtures.properties(Locale.US, deadline, deadline.plusSeconds(5)));
    }

    private static OrderConfirmation mail(String to) {
        return new OrderConfirmation(to, "Your order ord_1 is confirmed", "Hello", MESSAGE_ID);
    }
}
