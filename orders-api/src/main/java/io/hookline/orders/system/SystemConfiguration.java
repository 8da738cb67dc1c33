package io.hookline.orders.system;

import io.hookline.schemas.validation.ContractValidator;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time, randomness and the contracts' validator as beans, so every class that needs them gets them injected. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

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
