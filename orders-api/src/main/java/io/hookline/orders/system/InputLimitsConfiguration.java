package io.hookline.orders.system;

import io.hookline.support.web.RequestBodyLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounded input: every request body is capped at {@code hookline.orders.http.max-request-body} by a filter that runs
 * before every other filter and interceptor (authentication included), so an oversized body is refused
 * without being read (docs/security.md, "Bounded input"). JSON limits are {@code spring.jackson.factory.*}.
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpProperties http) {
        return RequestBodyLimitFilter.registration(http.maxRequestBody().toBytes());
    }
}
