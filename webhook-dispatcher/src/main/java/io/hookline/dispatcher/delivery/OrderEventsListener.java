package io.hookline.dispatcher.delivery;

import io.hookline.schemas.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code orders.events} and hands each record to the {@link WebhookDispatcher}. Exceptions go to
 * the container's error handler (retry with back-off, then the dead-letter topic); the offset commits only
 * after this method returned or the record was dead-lettered. Runs on the container's consumer threads.
 */
@Component
class OrderEventsListener {

    /** The listener container id (the consumer group is {@code spring.kafka.consumer.group-id}). */
    static final String LISTENER_ID = "orders-events-dispatcher";

    private final WebhookDispatcher dispatcher;

    OrderEventsListener(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.ORDERS_EVENTS)
    void onEvent(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record.value());
    }
}
