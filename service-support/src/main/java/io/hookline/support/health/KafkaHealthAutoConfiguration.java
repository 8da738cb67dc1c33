package io.hookline.support.health;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Registers {@link KafkaHealthIndicator} as the health contributor {@code kafka} in every service that has a
 * {@link KafkaAdmin} (Spring Boot 4 has none of its own). Its admin client uses the service's admin
 * configuration ({@code spring.kafka.bootstrap-servers}, security, {@code spring.kafka.admin.*}). Which health
 * groups include it is each service's {@code management.endpoint.health.group.*} configuration.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties,
            Environment environment) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "hookline") + "-health");
        return new KafkaHealthIndicator(() -> Admin.create(config), properties, System::nanoTime);
    }
}
