package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Stretches a delay by a random share in {@code [0, ratio)} of itself, never more than {@code maxExtra}: an
 * upward-only jitter, so a "not before" wait is never served early, and the extra never exceeds what the engine
 * can hold in memory (the park limit) without a second Kafka record. Randomness is injected. Thread-safe if the
 * generator is.
 */
final class Jitter {

    private final double ratio;
    private final Duration maxExtra;
    private final RandomGenerator random;

    Jitter(double ratio, Duration maxExtra, RandomGenerator random) {
        this.ratio = ratio;
        this.maxExtra = maxExtra;
        this.random = random;
    }

    Duration stretch(Duration delay) {
        long extra = (long) (delay.toMillis() * ratio * random.nextDouble());
        return delay.plusMillis(Math.min(extra, maxExtra.toMillis()));
    }

    /** The largest extra {@link #stretch} may add to {@code delay}. */
    Duration maxExtra(Duration delay) {
        long extra = (long) (delay.toMillis() * ratio);
        return Duration.ofMillis(Math.min(extra, maxExtra.toMillis()));
    }
}
