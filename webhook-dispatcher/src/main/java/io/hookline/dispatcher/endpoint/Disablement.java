package io.hookline.dispatcher.endpoint;

import java.time.Instant;
import java.util.Objects;

/**
 * Why and since when an endpoint is disabled. Immutable.
 *
 * @param reason for people, e.g. {@code every attempt failed for 5 days (P5D)} or {@link #BY_OPERATOR}
 * @param disabledAt when it was disabled
 * @param failingSince the first failed attempt of the streak that disabled it; {@code null} when an operator
 *        disabled it
 */
public record Disablement(String reason, Instant disabledAt, Instant failingSince) {

    /** The reason of an endpoint disabled through the API. */
    public static final String BY_OPERATOR = "disabled by an operator";

    public Disablement {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(disabledAt, "disabledAt");
    }
}
