package io.hookline.support.supervision;

import java.time.Instant;

/**
 * A snapshot of one supervised loop.
 *
 * @param name the loop's name (also its thread's name and its metric tag)
 * @param state where it stands
 * @param restarts how many times it died and was started again
 * @param lastProgress when an iteration last finished (null if none yet)
 * @param lastFailure the type and message of the last death (null if it never died); library messages are
 *     shown only here, on the actuator, never in an API answer
 * @param lastFailureAt when it last died (null if never)
 */
public record LoopStatus(String name, LoopState state, int restarts, Instant lastProgress, String lastFailure,
        Instant lastFailureAt) {
}
