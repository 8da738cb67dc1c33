package io.hookline.receiver.verification;

import io.hookline.schemas.signing.SignatureVerifier;
import io.hookline.support.web.RequestBodyLimitFilter;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SignatureVerifier} of the service, built from {@link VerificationProperties}, and the request body
 * limit ({@code hookline.receiver.max-body-size}) in front of every path, the first filter (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean
    SignatureVerifier signatureVerifier(VerificationProperties properties, Clock clock) {
        return new SignatureVerifier(properties.webhookSecrets(), properties.tolerance(), clock);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(VerificationProperties verification) {
        return RequestBodyLimitFilter.registration(verification.maxBodySize().toBytes());
    }
}
