package io.hookline.support.topics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * With {@code hookline.topics.verify.enabled=true} (the {@code prod} profile): the topics a service declares
 * ({@link NewTopic} and {@link KafkaAdmin.NewTopics} beans, i.e. every topic it produces to or consumes) are
 * checked once every singleton exists, before any listener or relay starts, against {@link TopicCatalog#packaged()}
 * and the expected replication; a difference ends the start with {@link TopicSettingsException}. The service's
 * {@link KafkaAdmin} no longer creates topics, so a missing topic is never made with the service's defaults.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnProperty(name = "hookline.topics.verify.enabled", havingValue = "true")
@EnableConfigurationProperties(TopicVerificationProperties.class)
public class TopicVerificationAutoConfiguration {

    /** Turns off {@link KafkaAdmin}'s topic creation before its own start-up step could run it. */
    @Bean
    static BeanPostProcessor kafkaAdminCreatesNoTopics() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setAutoCreate(false);
                }
                return bean;
            }
        };
    }

    @Bean
    TopicVerifier topicVerifier(KafkaAdmin kafkaAdmin, TopicVerificationProperties properties,
            Environment environment) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "hookline") + "-topic-verifier");
        int timeout = (int) properties.timeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        return new TopicVerifier(() -> Admin.create(config), TopicCatalog.packaged(), properties);
    }

    @Bean
    SmartInitializingSingleton topicVerification(TopicVerifier verifier, ApplicationContext context) {
        return () -> verifier.verify(new DeclaredTopics(context).names());
    }
}
