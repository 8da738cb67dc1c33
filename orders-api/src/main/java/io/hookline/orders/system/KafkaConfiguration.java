package io.hookline.orders.system;

import io.hookline.schemas.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Kafka wiring of the service, in one place. The producer itself (acks=all, idempotence, timeouts) is
 * configured under {@code spring.kafka.producer} in {@code application.yml}; the relay uses Boot's
 * {@code KafkaTemplate<String, String>}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    NewTopic ordersEventsTopic(TopicProperties topic) {
        return TopicBuilder.name(Topics.ORDERS_EVENTS)
                .partitions(topic.partitions())
                .replicas(topic.replicationFactor())
                .build();
    }
}
