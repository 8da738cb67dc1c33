package io.hookline.orders.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthProductionCheckTests {

    private static final String PROD_ADMIN_KEY = "a-production-admin-key-of-40-characters!";

    @Test
    void acceptsAConfiguredAdminKeyWithTheDevelopmentKeysOff() {
        assertThat(AuthProductionCheck.violations(settings(PROD_ADMIN_KEY, false, true))).isEmpty();
    }

    @Test
    void refusesAMissingOrShortAdminKeyNamingTheProperty() {
        assertThat(AuthProductionCheck.violations(settings("", false, true))).singleElement().asString()
                .contains("hookline.orders.auth.admin-key", "HOOKLINE_ORDERS_AUTH_ADMIN_KEY");
        assertThat(AuthProductionCheck.violations(settings("x".repeat(31), false, true))).singleElement().asString()
                .contains("hookline.orders.auth.admin-key").doesNotContain("x".repeat(31));
    }

    @Test
    void refusesEveryDevelopmentCredentialNamingTheProperty() {
        String devAdmin = "sk_test_hookline_dev_admin_9f8e7d6c5b4a3f2e1d0c";
        assertThat(AuthProductionCheck.violations(settings(devAdmin, false, true))).singleElement().asString()
                .contains("hookline.orders.auth.admin-key must not be a development key").doesNotContain(devAdmin);
        assertThat(AuthProductionCheck.violations(settings(PROD_ADMIN_KEY, true, true))).singleElement().asString()
                .contains("hookline.orders.auth.development-keys.enabled");
        assertThat(AuthProductionCheck.violations(settings(PROD_ADMIN_KEY, false, false))).singleElement()
                .asString().contains("hookline.orders.auth.management.require-admin-key");
    }

    private static AuthProductionCheck.AuthSettings settings(String adminKey, boolean development, boolean management) {
        return new AuthProductionCheck.AuthSettings(adminKey, development,
                "sk_test_hookline_dev_client_0a1b2c3d4e5f6a7b8c9d", "sk_test_hookline_dev_admin_9f8e7d6c5b4a3f2e1d0c",
                management);
    }
}
