package io.hookline.receiver.system;

import io.hookline.schemas.validation.ContractValidator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans: the clock every timestamp and tolerance reads, and the contract validator. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Thread-safe; loads the platform's JSON Schemas once. */
    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }
}
