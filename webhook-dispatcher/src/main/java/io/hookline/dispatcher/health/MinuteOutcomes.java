package io.hookline.dispatcher.health;

import java.time.Instant;

/**
 * One endpoint's outcomes in one minute, as {@code GET /endpoints/{id}/history} shows them.
 *
 * @param minute the start of the minute (UTC)
 * @param delivered attempts answered 2xx
 * @param failed attempts that failed (any other answer, or none)
 * @param deferred deliveries handed on without an attempt (endpoint at its cap or its circuit open)
 * @param latencyP50Ms the median attempt latency, as the upper bound of its histogram bin (at most the
 *        maximum); {@code null} without attempts
 * @param latencyMaxMs the slowest attempt; {@code null} without attempts
 */
public record MinuteOutcomes(Instant minute, long delivered, long failed, long deferred, Long latencyP50Ms,
        Long latencyMaxMs) {
}
