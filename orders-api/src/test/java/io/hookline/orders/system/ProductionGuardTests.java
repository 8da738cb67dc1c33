package io.hookline.orders.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.orders.OrdersApiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionGuardTests {

    @Test
    void refusesTheLocalStacksCallbackSecretByName() {
        assertThat(ProductionGuard.callbackProblems(ProductionGuard.LOCAL_CALLBACKS_SECRET))
                .singleElement().asString().contains("orders.callbacks.secret");
        assertThat(ProductionGuard.callbackProblems("")).isEmpty();
        assertThat(ProductionGuard.callbackProblems("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
    }

    @Test
    void refusesTheEmbeddedH2DatabaseAndAcceptsPostgres() {
        assertThat(ProductionGuard.problems("jdbc:h2:file:./data/orders-api/orders"))
                .singleElement().asString().contains("spring.datasource.url");
        assertThat(ProductionGuard.problems("jdbc:postgresql://postgres:5432/orders")).isEmpty();
    }

    private static final String PROD_ADMIN_KEY = "a-production-admin-key-of-40-characters!";

    @Test
    void acceptsAConfiguredAdminKeyWithTheDevelopmentKeysOff() {
        assertThat(ProductionGuard.authProblems(settings(PROD_ADMIN_KEY, false, true))).isEmpty();
    }

    @Test
    void refusesAMissingOrShortAdminKeyNamingTheProperty() {
        assertThat(ProductionGuard.authProblems(settings("", false, true))).singleElement().asString()
                .contains("orders.auth.admin-key", "ORDERS_AUTH_ADMIN_KEY");
        assertThat(ProductionGuard.authProblems(settings("x".repeat(31), false, true))).singleElement().asString()
                .contains("orders.auth.admin-key").doesNotContain("x".repeat(31));
    }

    @Test
    void refusesEveryDevelopmentCredentialNamingTheProperty() {
        String devAdmin = "sk_test_hookline_dev_admin_9f8e7d6c5b4a3f2e1d0c";
        assertThat(ProductionGuard.authProblems(settings(devAdmin, false, true))).singleElement().asString()
                .contains("orders.auth.admin-key must not be a development key").doesNotContain(devAdmin);
        assertThat(ProductionGuard.authProblems(settings(PROD_ADMIN_KEY, true, true))).singleElement().asString()
                .contains("orders.auth.development-keys.enabled");
        assertThat(ProductionGuard.authProblems(settings(PROD_ADMIN_KEY, false, false))).singleElement()
                .asString().contains("orders.auth.management.require-admin-key");
    }

    @Test
    void theProdProfileItselfTurnsTheDevelopmentKeysOffAndProtectsTheManagementEndpoints() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(OrdersApiApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("spring.datasource.url=jdbc:h2:mem:prod-guard-auth;DB_CLOSE_DELAY=-1",
                        "spring.kafka.bootstrap-servers=localhost:1");

        assertThatThrownBy(() -> app.run("--orders.auth.admin-key=" + PROD_ADMIN_KEY)).rootCause()
                .hasMessageContaining("spring.datasource.url")
                .hasMessageNotContaining("orders.auth.");
    }

    private static ProductionGuard.AuthSettings settings(String adminKey, boolean development, boolean management) {
        return new ProductionGuard.AuthSettings(adminKey, development,
                "sk_test_hookline_dev_client_0a1b2c3d4e5f6a7b8c9d", "sk_test_hookline_dev_admin_9f8e7d6c5b4a3f2e1d0c",
                management);
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
                .hasMessageContaining("orders.auth.admin-key");
    }
}
