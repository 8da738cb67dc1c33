package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminProductionCheckTests {

    @Test
    void refusesAMissingShortOrDevelopmentAdminTokenByName() {
        ManagementProperties secured = new ManagementProperties(true);

        for (String token : new String[] {"", "short-token", AdminProperties.DEVELOPMENT_TOKEN}) {
            assertThat(AdminProductionCheck.violations(new AdminProperties(token), secured))
                    .singleElement().asString().contains("hookline.receiver.admin.token");
        }
    }

    @Test
    void refusesActuatorEndpointsWithoutTheAdminTokenByName() {
        assertThat(AdminProductionCheck.violations(new AdminProperties("a-real-receiver-admin-token-0123"),
                new ManagementProperties(false)))
                .singleElement().asString().contains("hookline.receiver.management.require-admin-token");
    }

    @Test
    void acceptsARealAdminTokenWithTheActuatorSecured() {
        assertThat(AdminProductionCheck.violations(new AdminProperties("a-real-receiver-admin-token-0123"),
                new ManagementProperties(true))).isEmpty();
    }
}
