package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JitterTests {

    @Test
    void stretchesUpwardOnlyByTheDrawnShare() {
        assertThat(new Jitter(0.2, Duration.ofMinutes(1), FixedRandom.always(0)).stretch(Duration.ofSeconds(5)))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(new Jitter(0.2, Duration.ofMinutes(1), FixedRandom.always(0.5)).stretch(Duration.ofSeconds(5)))
                .isEqualTo(Duration.ofMillis(5_500));
    }

    @Test
    void neverAddsMoreThanTheCap() {
        Jitter jitter = new Jitter(0.2, Duration.ofMinutes(1), FixedRandom.always(0.999));

        assertThat(jitter.stretch(Duration.ofHours(10))).isEqualTo(Duration.ofHours(10).plusMinutes(1));
        assertThat(jitter.maxExtra(Duration.ofHours(10))).isEqualTo(Duration.ofMinutes(1));
        assertThat(jitter.maxExtra(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void spreadsDelaysOverTheWholeRange() {
        Jitter jitter = new Jitter(0.2, Duration.ofMinutes(1), new Random(7));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1_000; i++) {
            long millis = jitter.stretch(Duration.ofSeconds(10)).toMillis();
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }

        assertThat(min).isBetween(10_000L, 10_100L);
        assertThat(max).isBetween(11_900L, 11_999L);
    }
}
