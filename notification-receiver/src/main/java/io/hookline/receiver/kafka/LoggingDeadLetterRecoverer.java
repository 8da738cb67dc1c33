package io.hookline.receiver.kafka;

import io.hookline.receiver.inbox.PoisonInboxRecordException;
import io.hookline.schemas.events.DeadLetterHeaders;
import io.hookline.schemas.events.HeaderText;
import io.hookline.schemas.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a failed inbox record on the inbox dead-letter topic ({@code hookline.receiver.inbox.dead-letter-topic}, default {@link Topics#NOTIFICATIONS_INBOX_DLT}) (partition chosen by key), with
 * the platform's dead-letter headers ({@link DeadLetterHeaders}, not Spring Kafka's {@code kafka_dlt-*}) carrying
 * the original topic, partition, offset and the reason (our safe reason, not the listener exception's message,
 * which can quote SQL and the values in it), and logs
 * one line saying which record and why (never its value). The notification row, if one was recorded, is the
 * sender loops' business and is left as it is. Called on the listener thread; blocks until the dead letter is acknowledged, and throws if
 * it is not, so the record is retried rather than lost.
 */
class LoggingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeadLetterRecoverer.class);

    private final String deadLetterTopic;

    LoggingDeadLetterRecoverer(KafkaOperations<?, ?> template, String deadLetterTopic) {
        super(template, (record, exception) -> new TopicPartition(deadLetterTopic, -1));
        this.deadLetterTopic = deadLetterTopic;
        excludeHeader(HeadersToAdd.values());
        addHeadersFunction(LoggingDeadLetterRecoverer::deadLetterHeaders);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        String reason = reason(exception);
        log.warn("Parking inbox record {}-{}@{} (key {}) on {}: {}", record.topic(), record.partition(),
                record.offset(), record.key(), deadLetterTopic, reason);
        // The headers carry the safe reason only: the listener's own exception message can quote SQL and values.
        super.accept(record, consumer, new ParkedInboxRecordException(reason));
    }

    /** The platform's dead-letter headers: where the record was read and the reason, nothing of the payload. */
    private static Headers deadLetterHeaders(ConsumerRecord<?, ?> record, Exception parked) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, HeaderText.encode(parked.getMessage()));
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, HeaderText.encode(record.topic()));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, HeaderText.encode(record.partition()));
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, HeaderText.encode(record.offset()));
        return headers;
    }

    /** The safe reason as the exception the recoverer is given: what {@code dlt_reason} says, nothing of the payload. */
    static final class ParkedInboxRecordException extends RuntimeException {

        ParkedInboxRecordException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Our own exceptions' messages are written to be safe to show; anything else is named by its class. */
    private static String reason(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonInboxRecordException) {
                return cause.getMessage();
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(exception).getClass().getSimpleName()
                + " (retries exhausted)";
    }
}
