package io.hookline.receiver.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandOffPropertiesTests {

    @Test
    void aBoundOfNothingInFlightOrANegativeBlockIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HandOffProperties(0, Duration.ofMillis(250)))
                .withMessageContaining("max-in-flight");
        assertThatIllegalArgumentException().isThrownBy(() -> new HandOffProperties(10, Duration.ofMillis(-1)))
                .withMessageContaining("max-block");
        assertThat(new HandOffProperties(1, Duration.ZERO).maxBlock()).isZero();
    }
}
