package io.hookline.receiver.system;

import io.hookline.schemas.validation.ContractValidator;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shared infrastructure beans: the randomness the retry jitter draws from and the contract validator (the clock
 * every timestamp, tolerance and retry schedule reads is service-support's).
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** Thread-safe ({@link Random} is); tests inject a seeded or fixed one. */
    @Bean
    RandomGenerator random() {
        return new Random();
    }

    /**
     * Thread-safe; loads the platform's JSON Schemas once, in tolerant mode: a consumer accepts fields it does not
     * know (a producer may add fields without a new version) and checks only what the contract says of the rest.
     */
    @Bean
    ContractValidator contractValidator() {
        return ContractValidator.tolerant();
    }
}
