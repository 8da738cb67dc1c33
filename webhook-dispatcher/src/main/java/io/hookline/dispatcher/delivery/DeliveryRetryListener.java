package io.hookline.dispatcher.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Hears the error handler's retries of {@code orders.events} records: logs each failed attempt and, once a
 * record is dead-lettered, forgets its {@link DeliveryProgress}. Called on the consumer threads.
 */
@Component
public class DeliveryRetryListener implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetryListener.class);

    private final DeliveryProgress progress;

    public DeliveryRetryListener(DeliveryProgress progress) {
        this.progress = progress;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        log.warn("Attempt {} failed for {}-{}@{}: {}", deliveryAttempt, record.topic(), record.partition(),
                record.offset(), reason(ex));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason(ex));
        DeadLetterReasons.find(ex, DeliveryFailedException.class)
                .ifPresent(failed -> progress.forget(failed.eventId()));
    }

    private static String reason(Exception ex) {
        return DeadLetterReasons.find(ex, PoisonEventException.class).map(Throwable::getMessage)
                .or(() -> DeadLetterReasons.find(ex, DeliveryFailedException.class).map(Throwable::getMessage))
                .orElseGet(() -> DeadLetterReasons.rootCause(ex).getClass().getName());
    }
}
