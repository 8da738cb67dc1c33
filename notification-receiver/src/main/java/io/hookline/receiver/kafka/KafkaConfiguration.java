package io.hookline.receiver.kafka;

import io.hookline.receiver.inbox.HandOffProperties;
import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.inbox.PoisonInboxRecordException;
import io.hookline.receiver.inbox.InboxFailures;
import io.hookline.receiver.system.TopicProperties;
import io.hookline.schemas.events.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * All Kafka wiring of the receiver: its topics, the producer's time bounds, and what happens to an inbox
 * record the worker cannot process. (That no producer error log quotes a record's value, the customer's e-mail
 * address, is service-support's {@code MetadataOnlyProducerListener}.)
 *
 * <p>Producer settings that do not depend on our properties ({@code acks=all}, idempotence) live in
 * {@code application.yml}; the time bounds are derived here from {@code hookline.receiver.inbox.send-timeout} so that
 * an unreachable cluster answers the webhook sender within that budget.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandOffProperties.class)
public class KafkaConfiguration {

    @Bean
    NewTopic notificationsInbox(TopicProperties topic, InboxProperties inbox) {
        return TopicBuilder.name(inbox.topic()).partitions(topic.partitions())
                .replicas(topic.replicationFactor()).build();
    }

    @Bean
    NewTopic notificationsInboxDeadLetters(TopicProperties topic, InboxProperties inbox) {
        return TopicBuilder.name(inbox.deadLetterTopic()).partitions(topic.partitions())
                .replicas(topic.replicationFactor()).build();
    }

    /**
     * Bounds every produce by the send timeout: {@code request.timeout.ms} and {@code delivery.timeout.ms} (which
     * must cover linger plus request); {@code max.block.ms} (waiting inside {@code send} for metadata or buffer
     * space, on the request thread) by the shorter {@code hookline.receiver.inbox.hand-off.max-block}, at most the timeout.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedProducerTimeouts(InboxProperties inbox, HandOffProperties handOff) {
        return factory -> {
            long budget = Math.max(1, inbox.sendTimeout().toMillis());
            Object linger = factory.getConfigurationProperties().getOrDefault(ProducerConfig.LINGER_MS_CONFIG, 0);
            Map<String, Object> bounds = new HashMap<>();
            bounds.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(budget, handOff.maxBlock().toMillis()));
            bounds.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, budget));
            bounds.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    (int) Math.min(Integer.MAX_VALUE, budget + Long.parseLong(linger.toString())));
            factory.updateConfigs(bounds);
        };
    }

    /**
     * What happens to an inbox record the worker could not process: poison (not JSON, off-schema, no
     * {@code webhook-id}) goes straight to the inbox dead-letter topic with the reason; a database that is away is
     * waited for with capped exponential back-off, without limit; anything else (a bug) is retried
     * {@code hookline.receiver.inbox.retry.max-retries} times, then parked there too, so the listener moves on. The offset
     * is committed only after the dead letter is acknowledged. SMTP is no longer on this path: the e-mail is sent
     * by the sender loops once the notification is recorded.
     */
    @Bean
    DefaultErrorHandler inboxErrorHandler(KafkaOperations<Object, Object> template, InboxProperties inbox) {
        DeadLetterPublishingRecoverer recoverer = new LoggingDeadLetterRecoverer(template, inbox.deadLetterTopic());
        InboxProperties.Retry retry = inbox.retry();
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        bounded.setInitialInterval(retry.initialInterval().toMillis());
        bounded.setMultiplier(retry.multiplier());
        bounded.setMaxInterval(retry.maxInterval().toMillis());
        ExponentialBackOff unbounded = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        unbounded.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bounded);
        handler.setBackOffFunction((record, failure) -> InboxFailures.databaseAway(failure) ? unbounded : null);
        handler.addNotRetryableExceptions(PoisonInboxRecordException.class);
        return handler;
    }
}
