package io.hookline.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// config-rename: keep (old names on purpose)
class LegacyPropertyNamesTests {

    @Test
    void anOldPropertyNameMovesUnderTheHooklineRoot() {
        assertThat(LegacyPropertyNames.newPropertyName("orders.outbox.batch-size"))
                .contains("hookline.orders.outbox.batch-size");
        assertThat(LegacyPropertyNames.newPropertyName("dispatcher.endpoints[0].url"))
                .contains("hookline.dispatcher.endpoints[0].url");
        assertThat(LegacyPropertyNames.newPropertyName("receiver.secrets")).contains("hookline.receiver.secrets");
    }

    @Test
    void otherNamesAreNotOldNames() {
        assertThat(LegacyPropertyNames.newPropertyName("hookline.orders.outbox.batch-size")).isEmpty();
        assertThat(LegacyPropertyNames.newPropertyName("spring.kafka.bootstrap-servers")).isEmpty();
        assertThat(LegacyPropertyNames.newPropertyName("ordersx.outbox")).isEmpty();
        assertThat(LegacyPropertyNames.newPropertyName("orders")).isEmpty();
    }

    @Test
    void anOldEnvironmentVariableGetsTheHooklinePrefix() {
        assertThat(LegacyPropertyNames.newVariableName("ORDERS_AUTH_ADMIN_KEY")).contains("HOOKLINE_ORDERS_AUTH_ADMIN_KEY");
        assertThat(LegacyPropertyNames.newVariableName("DISPATCHER_ENDPOINTS_0_SECRET"))
                .contains("HOOKLINE_DISPATCHER_ENDPOINTS_0_SECRET");
        assertThat(LegacyPropertyNames.newVariableName("RECEIVER_SECRETS_0")).contains("HOOKLINE_RECEIVER_SECRETS_0");
    }

    @Test
    void serviceLinksAndLauncherPortsAreNotOldVariables() {
        assertThat(LegacyPropertyNames.newVariableName("DISPATCHER_PORT")).isEmpty();
        assertThat(LegacyPropertyNames.newVariableName("ORDERS_API_PORT")).isEmpty();
        assertThat(LegacyPropertyNames.newVariableName("RECEIVER_PORT_8082_TCP_ADDR")).isEmpty();
        assertThat(LegacyPropertyNames.newVariableName("DISPATCHER_SERVICE_HOST")).isEmpty();
        assertThat(LegacyPropertyNames.newVariableName("HOOKLINE_ORDERS_AUTH_ADMIN_KEY")).isEmpty();
        assertThat(LegacyPropertyNames.newVariableName("orders_auth_admin_key")).isEmpty();
    }
}
