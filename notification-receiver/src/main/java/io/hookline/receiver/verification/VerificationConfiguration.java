package io.hookline.receiver.verification;

import io.hookline.schemas.signing.SignatureVerifier;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SignatureVerifier} of the service, built from {@link VerificationProperties}. */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean
    SignatureVerifier signatureVerifier(VerificationProperties properties, Clock clock) {
        return new SignatureVerifier(properties.webhookSecrets(), properties.tolerance(), clock);
    }
}
