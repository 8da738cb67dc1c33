package io.hookline.dispatcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.support.secrets.SecretsProperties;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

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
    void refusesTheLocalStacksCallbackSecretByName() {
        assertThat(ProductionGuard.callbackProblems(ProductionGuard.LOCAL_CALLBACKS_SECRET))
                .singleElement().asString().contains("dispatcher.callbacks.secret");
        assertThat(ProductionGuard.callbackProblems("")).isEmpty();
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
    void refusesToStartWithoutAnActiveSecretsKey() {
        assertThat(ProductionGuard.secretsProblems(new SecretsProperties(Map.of(), "")))
                .singleElement().asString().contains("hookline.secrets.active-key");
    }

    @Test
    void refusesTheDevelopmentSecretsKeyUnderAnyKeyId() {
        String own = Base64.getEncoder().encodeToString("a-production-key-of-32-bytes-xyz".getBytes());

        assertThat(ProductionGuard.secretsProblems(new SecretsProperties(
                Map.of("local-dev", ProductionGuard.LOCAL_SECRETS_KEY), "local-dev")))
                .singleElement().asString().contains("hookline.secrets.keys.local-dev", "development key");
        assertThat(ProductionGuard.secretsProblems(new SecretsProperties(
                Map.of("k1", own, "old", ProductionGuard.LOCAL_SECRETS_KEY), "k1")))
                .singleElement().asString().contains("hookline.secrets.keys.old");
        assertThat(ProductionGuard.secretsProblems(new SecretsProperties(Map.of("k1", own), "k1"))).isEmpty();
    }

    @Test
    void theDefaultProfileShipsTheDevelopmentKeyAndTheProdProfileDropsIt() {
        String own = Base64.getEncoder().encodeToString("a-production-key-of-32-bytes-xyz".getBytes());

        SecretsProperties local = secrets();
        SecretsProperties prod = secrets("--spring.profiles.active=prod");
        SecretsProperties configured = secrets("--spring.profiles.active=prod", "--hookline.secrets.active-key=k1",
                "--hookline.secrets.keys.k1=" + own);

        assertThat(local.activeKey()).isEqualTo("local-dev");
        assertThat(local.keys()).containsEntry("local-dev", ProductionGuard.LOCAL_SECRETS_KEY);
        assertThat(ProductionGuard.secretsProblems(local)).singleElement().asString().contains("development key");
        assertThat(prod.keys()).isEmpty();
        assertThat(ProductionGuard.secretsProblems(prod)).singleElement().asString()
                .contains("hookline.secrets.active-key");
        assertThat(ProductionGuard.secretsProblems(configured)).isEmpty();
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
        assertThat(ProductionGuard.managementProblems(new ManagementProperties(false)))
                .singleElement().asString().contains("dispatcher.management.require-admin-token");
        assertThat(ProductionGuard.managementProblems(new ManagementProperties(true))).isEmpty();
    }
}
