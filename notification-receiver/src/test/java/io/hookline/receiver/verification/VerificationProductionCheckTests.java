package io.hookline.receiver.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.support.production.DatasourceProductionCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationProductionCheckTests {

    @Test
    void refusesThePublicDevelopmentSecretEvenBesideARealOne() {
        assertThat(VerificationProductionCheck.violations(List.of("whsec_cmVhbC1zZWNyZXQta2V5LWZvci1wcm9kISE=",
                VerificationProperties.DEVELOPMENT_SECRET)))
                .singleElement().asString().contains("hookline.receiver.secrets");
    }

    @Test
    void refusesTheEmbeddedH2Database() {
        assertThat(DatasourceProductionCheck.violations("jdbc:h2:file:./data/notification-receiver/notifications"))
                .singleElement().asString().contains("spring.datasource.url");
    }

    @Test
    void acceptsAProductionConfiguration() {
        assertThat(VerificationProductionCheck.violations(List.of("whsec_cmVhbC1zZWNyZXQta2V5LWZvci1wcm9kISE=")))
                .isEmpty();
        assertThat(DatasourceProductionCheck.violations("jdbc:postgresql://postgres:5432/receiver")).isEmpty();
    }
}
