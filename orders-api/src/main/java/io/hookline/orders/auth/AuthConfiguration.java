package io.hookline.orders.auth;

import java.security.SecureRandom;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication wiring: every orders route ({@code /orders}, {@code /orders/**}, payments included) and the
 * admin API ({@code /clients/**}) pass {@link ApiKeyAuthentication}; handlers get their {@link Caller} injected.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    static final List<String> AUTHENTICATED_PATHS = List.of("/orders", "/orders/**", "/clients", "/clients/**");

    private final ApiKeyAuthenticator authenticator;

    AuthConfiguration(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyAuthentication(authenticator)).addPathPatterns(AUTHENTICATED_PATHS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    /** {@code /actuator/**} (but health) for the admin key only, where configured (under prod). */
    @Bean
    @ConditionalOnBooleanProperty("hookline.orders.auth.management.require-admin-key")
    FilterRegistrationBean<ManagementAuthentication> managementAuthentication(JsonMapper mapper) {
        FilterRegistrationBean<ManagementAuthentication> registration = new FilterRegistrationBean<>(
                new ManagementAuthentication(authenticator, mapper));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        return registration;
    }

    /** The randomness of new API keys. */
    @Bean
    SecureRandom apiKeyRandom() {
        return new SecureRandom();
    }
}
