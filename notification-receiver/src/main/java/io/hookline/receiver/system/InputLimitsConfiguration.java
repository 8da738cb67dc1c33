package io.hookline.receiver.system;

import io.hookline.receiver.verification.VerificationProperties;
import io.hookline.support.web.AdminTokenFilter;
import io.hookline.support.web.RequestBodyLimitFilter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet filters in front of everything (docs/security.md): the request body limit
 * ({@code receiver.max-body-size}) on every path, first; then the admin token ({@code receiver.admin.token})
 * on {@code /notifications} and, with {@code receiver.management.require-admin-token}, on the actuator
 * endpoints but health.
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(VerificationProperties verification) {
        return RequestBodyLimitFilter.registration(verification.maxBodySize().toBytes());
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminProperties admin, ManagementProperties management) {
        List<String> protectedPaths = new ArrayList<>(List.of("/notifications"));
        if (management.requireAdminToken()) {
            protectedPaths.add("/actuator");
        }
        return AdminTokenFilter.registration("adminTokenFilter", new AdminTokenFilter(admin.token(),
                protectedPaths, List.of("/actuator/health")));
    }
}
