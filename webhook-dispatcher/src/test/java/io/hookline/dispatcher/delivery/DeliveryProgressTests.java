package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryProgressTests {

    private final DeliveryProgress progress = new DeliveryProgress();

    @Test
    void remembersWhichEndpointsAcceptedAnEvent() {
        UUID event = UUID.randomUUID();

        progress.markDelivered(event, "alpha");

        assertThat(progress.isDelivered(event, "alpha")).isTrue();
        assertThat(progress.isDelivered(event, "beta")).isFalse();
        assertThat(progress.isDelivered(UUID.randomUUID(), "alpha")).isFalse();
    }

    @Test
    void forgetsAnEventOnceItsRecordCompleted() {
        UUID event = UUID.randomUUID();
        progress.markDelivered(event, "alpha");

        progress.forget(event);

        assertThat(progress.isDelivered(event, "alpha")).isFalse();
        assertThat(progress.size()).isZero();
    }

    @Test
    void staysBoundedByEvictingTheOldestEvents() {
        UUID first = UUID.randomUUID();
        progress.markDelivered(first, "alpha");

        for (int i = 0; i < DeliveryProgress.MAX_EVENTS; i++) {
            progress.markDelivered(UUID.randomUUID(), "alpha");
        }

        assertThat(progress.size()).isEqualTo(DeliveryProgress.MAX_EVENTS);
        assertThat(progress.isDelivered(first, "alpha")).isFalse();
    }
}
