package io.hookline.orders.system;

import io.hookline.schemas.validation.ContractValidator;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Randomness and the contracts' validator as beans, so every class that needs them gets them injected
 * (the {@code Clock} is service-support's). */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** The JSON Schemas of {@code schemas}, loaded once: requests and outgoing events are checked with them. */
    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }

    @Bean
    IdGenerator idGenerator() {
        return UUID::randomUUID;
    }
}
