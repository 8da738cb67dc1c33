package io.hookline.receiver.system;

import io.hookline.schemas.validation.ContractValidator;
import java.time.Clock;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shared infrastructure beans: the clock every timestamp, tolerance and retry schedule reads, the randomness the
 * retry jitter draws from, and the contract validator.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Thread-safe ({@link Random} is); tests inject a seeded or fixed one. */
    @Bean
    RandomGenerator random() {
        return new Random();
    }

    /** Thread-safe; loads the platform's JSON Schemas once. */
    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }
}
