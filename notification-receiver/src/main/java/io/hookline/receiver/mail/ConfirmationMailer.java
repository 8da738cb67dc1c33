package io.hookline.receiver.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands an {@link OrderConfirmation} to the SMTP server configured by {@code spring.mail.*} (host, port,
 * credentials and {@code spring.mail.properties}, taken from Boot's {@link JavaMailSenderImpl}) over an
 * {@link SmtpConnection} the caller keeps open for many e-mails ({@link #connection()}), or over a connection of its
 * own ({@link #send(OrderConfirmation)}); each e-mail's exchange is bounded by {@code hookline.receiver.mail.send-deadline}
 * ({@link SessionDeadline}). Returns once the server accepted the message. Failures are classified into a {@link MailDeliveryException.Kind}:
 * {@link SmtpReplies#permanent 5xx meaning "never"} or an unbuildable message is permanent; a connection refused,
 * a 4xx reply or a failure before the message was handed over is transient; a break after the message data was
 * handed over (a timeout waiting for the reply) means the server may have it.
 *
 * <p>Thread-safe; an {@link SmtpConnection} it hands out is used by one thread at a time.
 */
@Component
public class ConfirmationMailer implements DisposableBean {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSenderImpl smtp;
    private final String from;
    private final SessionDeadline deadline;
    private final Session session;
    private final int messagesPerConnection;

    public ConfirmationMailer(JavaMailSenderImpl smtp, ConfirmationMailProperties properties) {
        this.smtp = smtp;
        this.from = properties.from();
        this.deadline = new SessionDeadline(properties.sendDeadline());
        Properties settings = new Properties();
        settings.putAll(smtp.getJavaMailProperties());
        // Plain SMTP (with or without STARTTLS, which layers TLS over this socket). For implicit TLS ("smtps") the
        // socket factory must be an SSL one; that protocol is not bounded by the deadline (docs/notification-receiver.md).
        if ("smtp".equals(protocol())) {
            settings.put("mail.smtp.socketFactory", deadline.socketFactory());
        }
        this.session = Session.getInstance(settings);
        this.messagesPerConnection = properties.messagesPerConnection();
    }

    /** A connection to the server, opened by its first e-mail and kept for up to {@code messages-per-connection}. */
    public SmtpConnection connection() {
        return new SmtpConnection(new SmtpConnection.Server(session, protocol(), smtp.getHost(), smtp.getPort(),
                smtp.getUsername(), smtp.getPassword()), deadline, messagesPerConnection);
    }

    /**
     * Sends one e-mail over a connection of its own.
     *
     * @throws MailDeliveryException if the SMTP server did not (knowingly) accept the message
     */
    public void send(OrderConfirmation mail) {
        try (SmtpConnection own = connection()) {
            send(mail, own);
        }
    }

    /**
     * Sends one e-mail over {@code connection}, which stays open for the next one unless this failed.
     *
     * @throws MailDeliveryException if the SMTP server did not (knowingly) accept the message
     */
    public void send(OrderConfirmation mail, SmtpConnection connection) {
        MimeMessage message = build(mail);
        try {
            connection.send(message);
        } catch (SessionDeadline.Failure failure) {
            throw classify((Exception) failure.getCause(), failure.messageHandedOver());
        }
    }

    /**
     * The message as Spring's {@code MimeMessageHelper} would write it (UTF-8 addresses, subject and
     * {@code text/plain} body), without the helper: it builds a new MIME file type map from the class path for every
     * message, which cost a third of the receiver's CPU at a few hundred e-mails per second.
     */
    private MimeMessage build(OrderConfirmation mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(address(from));
            message.setRecipient(Message.RecipientType.TO, address(mail.to()));
            message.setSubject(mail.subject(), UTF_8);
            message.setText(mail.text(), UTF_8);
            message.saveChanges();
            // After saveChanges, which would otherwise generate a new one: every attempt carries the same id.
            message.setHeader("Message-ID", mail.messageId());
            return message;
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            throw new MailDeliveryException(MailDeliveryException.Kind.PERMANENT,
                    "the e-mail could not be built: " + e.getClass().getSimpleName(), e);
        }
    }

    private static InternetAddress address(String text) throws AddressException, UnsupportedEncodingException {
        InternetAddress[] parsed = InternetAddress.parse(text);
        if (parsed.length != 1) {
            throw new AddressException("not one address");
        }
        return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), UTF_8);
    }

    static MailDeliveryException classify(Exception failure, boolean messageHandedOver) {
        if (failure instanceof MailDeliveryException known) {
            return known;
        }
        Integer code = replyCode(failure);
        if (code != null) {
            boolean never = code >= 500 && SmtpReplies.permanent(code);
            return new MailDeliveryException(never ? MailDeliveryException.Kind.PERMANENT
                    : MailDeliveryException.Kind.TRANSIENT, "the SMTP server answered " + code
                    + (never ? " (refused for good)" : ""), failure);
        }
        if (has(failure, AuthenticationFailedException.class)) {
            return new MailDeliveryException(MailDeliveryException.Kind.TRANSIENT,
                    "the SMTP server refused our credentials", failure);
        }
        return messageHandedOver
                ? new MailDeliveryException(MailDeliveryException.Kind.MAYBE_DELIVERED, "the SMTP session broke after "
                        + "the message was handed over (the server may have it): " + describe(failure), failure)
                : new MailDeliveryException(MailDeliveryException.Kind.TRANSIENT,
                        "the SMTP server did not accept the e-mail: " + describe(failure), failure);
    }

    /**
     * {@code true} if a failure on a kept connection means the server had closed it: no SMTP reply at all (the
     * socket was closed or reset), or {@code 421} (the server is closing the channel, e.g. after an idle timeout).
     */
    static boolean closedByServer(Exception failure) {
        Integer code = replyCode(failure);
        return code == null ? !has(failure, AuthenticationFailedException.class) : code == 421;
    }

    /** The reply code of the first SMTP refusal in the chain (causes and Jakarta Mail's next exceptions). */
    private static Integer replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) { // chains are short; next() stops at self-references
            if (t instanceof SMTPAddressFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException e) {
                return e.getReturnCode();
            }
        }
        return null;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = next(t)) { // chains are short; next() stops at self-references
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** The kind of failure, with the message only for network errors (which carry no addresses). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = next(t)) { // chains are short; next() stops at self-references
            root = t;
        }
        String kind = root.getClass().getSimpleName();
        return root instanceof IOException && root.getMessage() != null ? kind + " (" + root.getMessage() + ")" : kind;
    }

    private String protocol() {
        return smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
    }

    @Override
    public void destroy() {
        deadline.close();
    }
}
