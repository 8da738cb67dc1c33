package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.orders.OrdersApiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The production guard as the application runs it (the rules themselves: each feature's *ProductionCheckTests). */
class ProductionGuardTests {

    private static final String PROD_ADMIN_KEY = "a-production-admin-key-of-40-characters!";

    @Test
    void theProdProfileItselfTurnsTheDevelopmentKeysOffAndProtectsTheManagementEndpoints() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(OrdersApiApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.datasource.url=jdbc:h2:mem:prod-guard-auth;DB_CLOSE_DELAY=-1",
                        "spring.kafka.bootstrap-servers=localhost:1");

        assertThatThrownBy(() -> app.run("--hookline.orders.auth.admin-key=" + PROD_ADMIN_KEY)).rootCause()
                .hasMessageContaining("spring.datasource.url")
                .hasMessageNotContaining("hookline.orders.auth.");
    }

    @Test
    void theApplicationDoesNotStartUnderProdWithItsDevelopmentDefaults() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(OrdersApiApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.datasource.url=jdbc:h2:mem:prod-guard;DB_CLOSE_DELAY=-1",
                        "spring.kafka.bootstrap-servers=localhost:1");

        assertThatThrownBy(app::run).rootCause()
                .hasMessageContaining("The prod profile refuses to start")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("hookline.orders.auth.admin-key");
    }
}
