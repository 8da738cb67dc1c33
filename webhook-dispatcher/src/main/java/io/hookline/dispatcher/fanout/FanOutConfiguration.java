package io.hookline.dispatcher.fanout;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.schemas.validation.ContractValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The strict contract validator the dispatcher's own producers use (operational events; {@link EventReader} reads
 * tolerantly with its own), and the topics the fan-out reads.
 */
@Configuration(proxyBeanMethods = false)
class FanOutConfiguration {

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }

    /** The topics {@link FanOutListener} subscribes to ({@link FanOutProperties#topics}). */
    @Bean
    String[] fanOutSourceTopics(FanOutProperties fanOut, DeliveryTopicsProperties topics) {
        return fanOut.topics(topics).toArray(String[]::new);
    }
}
