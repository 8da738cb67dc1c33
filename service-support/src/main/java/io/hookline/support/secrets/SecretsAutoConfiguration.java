package io.hookline.support.secrets;

import java.security.SecureRandom;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives every service one {@link SecretCipher} over {@code hookline.secrets.*}. A service that stores no secret
 * needs no key: the cipher then refuses only to encrypt. A service that must encrypt checks
 * {@link SecretCipher#activeKeyId()} at startup.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecretsProperties.class)
public class SecretsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecretCipher secretCipher(SecretsProperties properties) {
        return new SecretCipher(properties, new SecureRandom());
    }
}
