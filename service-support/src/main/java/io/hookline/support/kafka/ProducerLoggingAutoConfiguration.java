package io.hookline.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.ProducerListener;

/**
 * Keeps record values (customer e-mail addresses) out of the producer's error logs in every service: registers
 * {@link MetadataOnlyProducerListener} before Boot's Kafka auto-configuration, whose logging listener then backs off.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(ProducerListener.class)
public class ProducerLoggingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ProducerListener.class)
    ProducerListener<Object, Object> metadataOnlyProducerListener() {
        return new MetadataOnlyProducerListener();
    }
}
