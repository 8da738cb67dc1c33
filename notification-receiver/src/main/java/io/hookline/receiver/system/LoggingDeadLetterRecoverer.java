package io.hookline.receiver.system;

import io.hookline.receiver.inbox.PoisonInboxRecordException;
import io.hookline.schemas.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a failed inbox record on {@link Topics#NOTIFICATIONS_INBOX_DLT} (partition chosen by key), with
 * Spring Kafka's {@code kafka_dlt-*} headers carrying the original topic, offset and the reason, and logs
 * one line saying which record and why (never its value). Called on the listener thread; blocks until the
 * dead letter is acknowledged, and throws if it is not, so the record is retried rather than lost.
 */
class LoggingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeadLetterRecoverer.class);

    LoggingDeadLetterRecoverer(KafkaOperations<?, ?> template) {
        super(template, (record, exception) -> new TopicPartition(Topics.NOTIFICATIONS_INBOX_DLT, -1));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        String reason = cause instanceof PoisonInboxRecordException ? cause.getMessage()
                : cause.getClass().getSimpleName() + " (retries exhausted)";
        log.warn("Parking inbox record {}-{}@{} (key {}) on {}: {}", record.topic(), record.partition(),
                record.offset(), record.key(), Topics.NOTIFICATIONS_INBOX_DLT, reason);
        super.accept(record, consumer, exception);
    }
}
