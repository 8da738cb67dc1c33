package io.hookline.dispatcher.autodisable;

import java.time.Instant;

/**
 * An endpoint's current run of failed attempts, from the attempt log: every attempt after {@code firstFailure}
 * failed. Immutable.
 *
 * @param firstFailure the first attempt after the endpoint's last success (or after it was last enabled, or ever)
 * @param lastFailure its latest attempt
 */
record FailureStreak(Instant firstFailure, Instant lastFailure) {

    /** How long the failures have gone on. */
    java.time.Duration span() {
        return java.time.Duration.between(firstFailure, lastFailure);
    }
}
