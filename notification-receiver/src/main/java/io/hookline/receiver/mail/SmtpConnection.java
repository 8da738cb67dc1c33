package io.hookline.receiver.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP connection kept open for many messages: Jakarta Mail's {@link Transport} is connected on the first
 * message and then hands each next message to the server on the same session (MAIL, RCPT, DATA: no new TCP and
 * greeting and EHLO per e-mail), until {@code hookline.receiver.mail.messages-per-connection} messages went over it, a send
 * failed, or its owner {@link #close() closes} it (an idle sender does). Each message's exchange, connecting
 * included, is bounded by {@code hookline.receiver.mail.send-deadline} ({@link SessionDeadline}).
 *
 * <p>Reconnecting: after any failure the connection is dropped, and the next message opens a new one. A kept
 * connection the server has closed meanwhile (a restart, an idle timeout, a {@code 421}) fails on the next message's
 * first command, before any of its data went out; that message is then sent once more on a new connection within
 * the same deadline. A failure after the end of the message data was written is never retried here: the server may
 * have the message ({@link MailDeliveryException.Kind#MAYBE_DELIVERED}).
 *
 * <p>Not thread-safe: one sender thread owns a connection.
 */
public final class SmtpConnection implements AutoCloseable {

    /** Where and how to connect: the settings of Boot's {@code spring.mail.*}. */
    record Server(Session session, String protocol, String host, int port, String username, String password) {
    }

    private final Server server;
    private final SessionDeadline deadline;
    private final int messagesPerConnection;
    private final SessionDeadline.Connection sockets = new SessionDeadline.Connection();
    private Transport transport;
    private int sent;
    private int opened;

    SmtpConnection(Server server, SessionDeadline deadline, int messagesPerConnection) {
        this.server = server;
        this.deadline = deadline;
        this.messagesPerConnection = messagesPerConnection;
    }

    /**
     * Hands {@code message} to the server; returns once the server accepted it.
     *
     * @throws SessionDeadline.Failure if it did not (the connection is dropped)
     */
    void send(MimeMessage message) throws SessionDeadline.Failure {
        try {
            deadline.run(sockets, () -> {
                if (transport != null && !sendOnKeptConnection(message)) {
                    abandon();
                }
                if (transport == null) {
                    connect();
                    transport.sendMessage(message, message.getAllRecipients());
                }
            });
        } catch (SessionDeadline.Failure failure) {
            abandon();
            throw failure;
        }
        if (++sent >= messagesPerConnection) {
            close();
        }
    }

    /** {@code false} if the kept connection turned out closed by the server before the message went out. */
    private boolean sendOnKeptConnection(MimeMessage message) throws MessagingException {
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return true;
        } catch (MessagingException e) {
            if (sockets.messageHandedOver() || sockets.expired() || !ConfirmationMailer.closedByServer(e)) {
                throw e;
            }
            return false;
        }
    }

    private void connect() throws MessagingException {
        Transport fresh = server.session().getTransport(server.protocol());
        fresh.connect(server.host(), server.port(), server.username(), server.password());
        transport = fresh;
        sent = 0;
        opened++;
    }

    /** How many times this connection connected to the server (for tests and the benchmark). */
    int opened() {
        return opened;
    }

    /** After a failure: closes the sockets first, so no QUIT waits on a server that is not answering. */
    private void abandon() {
        sockets.closeAll();
        closeTransport();
    }

    /** Says QUIT (bounded by the deadline) and closes; the next message opens a new connection. */
    @Override
    public void close() {
        if (transport == null) {
            return;
        }
        try {
            deadline.run(sockets, this::closeTransport);
        } catch (SessionDeadline.Failure ignored) {
            // closeTransport throws nothing
        }
        sockets.closeAll();
    }

    private void closeTransport() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException quitFailed) {
                // every message was accepted (or its failure is already on its way); QUIT does not matter
            }
            transport = null;
        }
        sockets.forget();
    }
}
