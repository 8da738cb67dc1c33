package io.hookline.receiver.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands an {@link OrderConfirmation} to the SMTP server (Spring's {@link JavaMailSender}, configured by
 * {@code spring.mail.*}). Returns once the server accepted the message. Failures are classified: a
 * refused recipient or an unbuildable message is {@link MailDeliveryException#permanent() permanent}
 * (retrying cannot help); anything else (connection refused, timeouts, 4xx) is transient. Thread-safe.
 */
@Component
public class ConfirmationMailer {

    private final JavaMailSender sender;
    private final String from;

    public ConfirmationMailer(JavaMailSender sender, ConfirmationMailProperties properties) {
        this.sender = sender;
        this.from = properties.from();
    }

    /** @throws MailDeliveryException if the SMTP server did not accept the message */
    public void send(OrderConfirmation mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating a new one.
            message.setHeader("Message-ID", mail.messageId());
            sender.send(message);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new MailDeliveryException(true, "the e-mail could not be built: " + describe(e), e);
        } catch (MailAuthenticationException e) {
            throw new MailDeliveryException(false, "the SMTP server refused our credentials", e);
        } catch (MailException e) {
            boolean refusedRecipient = NestedExceptionUtils.getMostSpecificCause(e) instanceof SendFailedException sfe
                    && sfe.getInvalidAddresses() != null && sfe.getInvalidAddresses().length > 0;
            throw refusedRecipient
                    ? new MailDeliveryException(true, "the SMTP server refused the recipient", e)
                    : new MailDeliveryException(false, "the SMTP server did not accept the e-mail: " + describe(e), e);
        }
    }

    /** The kind of failure, with the message only for network errors (which carry no addresses). */
    private static String describe(Exception e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String kind = cause.getClass().getSimpleName();
        return cause instanceof IOException && cause.getMessage() != null ? kind + " (" + cause.getMessage() + ")"
                : kind;
    }
}
