package io.hookline.dispatcher.fanout;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code orders.events} (and every {@code hookline.dispatcher.fanout.sources} topic) in batches and hands each batch to {@link FanOut}. The container commits a
 * batch only after this method returned, i.e. after every delivery (or dead letter) it implies was
 * acknowledged by Kafka. If a produce fails, the batch fails at its first record not fully fanned out
 * ({@link BatchListenerFailedException}): the error handler commits the records before it and tries again from
 * it every second, never skipping it; the retry produces only what was not acknowledged ({@link FanOutSends}).
 */
@Component
class FanOutListener {

    /** The listener container id (the consumer group is {@code spring.kafka.consumer.group-id}). */
    static final String LISTENER_ID = "orders-events-fanout";

    private final FanOut fanOut;

    FanOutListener(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{@fanOutSourceTopics}",
            batch = "true")
    void onEvents(List<ConsumerRecord<String, String>> records) {
        try {
            fanOut.fanOut(records);
        } catch (UnacknowledgedFanOut e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        }
    }
}
