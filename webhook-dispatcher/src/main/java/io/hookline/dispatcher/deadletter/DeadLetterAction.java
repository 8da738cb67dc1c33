package io.hookline.dispatcher.deadletter;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the actions topic ({@code <dead-letter topic>.actions}, key = dead-letter id).
 *
 * @param action {@link #REPLAYED}, {@link #DISCARDED} or {@link #REPLAY_DELIVERED}
 * @param by the operator ({@code dispatcher} for what the engine reports)
 * @param reason a discard's reason, or {@code null}
 */
public record DeadLetterAction(String action, String deadLetterId, Instant at, String by, String reason) {

    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";
    public static final String REPLAY_DELIVERED = "replay_delivered";
    /** The {@code by} of actions the dispatcher itself produces. */
    static final String DISPATCHER = "dispatcher";

    public DeadLetterAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(deadLetterId, "deadLetterId");
        Objects.requireNonNull(at, "at");
    }
}
