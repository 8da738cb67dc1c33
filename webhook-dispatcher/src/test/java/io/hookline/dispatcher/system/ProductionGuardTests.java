package io.hookline.dispatcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionGuardTests {

    private static final String POSTGRES = "jdbc:postgresql://postgres:5432/dispatcher";

    @Test
    void refusesEveryDevelopmentDefaultByName() {
        assertThat(ProductionGuard.problems("", true, "jdbc:h2:file:./data/webhook-dispatcher/dispatcher"))
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).contains("dispatcher.admin.token"))
                .anySatisfy(problem -> assertThat(problem).contains("allow-private-urls"))
                .anySatisfy(problem -> assertThat(problem).contains("spring.datasource.url"));
    }

    @Test
    void refusesTheLocalStacksPublicTokenAndShortTokens() {
        assertThat(ProductionGuard.problems(ProductionGuard.LOCAL_ADMIN_TOKEN, false, POSTGRES)).hasSize(1);
        assertThat(ProductionGuard.problems("short", false, POSTGRES)).hasSize(1);
    }

    @Test
    void acceptsAProductionConfiguration() {
        assertThat(ProductionGuard.problems("a-long-random-admin-token-0123456789", false, POSTGRES)).isEmpty();
    }

    @Test
    void refusesActuatorEndpointsWithoutTheAdminTokenByName() {
        assertThat(ProductionGuard.managementProblems(new ManagementProperties(false)))
                .singleElement().asString().contains("dispatcher.management.require-admin-token");
        assertThat(ProductionGuard.managementProblems(new ManagementProperties(true))).isEmpty();
    }
}
