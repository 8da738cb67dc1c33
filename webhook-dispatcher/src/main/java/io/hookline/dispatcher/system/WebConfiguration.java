package io.hookline.dispatcher.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin API (everything under {@code /endpoints}, {@code /events}, {@code /dead-letters},
 * {@code /event-dead-letters} and {@code /inbox-dead-letters}, and
 * {@code /endpoint-stats}) requires the admin token. Public, as descriptions of the service: {@code /v3/api-docs}
 * and {@code /swagger-ui.html} (not served under the {@code prod} profile), {@code /asyncapi.json} (the platform's
 * topics and records, {@code io.hookline.dispatcher.contract.AsyncApiController}) and the console's page.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebConfiguration implements WebMvcConfigurer {

    private final AdminProperties admin;

    WebConfiguration(AdminProperties admin) {
        this.admin = admin;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthentication(admin)).addPathPatterns("/endpoints", "/endpoints/**",
                "/events/**", "/dead-letters", "/dead-letters/**", "/event-dead-letters", "/event-dead-letters/**",
                "/inbox-dead-letters", "/inbox-dead-letters/**", "/endpoint-stats", "/event-types",
                "/event-types/**");
    }
}
