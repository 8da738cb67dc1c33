package io.hookline.dispatcher.delivery;

import java.util.random.RandomGenerator;

/** Randomness a test chooses: every {@code nextDouble()} answers the given value in {@code [0, 1)}. */
final class FixedRandom {

    private FixedRandom() {
    }

    static RandomGenerator always(double value) {
        long bits = ((long) (value * 0x1.0p53)) << 11;
        return () -> bits;
    }
}
