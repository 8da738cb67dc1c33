package io.hookline.dispatcher.endpoint;

import java.time.Instant;

/**
 * How an endpoint is doing in this dispatcher process, as {@code GET /endpoints/{id}} shows it ({@code health}).
 *
 * @param state the circuit: {@code closed}, {@code open} or {@code half_open}
 * @param concurrencyLimit requests it may have in flight now (adaptive)
 * @param inFlight requests in flight now
 * @param failureRate failed share of the attempts in the circuit's sliding window (0 to 1)
 * @param attemptsInWindow attempts in that window
 * @param nextProbeAt while open: when trials start; otherwise {@code null}
 */
public record EndpointHealth(String state, int concurrencyLimit, int inFlight, double failureRate,
        int attemptsInWindow, Instant nextProbeAt) {
}
