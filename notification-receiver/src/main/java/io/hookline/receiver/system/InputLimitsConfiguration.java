package io.hookline.receiver.system;

import io.hookline.support.web.AdminTokenFilter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin token filter (docs/security.md), after the request body limit ({@code hookline.receiver.max-body-size} on every
 * path, registered by {@code VerificationConfiguration}): the admin token ({@code hookline.receiver.admin.token})
 * on {@code /notifications} and, with {@code hookline.receiver.management.require-admin-token}, on the actuator
 * endpoints but health.
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

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
