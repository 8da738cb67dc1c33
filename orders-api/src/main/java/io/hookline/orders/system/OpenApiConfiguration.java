package io.hookline.orders.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and its bearer (API key) scheme; springdoc serves it at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ordersApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key: Authorization: Bearer sk_live_… (sk_test_… in development)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .info(new Info()
                        .title("hookline orders API")
                        .version("v1")
                        .description("Orders and simulated payments. Money is a decimal string plus an ISO 4217 "
                                + "code. Every /orders and /clients route needs Authorization: Bearer <API key>; a "
                                + "client sees only its own orders, an admin key sees all and manages /clients. "
                                + "POST endpoints accept an Idempotency-Key header (24 h, per client). Errors are "
                                + "RFC 9457 problem details with type URIs under https://hookline.io/problems/."));
    }
}
