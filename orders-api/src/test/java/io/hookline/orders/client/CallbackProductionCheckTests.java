package io.hookline.orders.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackProductionCheckTests {

    @Test
    void refusesTheLocalStacksCallbackSecretByName() {
        assertThat(CallbackProductionCheck.violations(CallbackProductionCheck.LOCAL_CALLBACKS_SECRET))
                .singleElement().asString().contains("hookline.orders.callbacks.secret");
        assertThat(CallbackProductionCheck.violations("")).isEmpty();
        assertThat(CallbackProductionCheck.violations("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
    }
}
