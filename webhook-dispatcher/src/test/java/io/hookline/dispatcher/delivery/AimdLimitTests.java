package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AimdLimitTests {

    @Test
    void growsByOnePerSuccessUpToTheCeiling() {
        AimdLimit limit = new AimdLimit(10, 2, 12, 0.5);

        limit.onSuccess(10);
        assertThat(limit.limit()).isEqualTo(11);
        limit.onSuccess(11);
        limit.onSuccess(12);
        assertThat(limit.limit()).isEqualTo(12);
    }

    @Test
    void doesNotGrowWhileLessThanHalfUsed() {
        AimdLimit limit = new AimdLimit(10, 2, 100, 0.5);

        limit.onSuccess(4);

        assertThat(limit.limit()).isEqualTo(10);
    }

    @Test
    void shrinksMultiplicativelyPerFailureDownToTheFloor() {
        AimdLimit limit = new AimdLimit(32, 2, 256, 0.5);

        limit.onFailure();
        assertThat(limit.limit()).isEqualTo(16);
        for (int i = 0; i < 10; i++) {
            limit.onFailure();
        }
        assertThat(limit.limit()).isEqualTo(2);
    }

    @Test
    void startsWithinItsBounds() {
        assertThat(new AimdLimit(500, 2, 256, 0.9).limit()).isEqualTo(256);
        assertThat(new AimdLimit(1, 2, 256, 0.9).limit()).isEqualTo(2);
    }

    @Test
    void settlesInProportionToHealth() {
        assertThat(settled(0.3)).isBetween(10, 40);
        assertThat(settled(0.05)).isGreaterThan(100);
        assertThat(settled(0.95)).isEqualTo(2);
    }

    /** The limit after 20,000 outcomes of an always-busy endpoint failing a share {@code p} (seeded). */
    private static int settled(double p) {
        Random random = new Random(42);
        AimdLimit limit = new AimdLimit(32, 2, 256, 0.9);
        for (int i = 0; i < 20_000; i++) {
            if (random.nextDouble() < p) {
                limit.onFailure();
            } else {
                limit.onSuccess(limit.limit());
            }
        }
        return limit.limit();
    }
}
