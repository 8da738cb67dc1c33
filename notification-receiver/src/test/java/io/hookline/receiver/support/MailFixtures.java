package io.hookline.receiver.support;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.mail.ConfirmationDelivery;
import io.hookline.receiver.mail.ConfirmationMailProperties;
import io.hookline.receiver.mail.ConfirmationMailer;
import io.hookline.receiver.mail.ConfirmationParking;
import io.hookline.receiver.mail.OrderConfirmationComposer;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.receiver.notification.NotificationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail side of the receiver wired by hand, sending to the shared {@link TestSmtp} server or another port. */
public final class MailFixtures {

    public static final Duration LEASE = Duration.ofSeconds(20);
    public static final Duration DEADLINE = Duration.ofSeconds(15);
    /** Back-off of the hand-wired senders: 1 s, ×2, at most 15 s, no jitter, a 24 h horizon. */
    public static final ConfirmationMailProperties.Retry RETRY = new ConfirmationMailProperties.Retry(
            Duration.ofSeconds(1), 2.0, Duration.ofSeconds(15), 0.0, Duration.ofHours(24));

    private MailFixtures() {
    }

    public static ConfirmationMailProperties properties(Locale locale) {
        return properties(locale, DEADLINE, LEASE);
    }

    public static ConfirmationMailProperties properties(Locale locale, Duration deadline, Duration lease) {
        return new ConfirmationMailProperties("hookline shop <orders@hookline.local>", locale, deadline, lease, 1, 20,
                100, Duration.ofMillis(100), RETRY);
    }

    public static JavaMailSenderImpl smtp() {
        return smtp(TestSmtp.port(), 5000);
    }

    public static JavaMailSenderImpl smtp(int port, int timeoutMillis) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
        sender.getJavaMailProperties().put("mail.smtp.timeout", Integer.toString(timeoutMillis));
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
        return sender;
    }

    public static ConfirmationDelivery delivery(NotificationStore store, Clock clock, RecordingParking parking) {
        ConfirmationMailProperties properties = properties(Locale.US);
        return new ConfirmationDelivery(store, new OrderConfirmationComposer(properties),
                new ConfirmationMailer(smtp(), properties), parking, properties, clock, fixedRandom(0.5));
    }

    /** Randomness that always draws {@code value} (0.5: the middle of the jitter band). */
    public static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    /** The dead-letter side without Kafka, for tests of one class: it remembers what was parked. */
    public static final class RecordingParking extends ConfirmationParking {

        /** One parked notification. */
        public record Parked(String eventId, NotificationStatus status, String reason, String payload) {
        }

        private final List<Parked> parked = new CopyOnWriteArrayList<>();

        public RecordingParking() {
            super(null, new InboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), "inbox", "inbox.dlt",
                    new InboxProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 0)));
        }

        @Override
        public void park(Notification notification, String payload, NotificationStatus status, String reason) {
            parked.add(new Parked(notification.eventId(), status, reason, payload));
        }

        public List<Parked> parked() {
            return List.copyOf(parked);
        }
    }
}
