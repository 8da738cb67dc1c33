package io.hookline.dispatcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.support.production.DatasourceProductionCheck;
import io.hookline.support.secrets.SecretsProperties;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The dispatcher's own production checks (the guard that runs them all is service-support's). */
class ProductionChecksTests {

    @Test
    void refusesEveryDevelopmentDefaultByName() {
        assertThat(AdminProductionCheck.tokenViolations("")).singleElement().asString()
                .contains("hookline.dispatcher.admin.token");
        assertThat(DatasourceProductionCheck.violations("jdbc:h2:file:./data/webhook-dispatcher/dispatcher"))
                .singleElement().asString().contains("spring.datasource.url");
    }

    @Test
    void refusesTheLocalStacksCallbackSecretByName() {
        assertThat(SecretsProductionCheck.callbackViolations(SecretsProductionCheck.LOCAL_CALLBACKS_SECRET))
                .singleElement().asString().contains("hookline.dispatcher.callbacks.secret");
        assertThat(SecretsProductionCheck.callbackViolations("")).isEmpty();
    }

    @Test
    void refusesTheLocalStacksPublicTokenAndShortTokens() {
        assertThat(AdminProductionCheck.tokenViolations(AdminProductionCheck.LOCAL_ADMIN_TOKEN)).hasSize(1);
        assertThat(AdminProductionCheck.tokenViolations("short")).hasSize(1);
    }

    @Test
    void acceptsAProductionConfiguration() {
        assertThat(AdminProductionCheck.tokenViolations("a-long-random-admin-token-0123456789")).isEmpty();
    }

    @Test
    void refusesToStartWithoutAnActiveSecretsKey() {
        assertThat(SecretsProductionCheck.secretsViolations(new SecretsProperties(Map.of(), "")))
                .singleElement().asString().contains("hookline.secrets.active-key");
    }

    @Test
    void refusesTheDevelopmentSecretsKeyUnderAnyKeyId() {
        String own = Base64.getEncoder().encodeToString("a-production-key-of-32-bytes-xyz".getBytes());

        assertThat(SecretsProductionCheck.secretsViolations(new SecretsProperties(
                Map.of("local-dev", SecretsProductionCheck.LOCAL_SECRETS_KEY), "local-dev")))
                .singleElement().asString().contains("hookline.secrets.keys.local-dev", "development key");
        assertThat(SecretsProductionCheck.secretsViolations(new SecretsProperties(
                Map.of("k1", own, "old", SecretsProductionCheck.LOCAL_SECRETS_KEY), "k1")))
                .singleElement().asString().contains("hookline.secrets.keys.old");
        assertThat(SecretsProductionCheck.secretsViolations(new SecretsProperties(Map.of("k1", own), "k1"))).isEmpty();
    }

    @Test
    void theDefaultProfileShipsTheDevelopmentKeyAndTheProdProfileDropsIt() {
        String own = Base64.getEncoder().encodeToString("a-production-key-of-32-bytes-xyz".getBytes());

        SecretsProperties local = secrets();
        SecretsProperties prod = secrets("--spring.profiles.active=prod");
        SecretsProperties configured = secrets("--spring.profiles.active=prod", "--hookline.secrets.active-key=k1",
                "--hookline.secrets.keys.k1=" + own);

        assertThat(local.activeKey()).isEqualTo("local-dev");
        assertThat(local.keys()).containsEntry("local-dev", SecretsProductionCheck.LOCAL_SECRETS_KEY);
        assertThat(SecretsProductionCheck.secretsViolations(local)).singleElement().asString().contains("development key");
        assertThat(prod.keys()).isEmpty();
        assertThat(SecretsProductionCheck.secretsViolations(prod)).singleElement().asString()
                .contains("hookline.secrets.active-key");
        assertThat(SecretsProductionCheck.secretsViolations(configured)).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecretsProperties.class)
    static class SecretsBinding {
    }

    private static SecretsProperties secrets(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretsBinding.class)
                .web(WebApplicationType.NONE).run(args)) {
            return context.getBean(SecretsProperties.class);
        }
    }

    @Test
    void refusesActuatorEndpointsWithoutTheAdminTokenByName() {
        assertThat(AdminProductionCheck.managementViolations(new ManagementProperties(false)))
                .singleElement().asString().contains("hookline.dispatcher.management.require-admin-token");
        assertThat(AdminProductionCheck.managementViolations(new ManagementProperties(true))).isEmpty();
    }
}
