package io.hookline.receiver.inbox;

import io.hookline.schemas.events.Topics;
import io.hookline.support.logging.LogFields;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#NOTIFICATIONS_INBOX} in the {@code spring.kafka.consumer.group-id} group
 * ({@code notification-receiver}) and hands each record to the {@link InboxWorker}. Failures are routed by
 * the container's error handler (see {@code KafkaConfiguration}); the offset is committed only after the
 * record was processed or parked. With listener observation on ({@code spring.kafka.listener.observation-enabled})
 * the record's {@code traceparent} is the current trace while the worker runs; {@code order_id} (the key) and
 * {@code event_id} are log fields.
 */
@Component
class InboxListener {

    /** The listener container id (for the registry, metrics and logs). */
    static final String ID = "notifications-inbox";

    private final InboxWorker worker;

    InboxListener(InboxWorker worker) {
        this.worker = worker;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${hookline.receiver.inbox.topic:" + Topics.NOTIFICATIONS_INBOX + "}")
    void onInboxRecord(ConsumerRecord<String, String> record) {
        InboxMessage message = InboxMessage.from(record);
        try (LogFields fields = LogFields.of(record.key(), message.webhookId())) {
            worker.process(message);
        }
    }
}
