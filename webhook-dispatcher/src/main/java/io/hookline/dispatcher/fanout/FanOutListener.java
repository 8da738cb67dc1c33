package io.hookline.dispatcher.fanout;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code orders.events} in batches and hands each batch to {@link FanOut}. The container commits a
 * batch only after this method returned, i.e. after every delivery (or dead letter) it implies was
 * acknowledged by Kafka; if a produce fails, the error handler retries the batch (at-least-once; the
 * deliveries carry stable ids).
 */
@Component
class FanOutListener {

    /** The listener container id (the consumer group is {@code spring.kafka.consumer.group-id}). */
    static final String LISTENER_ID = "orders-events-fanout";

    private final FanOut fanOut;

    FanOutListener(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${dispatcher.topics.events:orders.events}",
            batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        fanOut.fanOut(records);
    }
}
