package io.hookline.dispatcher.kafka;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.RetryProperties;
import io.hookline.dispatcher.operations.OperationsProperties;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka wiring of the dispatcher in one place: the topics it owns (all with the same partition count:
 * {@code orders.events}, {@code orders.events.dlt}, {@code webhooks.deliveries}, one retry topic per step of
 * the retry schedule, {@code webhooks.deliveries.dlt}, {@code webhooks.deliveries.dlt.actions}, the operators'
 * actions on dead letters, kept forever like the dead letters, and {@code hookline.operational-events}) and the
 * error handler of the fan-out listener. The fan-out handles unreadable records itself, so an exception reaching
 * the error handler means Kafka did not acknowledge a produce: the records before the failed one commit and the
 * rest is retried every second, never skipped (the retry produces only what was not acknowledged).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics dispatcherTopics(DeliveryTopicsProperties topics, RetryProperties retry,
            OperationsProperties operations) {
        List<String> names = new ArrayList<>(List.of(topics.events(), topics.eventsDeadLetter(), topics.deliveries(),
                topics.deliveriesDeadLetter(), operations.topic()));
        for (int n = 1; n <= retry.delays().size(); n++) {
            names.add(topics.retry(n));
        }
        List<NewTopic> declared = new ArrayList<>(names.stream()
                .map(name -> TopicBuilder.name(name).partitions(topics.partitions())
                        .replicas(topics.replicationFactor()).build())
                .toList());
        declared.add(TopicBuilder.name(topics.deadLetterActions()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
        return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler fanOutErrorHandler() {
        return new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS));
    }
}
