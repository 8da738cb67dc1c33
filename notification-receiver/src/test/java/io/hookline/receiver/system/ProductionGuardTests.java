package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.receiver.verification.VerificationProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionGuardTests {

    private static final String POSTGRES = "jdbc:postgresql://postgres:5432/receiver";

    @Test
    void refusesThePublicDevelopmentSecretEvenBesideARealOne() {
        assertThat(ProductionGuard.problems(List.of("whsec_cmVhbC1zZWNyZXQta2V5LWZvci1wcm9kISE=",
                VerificationProperties.DEVELOPMENT_SECRET), POSTGRES))
                .singleElement().asString().contains("receiver.secrets");
    }

    @Test
    void refusesTheEmbeddedH2Database() {
        assertThat(ProductionGuard.problems(List.of("whsec_cmVhbC1zZWNyZXQta2V5LWZvci1wcm9kISE="),
                "jdbc:h2:file:./data/notification-receiver/notifications"))
                .singleElement().asString().contains("spring.datasource.url");
    }

    @Test
    void acceptsAProductionConfiguration() {
        assertThat(ProductionGuard.problems(List.of("whsec_cmVhbC1zZWNyZXQta2V5LWZvci1wcm9kISE="), POSTGRES)).isEmpty();
    }

    @Test
    void refusesAMissingShortOrDevelopmentAdminTokenByName() {
        ManagementProperties secured = new ManagementProperties(true);

        for (String token : new String[] {"", "short-token", AdminProperties.DEVELOPMENT_TOKEN}) {
            assertThat(ProductionGuard.adminProblems(new AdminProperties(token), secured))
                    .singleElement().asString().contains("receiver.admin.token");
        }
    }

    @Test
    void refusesActuatorEndpointsWithoutTheAdminTokenByName() {
        assertThat(ProductionGuard.adminProblems(new AdminProperties("a-real-receiver-admin-token-0123"),
                new ManagementProperties(false)))
                .singleElement().asString().contains("receiver.management.require-admin-token");
    }

    @Test
    void acceptsARealAdminTokenWithTheActuatorSecured() {
        assertThat(ProductionGuard.adminProblems(new AdminProperties("a-real-receiver-admin-token-0123"),
                new ManagementProperties(true))).isEmpty();
    }
}
