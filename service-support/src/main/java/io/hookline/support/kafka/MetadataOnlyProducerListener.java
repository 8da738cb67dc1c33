package io.hookline.support.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * Logs a failed produce by its topic, its key (an order, event or delivery id) and the kind of failure only. It
 * replaces Spring Kafka's {@code LoggingProducerListener}, which logs the start of the record's value: an event or
 * webhook body, with the customer's e-mail address. Stateless and thread-safe.
 */
public final class MetadataOnlyProducerListener implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(MetadataOnlyProducerListener.class);

    @Override
    public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata,
            Exception exception) {
        log.warn("Could not send to {} the record with key {}: {}", record.topic(), record.key(),
                exception.getClass().getSimpleName());
    }
}
