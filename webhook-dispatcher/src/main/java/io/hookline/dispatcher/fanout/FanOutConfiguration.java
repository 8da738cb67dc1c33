package io.hookline.dispatcher.fanout;

import io.hookline.schemas.validation.ContractValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event contract validator used by {@link EventReader}. */
@Configuration(proxyBeanMethods = false)
class FanOutConfiguration {

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }
}
