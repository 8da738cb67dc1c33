package io.hookline.receiver.system;

import io.hookline.receiver.inbox.InboxHeaders;
import io.hookline.receiver.inbox.PoisonInboxRecordException;
import io.hookline.receiver.mail.MailDeliveryException;
import io.hookline.receiver.mail.PermanentMailFailureException;
import io.hookline.receiver.notification.NotificationStore;
import io.hookline.schemas.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a failed inbox record on the inbox dead-letter topic ({@code receiver.inbox.dead-letter-topic}, default {@link Topics#NOTIFICATIONS_INBOX_DLT}) (partition chosen by key), with
 * Spring Kafka's {@code kafka_dlt-*} headers carrying the original topic, offset and the reason, and logs
 * one line saying which record and why (never its value), and marks its notification (if one was recorded)
 * {@code failed}. Called on the listener thread; blocks until the dead letter is acknowledged, and throws if
 * it is not, so the record is retried rather than lost.
 */
class LoggingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeadLetterRecoverer.class);

    private final NotificationStore store;
    private final String deadLetterTopic;

    LoggingDeadLetterRecoverer(KafkaOperations<?, ?> template, NotificationStore store, String deadLetterTopic) {
        super(template, (record, exception) -> new TopicPartition(deadLetterTopic, -1));
        this.store = store;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        String reason = reason(exception);
        log.warn("Parking inbox record {}-{}@{} (key {}) on {}: {}", record.topic(), record.partition(),
                record.offset(), record.key(), deadLetterTopic, reason);
        super.accept(record, consumer, exception);
        Header webhookId = record.headers().lastHeader(InboxHeaders.WEBHOOK_ID);
        if (webhookId != null && webhookId.value() != null) {
            store.markFailed(new String(webhookId.value(), StandardCharsets.UTF_8), "parked on "
                    + deadLetterTopic + ": " + reason);
        }
    }

    /** Our own exceptions' messages are written to be safe to show; anything else is named by its class. */
    private static String reason(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonInboxRecordException || cause instanceof PermanentMailFailureException) {
                return cause.getMessage();
            }
            if (cause instanceof MailDeliveryException) {
                return cause.getMessage() + " (retries exhausted)";
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(exception).getClass().getSimpleName()
                + " (retries exhausted)";
    }
}
