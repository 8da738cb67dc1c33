package io.hookline.receiver.support;

import io.hookline.receiver.mail.ConfirmationDelivery;
import io.hookline.receiver.mail.ConfirmationMailProperties;
import io.hookline.receiver.mail.ConfirmationMailer;
import io.hookline.receiver.mail.OrderConfirmationComposer;
import io.hookline.receiver.notification.NotificationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail side of the worker wired by hand, sending to the shared {@link TestSmtp} server. */
public final class MailFixtures {

    public static final Duration LEASE = Duration.ofSeconds(20);

    private MailFixtures() {
    }

    public static ConfirmationMailProperties properties(Locale locale) {
        return new ConfirmationMailProperties("hookline shop <orders@hookline.local>", locale, LEASE,
                new ConfirmationMailProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(15), 8));
    }

    public static JavaMailSenderImpl smtp() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(TestSmtp.port());
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    public static ConfirmationDelivery delivery(NotificationStore store, Clock clock) {
        ConfirmationMailProperties properties = properties(Locale.US);
        return new ConfirmationDelivery(store, new OrderConfirmationComposer(properties),
                new ConfirmationMailer(smtp(), properties), properties, clock);
    }
}
