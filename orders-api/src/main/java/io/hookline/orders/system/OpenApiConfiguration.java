package io.hookline.orders.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; springdoc serves it at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ordersApi() {
        return new OpenAPI().info(new Info()
                .title("hookline orders API")
                .version("v1")
                .description("Orders and simulated payments. Money is a decimal string plus an ISO 4217 code. "
                        + "POST endpoints accept an Idempotency-Key header (24 h). Errors are RFC 9457 problem "
                        + "details with type URIs under https://hookline.io/problems/."));
    }
}
