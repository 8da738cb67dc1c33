package io.hookline.dispatcher.system;

import io.hookline.dispatcher.delivery.DeadLetterReasons;
import io.hookline.dispatcher.delivery.DeliveryRetryListener;
import io.hookline.dispatcher.delivery.PoisonEventException;
import io.hookline.schemas.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The Kafka wiring of the dispatcher in one place: the topics it owns, and the error handler of its
 * listener. A {@link PoisonEventException} goes to {@code orders.events.dlt} at once; any other failure is
 * retried with {@link RetryProperties}' exponential back-off and then dead-lettered. The dead-letter
 * produce is awaited (the producer uses {@code acks=all}) before the offset commits; if it fails, the
 * record is handled again rather than skipped. Boot applies the {@link DefaultErrorHandler} bean to the
 * auto-configured listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /** {@code orders.events} and its dead-letter topic have the same partition count. */
    static final int PARTITIONS = 3;

    @Bean
    NewTopic ordersEventsTopic() {
        return TopicBuilder.name(Topics.ORDERS_EVENTS).partitions(PARTITIONS).build();
    }

    @Bean
    NewTopic ordersEventsDeadLetterTopic() {
        return TopicBuilder.name(Topics.ORDERS_EVENTS_DLT).partitions(PARTITIONS).build();
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaOperations<?, ?> kafkaTemplate, RetryProperties retry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.ORDERS_EVENTS_DLT, record.partition()));
        recoverer.addHeadersFunction(new DeadLetterReasons(retry.maxAttempts())::headers);
        recoverer.setFailIfSendResultIsError(true);
        return recoverer;
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer, RetryProperties retry,
            DeliveryRetryListener retryListener) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        handler.setRetryListeners(retryListener);
        return handler;
    }
}
