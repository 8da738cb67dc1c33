package io.hookline.chaos.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The suite's SMTP server over real SMTP: an outage refuses mail, and nothing received before it is forgotten. */
class ChaosMailServerIntegrationTests {

    @Test
    void mailReceivedBeforeAnOutageIsStillCountedAfterTheRestartOnTheSamePort() throws Exception {
        int port = freePort();
        try (ChaosMailServer mail = new ChaosMailServer(port).start()) {
            send(port, "ord_before1", "<e1@hookline.local>");
            mail.stop();
            assertThatThrownBy(() -> send(port, "ord_during1", "<e2@hookline.local>"))
                    .isInstanceOf(MessagingException.class);
            mail.start();
            send(port, "ord_after11", "<e3@hookline.local>");

            assertThat(mail.received()).extracting(ChaosMailServer.ReceivedMail::orderId)
                    .containsExactlyInAnyOrder("ord_before1", "ord_after11");
            assertThat(mail.received()).extracting(ChaosMailServer.ReceivedMail::messageId)
                    .contains("<e1@hookline.local>");
        }
    }

    private static void send(int port, String orderId, String messageId) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("orders@hookline.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com"));
        message.setSubject("Your order " + orderId + " is confirmed");
        message.setText("hello");
        Transport.send(message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
