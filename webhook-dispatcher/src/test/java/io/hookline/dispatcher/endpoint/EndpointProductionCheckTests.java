package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointProductionCheckTests {

    @Test
    void refusesPrivateEndpointUrlsByName() {
        assertThat(EndpointProductionCheck.violations(true)).singleElement().asString()
                .contains("allow-private-urls");
        assertThat(EndpointProductionCheck.violations(false)).isEmpty();
    }
}
