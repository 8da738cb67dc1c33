package io.hookline.dispatcher.system;

import io.hookline.support.web.AdminTokenFilter;
import io.hookline.support.web.RequestBodyLimitFilter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet filters in front of everything (docs/security.md): the request body limit
 * ({@code hookline.dispatcher.api.max-request-body}) on every path, first; and, with
 * {@code hookline.dispatcher.management.require-admin-token}, the admin token on the actuator endpoints (but health),
 * which the admin API's MVC interceptor does not reach.
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties api) {
        return RequestBodyLimitFilter.registration(api.maxRequestBody().toBytes());
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> managementTokenFilter(AdminProperties admin,
            ManagementProperties management) {
        List<String> protectedPaths = management.requireAdminToken() ? List.of("/actuator") : List.of();
        return AdminTokenFilter.registration("managementTokenFilter", new AdminTokenFilter(admin.token(),
                protectedPaths, List.of("/actuator/health")));
    }
}
