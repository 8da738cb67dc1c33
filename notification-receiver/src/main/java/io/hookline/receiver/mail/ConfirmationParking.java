package io.hookline.receiver.mail;

import io.hookline.receiver.inbox.InboxHeaders;
import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStatus;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.events.HeaderText;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Parks a notification whose e-mail will not be attempted again on the inbox dead-letter topic
 * ({@code hookline.receiver.inbox.dead-letter-topic}): the very inbox record it came from (key = order id, value = the
 * webhook body as received, the inbox headers), so replaying it re-drives the notification, plus the platform's
 * dead-letter headers ({@link DeadLetterHeaders}: {@code dlt_original_topic}, {@code dlt_reason}, the reason,
 * which names no address) and {@code notification_status} ({@code failed} or {@code expired}).
 *
 * <p>Thread-safe. Blocks until the record is acknowledged ({@code acks=all}), bounded by
 * {@code hookline.receiver.inbox.send-timeout}; throws if it is not, so the caller leaves the notification claimed and it is
 * looked at again when the lease ends, never marked parked without its dead letter.
 */
@Component
public class ConfirmationParking {

    /** The header naming why a notification was parked: {@code failed} or {@code expired}. */
    public static final String STATUS_HEADER = "notification_status";

    private final KafkaTemplate<String, String> kafka;
    private final InboxProperties inbox;

    public ConfirmationParking(KafkaTemplate<String, String> kafka, InboxProperties inbox) {
        this.kafka = kafka;
        this.inbox = inbox;
    }

    /** @throws IllegalStateException if the dead letter was not acknowledged in time */
    public void park(Notification notification, String payload, NotificationStatus status, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(inbox.deadLetterTopic(), notification.orderId(),
                payload);
        header(record, InboxHeaders.WEBHOOK_ID, notification.eventId());
        header(record, InboxHeaders.EVENT_ID, notification.eventId());
        header(record, InboxHeaders.EVENT_TYPE, EventTypes.ORDER_PAID);
        header(record, InboxHeaders.RECEIVED_AT, notification.receivedAt().toString());
        header(record, DeadLetterHeaders.ORIGINAL_TOPIC, inbox.topic());
        header(record, DeadLetterHeaders.REASON, reason);
        header(record, STATUS_HEADER, status.wireValue());
        try {
            kafka.send(record).get(inbox.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking " + notification.eventId(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("could not park " + notification.eventId() + " on "
                    + inbox.deadLetterTopic() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, HeaderText.encode(value));
    }
}
