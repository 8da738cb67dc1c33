package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.orders.OrdersApiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionGuardTests {

    @Test
    void refusesTheEmbeddedH2DatabaseAndAcceptsPostgres() {
        assertThat(ProductionGuard.problems("jdbc:h2:file:./data/orders-api/orders"))
                .singleElement().asString().contains("spring.datasource.url");
        assertThat(ProductionGuard.problems("jdbc:postgresql://postgres:5432/orders")).isEmpty();
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
                .hasMessageContaining("spring.datasource.url");
    }
}
