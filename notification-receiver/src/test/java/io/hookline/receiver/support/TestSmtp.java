package io.hookline.receiver.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real SMTP server (GreenMail) per test JVM on a fixed free port, which tests may stop and start again
 * on the same port to play an SMTP outage. Started on first use; messages are kept until the JVM ends.
 */
public final class TestSmtp {

    private static int port;
    private static GreenMail server;
    /** What earlier runs of the server received (a restarted GreenMail starts empty). */
    private static List<MimeMessage> earlierRuns = List.of();

    private TestSmtp() {
    }

    /** The SMTP port, starting the server on first call. */
    public static synchronized int port() {
        if (server == null) {
            port = freePort();
            start();
        }
        return port;
    }

    /** Starts the server (again) on the same port; received messages of an earlier run are gone. */
    public static synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Stops the server: connections are refused until {@link #start()}. */
    public static synchronized void stop() {
        port();
        if (server.isRunning()) {
            earlierRuns = received();
            server.stop();
        }
    }

    /** Every message received so far, across restarts. */
    public static synchronized List<MimeMessage> received() {
        port();
        List<MimeMessage> current = server.isRunning() ? Arrays.asList(server.getReceivedMessages()) : List.of();
        return Stream.concat(earlierRuns.stream(), current.stream()).toList();
    }

    /** The messages whose {@code Message-ID} is {@code messageId}. */
    public static List<MimeMessage> withMessageId(String messageId) {
        return received().stream().filter(message -> messageId.equals(messageId(message))).toList();
    }

    /** The messages whose subject contains {@code text} (e.g. an order id). */
    public static List<MimeMessage> withSubjectContaining(String text) {
        return received().stream().filter(message -> subject(message).contains(text)).toList();
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
